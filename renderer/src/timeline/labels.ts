import type { TFunction } from 'i18next';
import type { TimelineEvent } from '../../../shared/domain/timeline.ts';

// How a timeline event reads: its title's message with the codes in its values turned into the words
// the other tabs use (분류 유형, 상담 방식, 종결 사유, 서식 이름…), its day and time in the desktop's
// time zone, and where it leads.

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The day an event belongs to: a bare day as given, an instant in the desktop's time zone. */
export function dayOf(at: string): string {
  if (DAY_ONLY.test(at)) return at;
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "14:30", or null for an event recorded by its day only (a day of hire). */
export function clockOf(at: string): string | null {
  if (DAY_ONLY.test(at)) return null;
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-11-03 (화)" / "2026-11-03 (Tue)". */
export function dayHeading(day: string, lang: string): string {
  const weekday = new Intl.DateTimeFormat(lang === 'en' ? 'en' : 'ko', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
  return `${day} (${weekday})`;
}

/** A code turned into its label where another tab has one; anything else as it is. */
function label(t: TFunction, key: string, code: string | number | undefined): string {
  if (code === undefined || code === '') return '';
  const text = t(key, { defaultValue: '' });
  return text === '' ? String(code) : text;
}

/** The title's values with codes in words. */
function valuesOf(t: TFunction, e: TimelineEvent): Record<string, string | number> {
  const v = { ...(e.title.values ?? {}) };
  const s = (name: string) => (v[name] === undefined ? '' : String(v[name]));
  switch (e.kind) {
    case 'assessment': {
      const type = label(t, `jobseekers.type_${s('type')}`, v.type);
      const track = label(t, `jobseekers.track_${s('track')}`, v.track);
      v.label = track ? `${type} · ${track}` : type;
      break;
    }
    case 'note':
      v.kind = label(t, `notes.kind_${s('kind')}`, v.kind);
      break;
    case 'appointment':
      v.kind = label(t, `appointments.kinds.${s('kind')}`, v.kind);
      break;
    case 'document':
      if (v.form !== undefined) v.form = label(t, `documents.kind.${s('form')}`, v.form);
      if (v.kind !== undefined) v.kind = label(t, `attachments.kind.${s('kind')}`, v.kind);
      break;
    case 'lifecycle':
      if (v.reason !== undefined) v.reason = label(t, `lifecycle.reasons.${s('reason')}`, v.reason);
      break;
    default:
      break;
  }
  return v;
}

/** The event's line; a title this version has no text for reads as its kind (a newer desktop's event). */
export function titleOf(t: TFunction, e: TimelineEvent): string {
  const text = t(e.title.key, { ...valuesOf(t, e), defaultValue: '' });
  return text === '' ? t(`timeline.kinds.${e.kind}`) : text;
}

/** Where the entry leads: the case's tab, and the record in it (`?record=`) when it has one. */
export function hrefOf(jobseekerId: string, e: TimelineEvent): string | null {
  if (!e.link) return null;
  const base =
    e.link.tab === 'record' ? `/jobseekers/${jobseekerId}` : `/jobseekers/${jobseekerId}/${e.link.tab}`;
  return e.link.id ? `${base}?record=${encodeURIComponent(e.link.id)}` : base;
}
