import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseFile } from '../../../shared/casework/types.ts';
import { formatDateTime } from '../../../shared/domain/day-format.ts';
import { ApiError, call } from '../api.ts';

// A write that returns the case file and then moves to another page of the case (the intake's save goes
// to the assessments tab) hands the file over, so the page does not read the whole case again (a second
// audited read, and most of the intake save's time in issue 15's bench).
let handed: CaseFile | null = null;

/** The case file a write just returned, for the case page the write moves to next. */
export function handOffCaseFile(file: CaseFile): void {
  handed = file;
}

/** Loads a jobseeker's case file (one audited read) and lets tabs replace it with what a write returns. */
export function useCaseFile(jobseekerId: string) {
  const [file, setFile] = useState<CaseFile | null>(() =>
    handed?.jobseeker.id === jobseekerId ? handed : null,
  );
  const [error, setError] = useState<string | null>(null);
  const handedOver = useRef(file !== null);
  const reload = useCallback(() => {
    call('casework:get', { jobseekerId }).then(setFile, (e: unknown) =>
      setError(e instanceof ApiError ? e.error.message : 'errors.internal'),
    );
  }, [jobseekerId]);
  useEffect(() => {
    handed = null;
    if (handedOver.current) {
      handedOver.current = false;
      return;
    }
    reload();
  }, [reload]);
  return { file, setFile, error, reload };
}

/** Today on this desktop, YYYY-MM-DD. */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function errorKey(e: unknown): string {
  if (e instanceof ApiError) return e.error.issues?.[0]?.message ?? e.error.message;
  return 'errors.internal';
}

/** The one date format (shared/domain/day-format.ts), the same in both languages. */
export function dateTime(iso: string, _lang: string): string {
  return formatDateTime(iso);
}
