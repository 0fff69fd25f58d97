import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Dispatch } from '../../electron/main/dispatcher.ts';
import type { IntakeAnswers } from '../../shared/casework/intake.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { AppError, Result } from '../../shared/contract/result.ts';
import { recordConsent } from '../../electron/services/consent-record.ts';
import { createJobseeker } from '../../electron/services/jobseekers.ts';
import { seedFixture, type Fixture } from './case-fixtures.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from './temp-store.ts';

// The store the casework tests (tests/integration/electron/services/casework*.test.ts) open before each
// test: two counselors and a supervisor signed in, a way to make a case, and counts of what was written.
// `caseworkStore()` in a file's body registers it; its handles always stand for the current test's store
// (filled in before each test, so use them inside tests only).

export interface CaseworkStore {
  t: TestStore;
  counselor: SessionInfo;
  other: SessionInfo;
  supervisor: SessionInfo;
  /** A new case; with the intake's consent to all three groups unless `consent` is false (domain.md §10). */
  newJobseeker: (name?: string, consent?: boolean) => Promise<string>;
  count: (
    table: 'assessments' | 'counseling_notes' | 'competency_items' | 'outbox' | 'audit_entries',
  ) => Promise<number>;
  auditActions: (personId: string) => Promise<string[]>;
}

async function openCaseworkStore(): Promise<CaseworkStore> {
  const t = await makeTestStore();
  const counselor = await t.signIn('counselor1');
  const other = await t.signIn('counselor2');
  const supervisor = await t.signIn('supervisor1');

  async function newJobseeker(name = '김하늘', consent = true) {
    const j = await createJobseeker(
      t.store.context,
      counselor,
      {
        name,
        birthYear: 1990,
        gender: null,
        phone: null,
        email: null,
        sido: '11',
        sigungu: null,
        desiredOccupation: null,
        desiredWage: null,
        mobile: false,
      },
      true,
    );
    if (consent)
      await recordConsent(t.store.context, counselor, {
        jobseekerId: j.id,
        channel: 'counter',
        granted: { required: true, optional: true, sensitive: true },
      });
    return j.id;
  }

  async function count(
    table: 'assessments' | 'counseling_notes' | 'competency_items' | 'outbox' | 'audit_entries',
  ) {
    const row = await t.store.context.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function auditActions(personId: string) {
    const rows = await t.store.context.db
      .selectFrom('audit_entries')
      .select('action')
      .where('person_id', '=', personId)
      .orderBy('at')
      .execute();
    return rows.map((r) => r.action);
  }

  return { t, counselor, other, supervisor, newJobseeker, count, auditActions };
}

export function caseworkStore(): CaseworkStore {
  let current: CaseworkStore | undefined;
  const now = (): CaseworkStore => {
    if (!current) throw new Error('caseworkStore: the store opens in beforeEach; use it inside tests');
    return current;
  };
  const shells = {
    t: {} as TestStore,
    counselor: {} as SessionInfo,
    other: {} as SessionInfo,
    supervisor: {} as SessionInfo,
  };
  beforeEach(async () => {
    current = await openCaseworkStore();
    Object.assign(shells.t, current.t);
    Object.assign(shells.counselor, current.counselor);
    Object.assign(shells.other, current.other);
    Object.assign(shells.supervisor, current.supervisor);
  });
  afterEach(async () => {
    await current?.t.cleanup();
    current = undefined;
  });
  return {
    ...shells,
    newJobseeker: (name, consent) => now().newJobseeker(name, consent),
    count: (table) => now().count(table),
    auditActions: (personId) => now().auditActions(personId),
  };
}

// The store the service tests that go through the real dispatcher open once per file
// (tests/integration/electron/services/{groups,programmes,documents,appointments,service-referrals}/…):
// the seeded fixture (tests/support/case-fixtures.ts) and the desk's dispatcher. `dispatchStore()` in a
// file's body registers it; `t` and `f` are filled in before the first test (use them inside hooks and
// tests only).

export interface DispatchStore {
  t: TestStore;
  f: Fixture;
  dispatch: Dispatch;
  /** A desk call as `s`. */
  call: (s: SessionInfo, name: string, input: unknown) => Promise<Result<unknown>>;
  /** A desk call as `s` that must succeed: its value. */
  ok: <T>(s: SessionInfo, name: string, input: unknown) => Promise<T>;
  /** A desk call as `s` that must be refused: its error. */
  refused: (s: SessionInfo, name: string, input: unknown) => Promise<AppError>;
}

export function dispatchStore(): DispatchStore {
  let dispatcher: Dispatch | undefined;
  const t = {} as TestStore;
  const f = {} as Fixture;
  const dispatch: Dispatch = (caller, name, input) => {
    if (!dispatcher) throw new Error('dispatchStore: the store opens in beforeAll; use it inside tests');
    return dispatcher(caller, name, input);
  };
  const call = (s: SessionInfo, name: string, input: unknown) =>
    dispatch({ surface: 'desk', session: sessionHolder(s) }, name, input);
  beforeAll(async () => {
    Object.assign(t, await makeTestStore());
    Object.assign(f, await seedFixture(t));
    dispatcher = dispatcherFor(t.store).dispatch;
  });
  afterAll(() => t.cleanup());
  return {
    t,
    f,
    dispatch,
    call,
    ok: async <T>(s: SessionInfo, name: string, input: unknown): Promise<T> => {
      const r: Result<unknown> = await call(s, name, input);
      if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    },
    refused: async (s, name, input) => {
      const r: Result<unknown> = await call(s, name, input);
      if (r.ok) throw new Error(`${name} should be refused`);
      return r.error;
    },
  };
}

export const READY_WIDE: IntakeAnswers = {
  searchActivities4w: '3+',
  startWish: 'within3m',
  willToWork: 5,
  preparation: 'license',
  experience: '2y+',
  sinceLastJob: 'under6m',
  barriers: [],
  economicHardship: [],
  fieldDecided: true,
  mobile: true,
  declined: [],
  kioskItems: [],
};

export const LOW_VULNERABLE: IntakeAnswers = {
  ...READY_WIDE,
  searchActivities4w: '0',
  startWish: 'undecided',
  willToWork: 2,
  preparation: 'none',
  experience: 'none',
  sinceLastJob: 'never',
  economicHardship: ['livelihood-recipient'],
  fieldDecided: false,
  mobile: false,
};
