import type { IntakeAnswers, SensitiveItem } from '../../../shared/casework/intake.ts';
import { KIOSK_ITEMS } from '../../../shared/casework/intake.ts';
import {
  CHECKLIST_ITEMS,
  classifyJobseeker,
  JOBSEEKER_POINTS,
  type ChecklistItem,
  type JobseekerChecklist,
  type JobseekerClassification,
} from '../../../shared/profiling/index.ts';

// The intake form's values and what they mean for the rules: pure, so the live classification and
// the save use one conversion.

export type SetState = '' | 'none' | 'some' | 'declined';

export interface IntakeFormValues {
  searchActivities4w: string;
  startWish: string;
  willToWork: string;
  preparation: string;
  experience: string;
  sinceLastJob: string;
  barriers: string[];
  barriersState: SetState;
  economicHardship: string[];
  economicHardshipState: SetState;
  fieldDecided: string;
  mobile: string;
  decision: 'accepted' | 'overridden';
  overrideTrack: string;
  reasonCode: string;
  reasonText: string;
  reassessDueOn: string;
  kioskConfirmed: boolean;
  consentRequired: boolean;
  consentOptional: boolean;
  consentSensitive: boolean;
}

export const SINGLE_ITEMS = [
  'searchActivities4w',
  'startWish',
  'willToWork',
  'preparation',
  'experience',
  'sinceLastJob',
  'fieldDecided',
  'mobile',
] as const;

export const EMPTY_INTAKE: IntakeFormValues = {
  searchActivities4w: '',
  startWish: '',
  willToWork: '',
  preparation: '',
  experience: '',
  sinceLastJob: '',
  barriers: [],
  barriersState: '',
  economicHardship: [],
  economicHardshipState: '',
  fieldDecided: '',
  mobile: '',
  decision: 'accepted',
  overrideTrack: '',
  reasonCode: '',
  reasonText: '',
  reassessDueOn: '',
  kioskConfirmed: false,
  consentRequired: false,
  consentOptional: false,
  consentSensitive: false,
};

/** Initial values from the kiosk pre-fill (React Router state); returns which items it answered. */
export function fromPrefill(prefill: unknown): { values: Partial<IntakeFormValues>; items: ChecklistItem[] } {
  if (!prefill || typeof prefill !== 'object') return { values: {}, items: [] };
  const p = prefill as Partial<Record<ChecklistItem, unknown>>;
  const values: Partial<IntakeFormValues> = {};
  const items: ChecklistItem[] = [];
  for (const item of SINGLE_ITEMS) {
    const v = p[item];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      values[item] = String(v);
      items.push(item);
    }
  }
  for (const item of ['barriers', 'economicHardship'] as const) {
    const v = p[item];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      values[item] = v;
      values[`${item}State`] = v.length > 0 ? 'some' : 'none';
      items.push(item);
    }
  }
  return { values, items };
}

function answeredSet(state: SetState): boolean {
  return state !== '';
}

export function missingItems(v: IntakeFormValues): ChecklistItem[] {
  return CHECKLIST_ITEMS.filter((item) => {
    if (item === 'barriers') return !answeredSet(v.barriersState);
    if (item === 'economicHardship') return !answeredSet(v.economicHardshipState);
    return v[item] === '';
  });
}

/** The answers as the contract takes them, or null while an item is unanswered. */
export function toAnswers(v: IntakeFormValues, kioskItems: readonly ChecklistItem[]): IntakeAnswers | null {
  if (missingItems(v).length > 0) return null;
  const declined: SensitiveItem[] = [];
  if (v.barriersState === 'declined') declined.push('barriers');
  if (v.economicHardshipState === 'declined') declined.push('economicHardship');
  return {
    searchActivities4w: v.searchActivities4w as IntakeAnswers['searchActivities4w'],
    startWish: v.startWish as IntakeAnswers['startWish'],
    willToWork: Number(v.willToWork) as IntakeAnswers['willToWork'],
    preparation: v.preparation as IntakeAnswers['preparation'],
    experience: v.experience as IntakeAnswers['experience'],
    sinceLastJob: v.sinceLastJob as IntakeAnswers['sinceLastJob'],
    barriers: v.barriersState === 'some' ? (v.barriers as IntakeAnswers['barriers']) : [],
    economicHardship:
      v.economicHardshipState === 'some' ? (v.economicHardship as IntakeAnswers['economicHardship']) : [],
    fieldDecided: v.fieldDecided === 'true',
    mobile: v.mobile === 'true',
    declined,
    kioskItems: KIOSK_ITEMS.filter((k) => kioskItems.includes(k)),
  };
}

export function classifyAnswers(a: IntakeAnswers): JobseekerClassification {
  const declined = new Set<string>(a.declined);
  const checklist: JobseekerChecklist = {
    searchActivities4w: a.searchActivities4w,
    startWish: a.startWish,
    willToWork: a.willToWork,
    preparation: a.preparation,
    experience: a.experience,
    sinceLastJob: a.sinceLastJob,
    barriers: declined.has('barriers') ? [] : a.barriers,
    economicHardship: declined.has('economicHardship') ? [] : a.economicHardship,
    fieldDecided: a.fieldDecided,
    mobile: a.mobile,
  };
  return classifyJobseeker(checklist);
}

/** Points of one answer, for the labels (null for items without points). */
export function pointsOf(item: ChecklistItem, value: string): number | null {
  const p = JOBSEEKER_POINTS;
  switch (item) {
    case 'searchActivities4w':
      return p.searchActivities4w[value as keyof typeof p.searchActivities4w];
    case 'startWish':
      return p.startWish[value as keyof typeof p.startWish];
    case 'willToWork':
      return p.willToWork[Number(value) as keyof typeof p.willToWork];
    case 'preparation':
      return p.preparation[value as keyof typeof p.preparation];
    case 'experience':
      return p.experience[value as keyof typeof p.experience];
    case 'sinceLastJob':
      return p.sinceLastJob[value as keyof typeof p.sinceLastJob];
    default:
      return null;
  }
}

/** Scores so far, while the form is incomplete. */
export function partialScores(v: IntakeFormValues): { motivation: number; ability: number } {
  const sum = (items: readonly ChecklistItem[]) =>
    items.reduce(
      (n, item) =>
        n +
        (v[item as keyof IntakeFormValues] !== ''
          ? (pointsOf(item, String(v[item as keyof IntakeFormValues])) ?? 0)
          : 0),
      0,
    );
  const barrierCount = v.barriersState === 'some' ? v.barriers.length : 0;
  const barrierPoints = JOBSEEKER_POINTS.barrierCount[Math.min(barrierCount, 2)] ?? 0;
  return {
    motivation: sum(['searchActivities4w', 'startWish', 'willToWork']),
    ability: sum(['preparation', 'experience', 'sinceLastJob']) + barrierPoints,
  };
}
