import type { TFunction } from 'i18next';
import { formatPhone } from '../../../shared/domain/phone.ts';
import { formatDateTime } from '../../../shared/domain/day-format.ts';
import type { ReviewView } from '../../../shared/contract/sync.ts';
import { WHOLE_CHANGE, WHOLE_RECORD } from '../../../shared/sync/protocol.ts';
import { refusalAdvice } from '../../../shared/sync/refusals.ts';

// How review items and refused changes read on the desk: field names and values in the words
// counselors use (people by name, states by their label), times in the local format.

const PERSON_FIELDS = new Set(['assigned_counselor_id', 'counselor_id']);

export function fieldLabel(t: TFunction, field: string): string {
  if (field === WHOLE_RECORD) return t('reviews.wholeRecord');
  if (field === WHOLE_CHANGE) return t('reviews.wholeChange');
  return t(`reviews.fields.${field}`, { defaultValue: field });
}

export function tableLabel(t: TFunction, table: string): string {
  return t(`reviews.tables.${table}`, { defaultValue: table });
}

export function timeLabel(iso: string | null, _lang: string): string | null {
  if (!iso) return null;
  const text = formatDateTime(iso, '');
  return text === '' ? null : text;
}

function scalar(
  t: TFunction,
  item: Pick<ReviewView, 'table' | 'valueLabels'>,
  field: string,
  v: unknown,
): string {
  if (v === null || v === undefined || v === '') return t('reviews.empty_value');
  if (typeof v === 'boolean') return v ? t('reviews.yes') : t('reviews.no');
  if (typeof v === 'object') return JSON.stringify(v);
  // From here on a string or a number.
  const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
  if (typeof v === 'string' && PERSON_FIELDS.has(field)) return item.valueLabels[v] ?? v;
  if (field === 'archived') return v === 1 || v === '1' ? t('reviews.yes') : t('reviews.no');
  // The consent in force (a decisive field): given or not given.
  if (field.startsWith('consent_')) return t(v === 1 || v === '1' ? 'consent.granted' : 'consent.declined');
  if (field === 'phone' && typeof v === 'string') return formatPhone(v);
  if (field === 'status' && item.table === 'jobseekers')
    return t(`jobseekers.status_${text}`, { defaultValue: text });
  if (field === 'current_type') return t(`jobseekers.type_${text}`, { defaultValue: text });
  if (field === 'current_track') return t(`jobseekers.track_${text}`, { defaultValue: text });
  if (field === 'outcome') return t(`referrals.state.${text}`, { defaultValue: text });
  if (typeof v === 'number') return v.toLocaleString();
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** A value of an item: one field's value, or the fields of a whole held record or change, one per line. */
export function valueLines(
  t: TFunction,
  item: Pick<ReviewView, 'table' | 'valueLabels' | 'field'>,
  value: unknown,
): string[] {
  if (
    (item.field === WHOLE_RECORD || item.field === WHOLE_CHANGE) &&
    value !== null &&
    typeof value === 'object'
  ) {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !['hlc', 'id', 'seq', 'created_at', 'updated_at', 'prev_hash', 'hash'].includes(k))
      .slice(0, 8)
      .map(([k, v]) => `${fieldLabel(t, k)}: ${scalar(t, item, k, v)}`);
  }
  if (item.field === WHOLE_RECORD || item.field === WHOLE_CHANGE) return [t('reviews.empty_value')];
  return [scalar(t, item, item.field, value)];
}

/**
 * The server states refusals in English sentences from the shared catalog (shared/sync/refusals.ts);
 * the desk shows the counselor's words and what to do for the ones it knows (the original stays
 * visible under it), and a sentence from a newer server as it came.
 */
export function reasonLabel(t: TFunction, reason: string): string | null {
  const advice = refusalAdvice(reason);
  return advice ? t(`refusedChanges.reasons.${advice}`) : null;
}
