import type { TFunction } from 'i18next';
import type { JobseekerListRow } from '../../../shared/domain/jobseeker.ts';
import { formatDay } from '../../../shared/domain/day-format.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';

export function classificationLabel(
  t: TFunction,
  row: Pick<JobseekerListRow, 'currentType' | 'currentTrack'>,
): string {
  if (!row.currentType) return t('jobseekers.unclassified');
  const type = t(`jobseekers.type_${row.currentType}`);
  return row.currentTrack ? `${type} · ${t(`jobseekers.track_${row.currentTrack}`)}` : type;
}

export function phoneLabel(t: TFunction, phone: string | null): string {
  return phone ? formatPhone(phone) : t('jobseekers.noPhone');
}

/** The one date format (shared/domain/day-format.ts), the same in both languages. */
export function dateLabel(iso: string, _lang: string): string {
  return formatDay(iso);
}
