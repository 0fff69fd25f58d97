import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Caller } from '../../../../electron/main/dispatcher.ts';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import type { HandlerMap } from '../../../../electron/services/handlers/index.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import {
  channelNames,
  contract,
  type AnyChannel,
  type ChannelName,
  type Role,
} from '../../../../shared/contract/index.ts';
import { seedFixture, type Fixture } from '../../../support/case-fixtures.ts';
import { jsonSchemaOf, validish } from '../../../support/input-arbitrary.ts';
import { storeWatch } from '../../../support/store-digest.ts';
import { makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';

// The gate, walked in full: every channel of the contract against every kind of caller. Exactly the
// callers a channel declares get through (shown by reaching input validation, which comes after the
// gate); every other caller is refused with `forbidden` or `unauthenticated`, the handler never runs,
// and the store (rows, outbox, audit trail) is unchanged, even when the refused call carries a
// perfectly good input pointing at real records.
//
// The second half checks the declarations themselves against domain.md §1: who may see what.

let t: TestStore;
let f: Fixture;
const ran: ChannelName[] = [];
let dispatch: ReturnType<typeof createDispatcher>;

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  // The real handlers behind a tally of which ran; the real dispatcher in front.
  const spied = Object.fromEntries(
    channelNames.map((name) => [
      name,
      (input: unknown, call: unknown) => {
        ran.push(name);
        return (handlers[name] as (i: unknown, c: unknown) => Promise<unknown>)(input, call);
      },
    ]),
  ) as unknown as HandlerMap<ChannelName>;
  dispatch = createDispatcher(spied, t.store.context, { error: () => undefined });
});
afterAll(() => t.cleanup());

interface CallerKind {
  name: string;
  surface: 'desk' | 'kiosk';
  session: () => SessionInfo | null;
}

const CALLERS: CallerKind[] = [
  { name: 'desk, nobody signed in', surface: 'desk', session: () => null },
  { name: 'desk, counselor', surface: 'desk', session: () => f.sessions.counselor },
  { name: 'desk, supervisor', surface: 'desk', session: () => f.sessions.supervisor },
  { name: 'desk, admin', surface: 'desk', session: () => f.sessions.admin },
  {
    name: 'desk, counselor whose session is locked',
    surface: 'desk',
    session: () => ({ ...f.sessions.counselor, locked: true }),
  },
  { name: 'kiosk window', surface: 'kiosk', session: () => null },
  { name: 'kiosk window holding a counselor session', surface: 'kiosk', session: () => f.sessions.counselor },
];

type Gate = 'pass' | 'forbidden' | 'unauthenticated';

/** What the declarations say should happen: the channel's surface, then its access, then the lock. */
function declared(spec: AnyChannel, kind: CallerKind): Gate {
  if (spec.surface !== kind.surface) return 'forbidden';
  if (spec.access === 'public' || spec.access === 'kiosk') return 'pass';
  const session = kind.session();
  if (!session) return 'unauthenticated';
  if (!spec.access.includes(session.role)) return 'forbidden';
  if (session.locked && !spec.whileLocked) return 'unauthenticated';
  return 'pass';
}

function caller(kind: CallerKind): Caller {
  return { surface: kind.surface, session: sessionHolder(kind.session()) };
}

/** A well-formed input for the channel (ids of real records), so a leaky gate would show as a write. */
function goodInput(name: ChannelName, seed: number): unknown {
  const arbitrary = validish(jsonSchemaOf(contract[name].input), { ids: f.allIds });
  return fc.sample(arbitrary, { seed, numRuns: 1 })[0];
}

