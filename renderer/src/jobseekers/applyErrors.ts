import type { UseFormSetError } from 'react-hook-form';
import type { AppError } from '../../../shared/contract/result.ts';
import type { JobseekerFormValues } from './JobseekerForm.tsx';

const FIELDS = new Set<string>([
  'name',
  'birthYear',
  'gender',
  'phone',
  'email',
  'sido',
  'sigungu',
  'desiredOccupation',
  'desiredWage',
  'mobile',
]);

/** Marks the fields main refused (paths like `fields.phone`); returns whether any field was marked. */
export function applyFieldErrors(
  setError: UseFormSetError<JobseekerFormValues>,
  issues: Array<{ field: string; message: string }>,
): boolean {
  let marked = false;
  for (const issue of issues) {
    const name = issue.field.replace(/^fields\./, '').split('.')[0] ?? '';
    if (FIELDS.has(name)) {
      setError(name as keyof JobseekerFormValues, { message: issue.message });
      marked = true;
    }
  }
  return marked;
}

export function issuesOf(error: AppError): Array<{ field: string; message: string }> {
  return error.issues ?? (error.field ? [{ field: error.field, message: error.message }] : []);
}
