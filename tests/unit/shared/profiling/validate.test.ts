import { describe, it, expect, expectTypeOf } from 'vitest';
import type {
  JOBSEEKER_TYPE_VALUES,
  ECONOMIC_VALUES,
  ECONOMIC_HARDSHIP_OPTIONS,
  JOBSEEKER_TRACK_VALUES,
  LEVEL_VALUES,
  SEARCH_ACTIVITIES_OPTIONS,
  START_WISH_OPTIONS,
  PREPARATION_OPTIONS,
  EXPERIENCE_OPTIONS,
  SINCE_LAST_JOB_OPTIONS,
  BARRIER_OPTIONS,
} from '../../../../shared/profiling/index.ts';
import {
  classifyJobseeker,
  ProfilingInputError,
  jobseekerChecklistSchema,
  profilingMessages,
  checklistLabelKey,
  checklistOptionKey,
  WILL_TO_WORK_OPTIONS,
  CHECKLIST_ITEMS,
  CHECKLIST_OPTIONS,
  type JobseekerChecklist,
  type JobseekerClassification,
  type Level,
} from '../../../../shared/profiling/index.ts';
import { type Barrier, type Hardship, checklist, motivationOf, abilityOf } from './jobseeker-answers.ts';

// What the profiling accepts as a checklist (shared/profiling/validate.ts): invalid input names the
// item and never guesses; the answer lists the intake form offers match domain.md §3.

describe('classifyJobseeker: invalid input names the item and never guesses', () => {
  const valid = checklist({ ...motivationOf(5), ...abilityOf(5), fieldDecided: true });

  function errorOf(input: unknown): ProfilingInputError {
    try {
      classifyJobseeker(input as JobseekerChecklist);
    } catch (e) {
      if (e instanceof ProfilingInputError) return e;
      throw new Error(`expected a ProfilingInputError, got ${String(e)}`);
    }
    throw new Error('expected classifyJobseeker to throw');
  }

  it.each(CHECKLIST_ITEMS)('a missing %s is refused, naming it', (item) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[item];
    const e = errorOf(input);
    expect(e.field).toBe(item);
    expect(e.message).toContain(`"${item}"`);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ProfilingInputError');
  });

  it.each<[string, unknown]>([
    ['searchActivities4w', '4'],
    ['searchActivities4w', 2],
    ['startWish', 'soon'],
    ['startWish', ''],
    ['willToWork', 0],
    ['willToWork', 6],
    ['willToWork', 3.5],
    ['willToWork', '3'],
    ['preparation', 'degree'],
    ['experience', '2y'],
    ['sinceLastJob', 'recent'],
    ['barriers', ['cancer']],
    ['barriers', 'health'],
    ['barriers', ['health', 'health']],
    ['barriers', [null]],
    ['economicHardship', ['poor']],
    ['economicHardship', ['housing', 'housing']],
    ['economicHardship', {}],
    ['fieldDecided', 'yes'],
    ['fieldDecided', 1],
    ['mobile', null],
    ['mobile', 'false'],
  ])('%s = %j is refused, naming the item', (item, value) => {
    const e = errorOf({ ...valid, [item]: value });
    expect(e.field).toBe(item);
    expect(e.message).toMatch(new RegExp(`^Invalid checklist item "${item}": expected `));
  });

  it('gives the allowed answers in the message', () => {
    expect(errorOf({ ...valid, willToWork: 9 }).message).toBe(
      'Invalid checklist item "willToWork": expected 1, 2, 3, 4 or 5',
    );
    expect(errorOf({ ...valid, searchActivities4w: 'x' }).message).toBe(
      'Invalid checklist item "searchActivities4w": expected "0", "1-2" or "3+"',
    );
    expect(errorOf({ ...valid, barriers: ['digital', 'digital'] }).message).toBe(
      'Invalid checklist item "barriers": expected a list of distinct values, each "health", "caregiving", "language" or "digital"',
    );
    expect(errorOf({ ...valid, mobile: undefined }).message).toBe(
      'Invalid checklist item "mobile": expected true or false',
    );
  });

  it('does not echo the value it refused (answers can be sensitive)', () => {
    expect(errorOf({ ...valid, barriers: ['dementia-diagnosis'] }).message).not.toContain('dementia');
  });

  it('names the first bad item in form order when several are bad', () => {
    expect(errorOf({ ...valid, mobile: 'x', startWish: 'x', experience: 'x' }).field).toBe('startWish');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'checklist'],
    ['an array', [valid]],
  ])('refuses %s as a checklist', (_label, input) => {
    const e = errorOf(input);
    expect(e.field).toBe('');
    expect(e.message).toBe('Invalid checklist: expected an object');
  });

  it('ignores unknown extra keys', () => {
    const r = classifyJobseeker({ ...valid, note: 'extra', legacyScore: 3 } as JobseekerChecklist);
    expect(r).toEqual(classifyJobseeker(valid));
  });
});