describe('the gate, every channel against every caller', () => {
  it('lets exactly the declared callers through and refuses the others without running anything', async () => {
    const watch = storeWatch(t.store.db);
    let passed = 0;
    let refused = 0;
    for (const [index, name] of channelNames.entries()) {
      const spec = contract[name];
      for (const kind of CALLERS) {
        const expected = declared(spec, kind);
        const label = `${name} from ${kind.name}`;
        if (expected === 'pass') {
          // Not an object: only validation can refuse it, and validation comes after the gate.
          ran.length = 0;
          const result = await dispatch(caller(kind), name, 42);
          expect(result, label).toMatchObject({ ok: false, error: { code: 'validation' } });
          expect(ran, label).toEqual([]);
          passed++;
          continue;
        }
        for (const input of [{}, goodInput(name, index)]) {
          await watch.before();
          ran.length = 0;
          const result = await dispatch(caller(kind), name, input);
          expect(result, label).toMatchObject({ ok: false, error: { code: expected } });
          expect(ran, `${label}: the handler ran`).toEqual([]);
          expect(await watch.changedSinceBefore(), `${label}: the store changed`).toEqual([]);
        }
        refused++;
      }
    }
    expect(passed + refused).toBe(channelNames.length * CALLERS.length);
    console.log(
      `role walk: ${channelNames.length} channels × ${CALLERS.length} callers: ${passed} let through, ${refused} refused`,
    );
  });

  it('refuses a counselor calling a supervisor channel by hand', async () => {
    const supervisorOnly = channelNames.filter((n) => {
      const access = contract[n].access;
      return Array.isArray(access) && access.includes('supervisor') && !access.includes('counselor');
    });
    expect(supervisorOnly.length).toBeGreaterThan(0);
    const watch = storeWatch(t.store.db);
    for (const name of supervisorOnly) {
      await watch.before();
      ran.length = 0;
      const result = await dispatch(
        { surface: 'desk', session: sessionHolder(f.sessions.counselor) },
        name,
        goodInput(name, 7),
      );
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: `The counselor role may not call ${name}.` },
      });
      expect(ran).toEqual([]);
      expect(await watch.changedSinceBefore()).toEqual([]);
    }
    // The kiosk settings, concretely: a supervisor may change them, a counselor's hand-made call may not.
    const settings = await dispatch(
      { surface: 'desk', session: sessionHolder(f.sessions.supervisor) },
      'settings:getKiosk',
      {},
    );
    expect(settings).toMatchObject({ ok: true });
    if (!settings.ok) return;
    const current = (settings.value as { settings: unknown }).settings;
    const byCounselor = await dispatch(
      { surface: 'desk', session: sessionHolder(f.sessions.counselor) },
      'settings:saveKiosk',
      { settings: current },
    );
    expect(byCounselor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

// ---- The declarations against domain.md §1 ----

const CASE_ROLES: Role[] = ['counselor', 'supervisor'];

/**
 * Who may call each area, per domain.md §1. `exactly`: the access list must be this set; `includes` /
 * `excludes`: roles that must / must not be in it. A new area fails here until it is placed.
 */
const POLICY: Record<
  string,
  {
    surface: 'desk' | 'kiosk';
    exactly?: Role[] | 'public' | 'kiosk';
    includes?: Role[];
    excludes?: Role[];
    /** Channels of the area the `excludes` rule does not bind (they carry no case data). */
    except?: string[];
    /** Channels of the area with an access of their own, exactly (a supervisor's action in a case area). */
    overrides?: Record<string, Role[]>;
  }
> = {
  // Sign-in and app facts: before a session, or for any signed-in user.
  app: { surface: 'desk', exactly: 'public' },
  auth: { surface: 'desk' },
  // Case data: counselors and supervisors of the center; never admins, never the kiosk.
  // Bulk actions on many cases are a supervisor's (issue 16 item 6).
  jobseekers: {
    surface: 'desk',
    exactly: CASE_ROLES,
    overrides: {
      'jobseekers:bulkAssign': ['supervisor'],
      'jobseekers:bulkClose': ['supervisor'],
      'jobseekers:bulkExport': ['supervisor'],
    },
  },
  casework: { surface: 'desk', exactly: CASE_ROLES },
  referrals: { surface: 'desk', exactly: CASE_ROLES },
  matching: { surface: 'desk', exactly: CASE_ROLES },
  employers: { surface: 'desk', exactly: CASE_ROLES },
  openings: { surface: 'desk', exactly: CASE_ROLES },
  // The waiting list holds visitors' names and phone numbers.
  checkins: { surface: 'desk', exactly: CASE_ROLES },
  // Dashboards and exports: supervisors (a counselor sees their own caseload only, issue 7); no admin.
  reports: { surface: 'desk', includes: ['supervisor'], excludes: ['admin'] },
  // The audit log: supervisors; counselors do not read who looked at what.
  audit: { surface: 'desk', includes: ['supervisor'], excludes: ['counselor'] },
  // Center and device settings, users, devices: admins; never counselors.
  settings: { surface: 'desk', includes: ['admin'], excludes: ['counselor'] },
  accounts: { surface: 'desk', includes: ['admin'], excludes: ['counselor'] },
  users: { surface: 'desk', includes: ['admin'], excludes: ['counselor'] },
  devices: { surface: 'desk', includes: ['admin'], excludes: ['counselor'] },
  // Backups of this PC's (encrypted) store: device upkeep, an admin's job.
  backups: { surface: 'desk', includes: ['admin'], excludes: ['counselor'] },
  // Everyone who writes sees their sync state (counts only); review items and refused changes hold
  // case data, so those are for counselors and supervisors.
  sync: {
    surface: 'desk',
    includes: CASE_ROLES,
    excludes: ['admin'],
    except: ['sync:status', 'sync:now'],
  },
  // Joining a server pairs the PC's accounts and pushes its records: an admin's step, never a counselor's.
  join: { surface: 'desk', exactly: ['admin'] },
  // A form's unsaved typing: kept for the users who fill the case forms (counselors, supervisors).
  drafts: { surface: 'desk', exactly: CASE_ROLES },
  // The lobby: public information only, no session.
  kiosk: { surface: 'kiosk', exactly: 'kiosk' },
  // Issue 16: a case's close, reopen and transfer (closing many and answering a transfer are a
  // supervisor's), appointments, the to-do inbox and saved searches, merging duplicates (a supervisor's).
  lifecycle: {
    surface: 'desk',
    exactly: CASE_ROLES,
    overrides: { 'lifecycle:closeMany': ['supervisor'], 'lifecycle:decideTransfer': ['supervisor'] },
  },
  appointments: { surface: 'desk', exactly: CASE_ROLES },
  // Issue 17: a case's service referrals (서비스 연계) and the reassessment prompt after one.
  services: { surface: 'desk', exactly: CASE_ROLES },
  // Issue 17 item 3: group programmes are the center's counselors' and supervisors' work.
  groups: {
    surface: 'desk',
    exactly: CASE_ROLES,
    // Ending a whole run for everyone enrolled is the center's decision (a supervisor's), like a merge.
    overrides: { 'groups:archiveRun': ['supervisor'] },
  },
  inbox: { surface: 'desk', exactly: CASE_ROLES },
  tasks: { surface: 'desk', exactly: CASE_ROLES },
  filters: { surface: 'desk', exactly: CASE_ROLES },
  merges: {
    surface: 'desk',
    exactly: CASE_ROLES,
    overrides: {
      'merges:preview': ['supervisor'],
      'merges:merge': ['supervisor'],
      'merges:dismiss': ['supervisor'],
      'merges:dismissed': ['supervisor'],
      'merges:undoDismiss': ['supervisor'],
    },
  },
  // Issue 17: programme enrolments are case data; the center's own figures are center settings, set by its
  // admins and supervisors.
  programmes: {
    surface: 'desk',
    exactly: CASE_ROLES,
    overrides: {
      'programmes:getFigures': ['admin', 'supervisor'],
      'programmes:saveFigures': ['admin', 'supervisor'],
    },
  },
  // Issue 18: forms, signatures and verification; attachments (the size limit is a PC setting: admins
  // set it with supervisors, and everyone who adds a file reads it; it carries no case data).
  documents: { surface: 'desk', exactly: CASE_ROLES },
  // Issue 17 item 5: the case timeline is case data, for the roles that see cases.
  timeline: { surface: 'desk', exactly: CASE_ROLES },
  attachments: {
    surface: 'desk',
    exactly: CASE_ROLES,
    overrides: {
      'attachments:getLimit': ['counselor', 'supervisor', 'admin'],
      'attachments:saveLimit': ['admin', 'supervisor'],
    },
  },
};

describe('the role table against domain.md §1', () => {
  it('places every channel in an area the policy knows, with the access the area allows', () => {
    const problems: string[] = [];
    for (const name of channelNames) {
      const area = name.split(':')[0] ?? '';
      const rule = POLICY[area];
      const spec = contract[name];
      if (!rule) {
        problems.push(`${name}: area "${area}" is not in the role policy of this test (domain.md §1)`);
        continue;
      }
      if (spec.surface !== rule.surface)
        problems.push(`${name}: surface ${spec.surface}, expected ${rule.surface}`);
      const access = spec.access;
      const exactly = rule.overrides?.[name] ?? rule.exactly;
      if (exactly !== undefined) {
        const same =
          typeof exactly === 'string'
            ? access === exactly
            : Array.isArray(access) && [...access].sort().join() === [...exactly].sort().join();
        if (!same)
          problems.push(`${name}: access ${JSON.stringify(access)}, expected ${JSON.stringify(exactly)}`);
      }
      for (const role of rule.includes ?? []) {
        if (!Array.isArray(access) || !access.includes(role))
          problems.push(`${name}: ${role} should be allowed`);
      }
      for (const role of rule.except?.includes(name) ? [] : (rule.excludes ?? [])) {
        if (Array.isArray(access) && access.includes(role))
          problems.push(`${name}: ${role} must not be allowed`);
        if (access === 'public') problems.push(`${name}: public, but ${role} must not be allowed`);
      }
      // Public desk channels answer before sign-in: only app facts and the sign-in itself.
      if (access === 'public' && !['app', 'auth'].includes(area))
        problems.push(`${name}: public outside app/auth`);
      if (access === 'kiosk' && spec.surface !== 'kiosk') problems.push(`${name}: kiosk access on the desk`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the kiosk’s bridge to kiosk channels, and the kiosk channels to the kiosk', () => {
    for (const name of channelNames) {
      expect(contract[name].surface === 'kiosk', name).toBe(name.startsWith('kiosk:'));
    }
  });
});
