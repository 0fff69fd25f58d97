import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../../db/repositories/audit.ts';
import { auditList, auditOverview, maskName } from '../../../../electron/services/audit-review.ts';
import { saveAuditSettings } from '../../../../electron/services/audit-trail.ts';
import { createJobseeker } from '../../../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { DEFAULT_AUDIT_SETTINGS } from '../../../../shared/domain/audit.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// The supervisor's audit screen (domain.md §10): the center's entries with filters, and the flags with
// the center's thresholds: many distinct records viewed by one account in a day, work outside office
// hours (weekends included), exports. Counselors cannot open it.

let t: TestStore;
let counselor: SessionInfo;
let counselor2: SessionInfo;
let supervisor: SessionInfo;
const people: Array<{ id: string; regNo: string }> = [];

// Monday 5 to Saturday 10 October 2026, Korean time.
const PERIOD = { from: '2026-10-05', to: '2026-10-10', flaggedOnly: false };
const kst = (day: string, time: string) => new Date(`${day}T${time}:00+09:00`).toISOString();

async function entry(s: SessionInfo, at: string, action: string, personId: string | null, center = 'T01') {
  await appendAudit(t.store.db, {
    at,
    actorId: s.userId,
    actorLogin: s.loginId,
    deviceId: t.store.context.deviceId,
    action,
    subjectType: personId ? 'jobseeker' : 'report',
    subjectId: personId,
    personId,
    centerCode: center,
  });
}

beforeAll(async () => {
  t = await makeTestStore();
  t.store.context.now = () => new Date('2026-09-01T01:00:00Z');
  counselor = await t.signIn('counselor1');
  counselor2 = await t.signIn('counselor2');
  supervisor = await t.signIn('supervisor1');
  for (let i = 0; i < 7; i++) {
    const js = await createJobseeker(
      t.store.context,
      counselor,
      { name: `김하늘${i}`, birthYear: 1990, sido: '11' } as never,
      true,
    );
    people.push({ id: js.id, regNo: js.regNo });
  }
  await saveAuditSettings(t.store.context, supervisor, { ...DEFAULT_AUDIT_SETTINGS, manyRecordsPerDay: 5 });
  // Tuesday: counselor1 opens six people's records in office hours (over the threshold of five).
  for (const [i, p] of people.slice(0, 6).entries())
    await entry(counselor, kst('2026-10-06', `10:0${i}`), 'jobseeker.read', p.id);
  // Wednesday: counselor2 reads one record in the evening, five in the day (not over the threshold).
  await entry(counselor2, kst('2026-10-07', '20:30'), 'jobseeker.read', people[0]?.id ?? null);
  for (const p of people.slice(1, 5))
    await entry(counselor2, kst('2026-10-07', '11:00'), 'jobseeker.read', p.id);
  // Thursday: the supervisor exports a report; Saturday: counselor2 at the office.
  await entry(supervisor, kst('2026-10-08', '16:00'), 'report.export', null);
  await entry(counselor2, kst('2026-10-10', '10:00'), 'jobseeker.update', people[6]?.id ?? null);
  // Another center's entry on this desktop's store: never shown to this center's supervisor.
  await entry(counselor, kst('2026-10-06', '10:30'), 'jobseeker.read', people[6]?.id ?? null, 'T99');
  t.store.context.now = () => new Date('2026-10-12T01:00:00Z');
});
afterAll(() => t.cleanup());

