import type { TFunction } from 'i18next';
import type { JobseekerListRow } from '../../../shared/domain/jobseeker.ts';
import { formatDay } from '../../../shared/domain/day-format.ts';
import { formatPhone, maskPhone } from '../../../shared/domain/phone.ts';

export function classificationLabel(
  t: TFunction,
  row: Pick<JobseekerListRow, 'currentType' | 'currentTrack'>,
): string {
  if (!row.currentType) return t('jobseekers.unclassified');
  const type = t(`jobseekers.type_${row.currentType}`);
  return row.currentTrack ? `${type} · ${t(`jobseekers.track_${row.currentTrack}`)}` : type;
}

/** The whole number: only on the case file itself. */
export function phoneLabel(t: TFunction, phone: string | null): string {
  return phone ? formatPhone(phone) : t('jobseekers.noPhone');
}

/** The masked number (010-****-5678): for lists across the center, where anyone may look over. */
export function maskedPhoneLabel(t: TFunction, phone: string | null): string {
  return phone ? maskPhone(phone) : t('jobseekers.noPhone');
}

/** The one date format (shared/domain/day-format.ts), the same in both languages. */
export function dateLabel(iso: string, _lang: string): string {
  return formatDay(iso);
}
