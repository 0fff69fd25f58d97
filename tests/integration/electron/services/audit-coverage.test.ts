import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../electron/main/dispatcher.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { channelNames, type ChannelName } from '../../../../shared/contract/index.ts';
import { auditKindOf, isAccessAction, type AuditKind } from '../../../../shared/domain/audit.ts';
import { caller, caseWithRecords, seedFixture } from '../../../support/case-fixtures.ts';
import { dispatcherFor, makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';
import { ADMIN_RULES } from './audit-coverage/admin-rules.ts';
import { CASE_RULES } from './audit-coverage/case-rules.ts';
import { EMPLOYMENT_RULES } from './audit-coverage/employment-rules.ts';
import { own, type Call, type Rule, type State, type Who } from './audit-coverage/rules.ts';
import { SERVICE_RULES } from './audit-coverage/service-rules.ts';

// domain.md §10: every read of a jobseeker's record, every change, print and export is an audit entry
// naming the account, the time, the device, whose data it was and the action. This walks the contract:
// every channel is classified below (a new channel fails the first test until it is), and every channel
// that touches a person is called for real and must leave an entry naming that person.

/** In the order they are called: some calls need what an earlier one made. */
const RULES = {
  ...CASE_RULES,
  ...EMPLOYMENT_RULES,
  ...ADMIN_RULES,
  ...SERVICE_RULES,
} as Record<ChannelName, Rule>;

let t: TestStore;
let state: State;
let dispatch: Dispatch;

beforeAll(async () => {
  t = await makeTestStore();
  const f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
  const spare = await caseWithRecords(caller(dispatch), f.sessions.counselor, '박병합', f.openingId);
  state = {
    f,
    person: '',
    latestAssessmentId: f.own.assessmentId,
    createdJobseekerId: '',
    checkinId: f.checkinId,
    transferId: '',
    appointmentId: '',
    spareId: spare.jobseekerId,
    taskId: '',
    enrolmentId: '',
    groupId: '',
    groupSessionId: '',
    ownParticipantId: '',
    spareParticipantId: '',
  };
});
afterAll(() => t.cleanup());

function sessionOf(who: Who | undefined): SessionInfo {
  const s = state.f.sessions;
  return who === 'supervisor' ? s.supervisor : who === 'admin' ? s.admin : s.counselor;
}

function lastRowid(): number {
  const row = t.store.raw.prepare('select coalesce(max(rowid), 0) as n from audit_entries').get() as {
    n: number;
  };
  return row.n;
}

interface Entry {
  action: string;
  actor_id: string | null;
  device_id: string;
  at: string;
  person_id: string | null;
  subject_id: string | null;
}

function entriesAfter(rowid: number): Entry[] {
  return t.store.raw
    .prepare(
      'select action, actor_id, device_id, at, person_id, subject_id from audit_entries where rowid > ? order by rowid',
    )
    .all(rowid) as Entry[];
}

describe('the audit trail covers every channel that touches a person', () => {
  it('classifies every channel of the contract (a new channel must be placed here)', () => {
    expect(Object.keys(RULES).sort()).toEqual([...channelNames].sort());
    // Case areas hold people's data: none of their channels may be waved through as touching no one.
    const caseAreas = ['jobseekers', 'casework', 'matching', 'checkins'];
    const waved = channelNames.filter(
      (n) => caseAreas.includes(n.split(':')[0] ?? '') && RULES[n].kind === 'none',
    );
    expect(waved).toEqual([]);
  });

  const walked = (Object.entries(RULES) as Array<[ChannelName, Rule]>).filter(
    (e): e is [ChannelName, Extract<Rule, Call>] => 'input' in e[1],
  );

  it.each(walked.map(([name]) => name))('%s leaves its audit entry', async (name) => {
    const rule = RULES[name] as Extract<Rule, Call>;
    const session = sessionOf(rule.as);
    const before = lastRowid();
    const result = await dispatch(
      { surface: 'desk', session: sessionHolder(session) },
      name,
      rule.input(state),
    );
    expect(result, `${name} should succeed: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
    if (!result.ok) return;
    rule.after?.(state, result.value);
    const entries = entriesAfter(before);
    const mine = entries.filter((e) => e.actor_id === session.userId);
    // Every entry names the account, the device and the time.
    for (const e of mine) {
      expect(e.device_id).toBe(t.store.context.deviceId);
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    }
    const kinds = mine.map((e) => auditKindOf(e.action));
    const has = (kind: AuditKind) => kinds.includes(kind);
    switch (rule.kind) {
      case 'person': {
        const person = (rule.personOf ?? own)(state);
        expect(
          mine.some((e) => e.person_id === person),
          `${name}: no entry names the person (${JSON.stringify(mine)})`,
        ).toBe(true);
        break;
      }
      case 'record':
        expect(
          mine.some((e) => e.subject_id === rule.subjectOf(state)),
          `${name}: ${JSON.stringify(mine)}`,
        ).toBe(true);
        break;
      case 'list':
        expect(has('read'), `${name}: ${JSON.stringify(mine)}`).toBe(true);
        break;
      case 'export':
        expect(has('export'), `${name}: ${JSON.stringify(mine)}`).toBe(true);
        break;
      case 'permission':
        expect(
          mine.some((e) => isAccessAction(e.action)),
          `${name}: ${JSON.stringify(mine)}`,
        ).toBe(true);
        break;
      case 'logged':
        expect(mine.length, name).toBeGreaterThan(0);
        break;
    }
  });

  it('leaves the chain intact after the walk', async () => {
    const { verifyAuditChain } = await import('../../../../db/repositories/audit.ts');
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
  });
});