describe('checklist vocabulary for the intake form', () => {
  it('the exported answer lists match the types of domain.md §3', () => {
    expectTypeOf<(typeof SEARCH_ACTIVITIES_OPTIONS)[number]>().toEqualTypeOf<
      JobseekerChecklist['searchActivities4w']
    >();
    expectTypeOf<(typeof START_WISH_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['startWish']>();
    expectTypeOf<(typeof WILL_TO_WORK_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['willToWork']>();
    expectTypeOf<(typeof PREPARATION_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['preparation']>();
    expectTypeOf<(typeof EXPERIENCE_OPTIONS)[number]>().toEqualTypeOf<JobseekerChecklist['experience']>();
    expectTypeOf<(typeof SINCE_LAST_JOB_OPTIONS)[number]>().toEqualTypeOf<
      JobseekerChecklist['sinceLastJob']
    >();
    expectTypeOf<(typeof BARRIER_OPTIONS)[number]>().toEqualTypeOf<Barrier>();
    expectTypeOf<(typeof ECONOMIC_HARDSHIP_OPTIONS)[number]>().toEqualTypeOf<Hardship>();
    expectTypeOf<(typeof LEVEL_VALUES)[number]>().toEqualTypeOf<Level>();
    expectTypeOf<(typeof JOBSEEKER_TRACK_VALUES)[number]>().toEqualTypeOf<JobseekerClassification['track']>();
    expectTypeOf<(typeof JOBSEEKER_TYPE_VALUES)[number]>().toEqualTypeOf<JobseekerClassification['type']>();
    expectTypeOf<(typeof ECONOMIC_VALUES)[number]>().toEqualTypeOf<JobseekerClassification['economic']>();
    expectTypeOf<(typeof CHECKLIST_ITEMS)[number]>().toEqualTypeOf<keyof JobseekerChecklist>();
    expect(CHECKLIST_ITEMS).toHaveLength(10);
    expect(WILL_TO_WORK_OPTIONS).toEqual([1, 2, 3, 4, 5]);
  });

  it('every item has a question and every answer a text, in Korean and English', () => {
    const keys = CHECKLIST_ITEMS.flatMap((item) => [
      checklistLabelKey(item),
      `checklist.${item}.invalid`,
      ...CHECKLIST_OPTIONS[item].map((v: string | number | boolean) => checklistOptionKey(item, v)),
    ]);
    expect(keys).toContain('checklist.searchActivities4w.option.1-2');
    expect(keys).toContain('checklist.fieldDecided.option.true');
    const missing = keys.filter((k) => !profilingMessages.ko[k] || !profilingMessages.en[k]);
    expect(missing).toEqual([]);
  });

  it('the schema reports i18n keys that have texts, for forms and IPC', () => {
    const result = jobseekerChecklistSchema.safeParse({});
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toHaveLength(CHECKLIST_ITEMS.length);
    for (const m of messages) {
      expect(profilingMessages.ko[m]).toBeTruthy();
      expect(profilingMessages.en[m]).toBeTruthy();
    }
    expect(jobseekerChecklistSchema.safeParse(null).error?.issues[0]?.message).toBe('checklist.invalid');
  });

  it('the schema accepts a valid checklist and strips unknown keys', () => {
    const valid = checklist({ barriers: ['digital'], economicHardship: ['housing'] });
    expect(jobseekerChecklistSchema.parse({ ...valid, extra: 1 })).toEqual(valid);
  });
});