describe('the audit screen', () => {
  it('shows entries per day and flags the unusual patterns with the center’s thresholds', async () => {
    const o = await auditOverview(t.store.context, supervisor, PERIOD);
    expect(o.days.map((d) => [d.day, d.entries, d.flagged])).toEqual([
      ['2026-10-05', 0, false],
      ['2026-10-06', 6, true],
      ['2026-10-07', 5, true],
      ['2026-10-08', 1, true],
      ['2026-10-09', 0, false],
      ['2026-10-10', 1, true],
    ]);
    expect(o.findings).toEqual(
      expect.arrayContaining([
        { flag: 'many-records', day: '2026-10-06', actorLogin: 'counselor1', count: 6 },
        { flag: 'off-hours', day: '2026-10-07', actorLogin: 'counselor2', count: 1 },
        { flag: 'export', day: '2026-10-08', actorLogin: 'supervisor1', count: 1 },
        { flag: 'off-hours', day: '2026-10-10', actorLogin: 'counselor2', count: 1 },
      ]),
    );
    expect(o.findings).toHaveLength(4);
    expect(o.settings.manyRecordsPerDay).toBe(5);
  });

  it('lists entries newest first with who, when, what and whose data (masked), and their flags', async () => {
    const page = await auditList(t.store.context, supervisor, { filter: PERIOD, offset: 0, limit: 100 });
    expect(page.total).toBe(13);
    const first = page.entries[0];
    expect(first).toMatchObject({
      actorLogin: 'counselor2',
      action: 'jobseeker.update',
      kind: 'change',
      thisDevice: true,
      person: { id: people[6]?.id, regNo: people[6]?.regNo, maskedName: '김**6' },
      flags: ['off-hours'],
    });
    const busy = page.entries.filter((e) => e.flags.includes('many-records'));
    expect(busy).toHaveLength(6);
    expect(page.entries.find((e) => e.action === 'report.export')?.flags).toEqual(['export']);
    expect(JSON.stringify(page)).not.toContain('김하늘');
  });

  it('filters by account, kind, person (registration number), device and flagged only', async () => {
    const list = (filter: Partial<Parameters<typeof auditList>[2]['filter']>) =>
      auditList(t.store.context, supervisor, { filter: { ...PERIOD, ...filter }, offset: 0, limit: 100 });
    expect((await list({ actorId: counselor2.userId })).total).toBe(6);
    expect((await list({ kind: 'export' })).entries.map((e) => e.action)).toEqual(['report.export']);
    expect((await list({ kind: 'change' })).total).toBe(1);
    const person = people[0];
    const byPerson = await list({ person: person?.regNo ?? '' });
    expect(byPerson.entries.map((e) => e.person?.id)).toEqual([person?.id, person?.id]);
    expect((await list({ deviceId: 'another-pc' })).total).toBe(0);
    const flagged = await list({ flaggedOnly: true });
    expect(flagged.total).toBe(6 + 1 + 1 + 1);
    expect(flagged.entries.every((e) => e.flags.length > 0)).toBe(true);
    const unknown = await auditOverview(t.store.context, supervisor, { ...PERIOD, person: '99-ZZZZ-ZZZZ' });
    expect(unknown.unknownPerson).toBe(true);
  });

  it('records that the trail was looked at, naming the person looked up', async () => {
    const person = people[1];
    await auditOverview(t.store.context, supervisor, { ...PERIOD, person: person?.regNo ?? '' });
    const last = t.store.raw
      .prepare('select action, actor_id, person_id from audit_entries order by rowid desc limit 1')
      .get();
    expect(last).toEqual({ action: 'audit.view', actor_id: supervisor.userId, person_id: person?.id });
  });

  it('is for supervisors only: a counselor is refused by the channel itself', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    for (const channel of ['audit:list', 'audit:overview'] as const) {
      const input = channel === 'audit:list' ? { filter: PERIOD } : { filter: PERIOD };
      expect(await dispatch(desk(counselor), channel, input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await dispatch(desk(supervisor), channel, input)).toMatchObject({ ok: true });
    }
  });

  it('refuses a period that ends before it starts, or spans more than a year', async () => {
    const { dispatch, desk } = dispatcherFor(t.store);
    expect(
      await dispatch(desk(supervisor), 'audit:overview', {
        filter: { from: '2026-10-09', to: '2026-10-01' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      await dispatch(desk(supervisor), 'audit:overview', {
        filter: { from: '2024-01-01', to: '2026-10-01' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation', message: 'audit.validation.periodTooLong' } });
  });

  it('masks names, keeping the first and last letter', () => {
    expect(maskName('김하늘')).toBe('김*늘');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('이솔')).toBe('이*');
    expect(maskName('A')).toBe('*');
  });
});
