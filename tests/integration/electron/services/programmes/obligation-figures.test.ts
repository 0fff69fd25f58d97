import { describe, expect, it } from 'vitest';
import type { EnrolmentView } from '../../../../../shared/contract/programmes.ts';
import type { InboxPage } from '../../../../../shared/domain/tasks.ts';
import { caller, caseWithRecords } from '../../../../support/case-fixtures.ts';
import { dispatchStore } from '../../../../support/casework-store.ts';

// An enrolment's obligation periods are spaced by the figures in force when it was made (migration 0025,
// programme_enrolments.obligation_figures): a center changing its interval (Settings › 프로그램 기준값)
// re-spaces nothing already enrolled; only new enrolments take the new value.

const { t, f, dispatch, ok } = dispatchStore();

const inputs = { age: 41, householdIncomePct: 55, assetsBand: 'under-400m', recentWorkDays: 240 };

/** Enrols the case in nes-1 and walks it to the service stage on `serviceOn`, as a counselor does. */
async function enrolToService(jobseekerId: string, serviceOn: string): Promise<EnrolmentView> {
  const c = f.sessions.counselor;
  await ok(c, 'casework:recordConsent', { jobseekerId, granted: { sensitive: true } });
  let e = await ok<EnrolmentView>(c, 'programmes:enrol', { jobseekerId, programmeCode: 'nes-1' });
  await ok(c, 'programmes:precheck', { enrolmentId: e.id, inputs });
  await ok(c, 'programmes:decide', { enrolmentId: e.id, decision: 'admit', reasonCode: 'meets-rules' });
  await ok(c, 'programmes:move', { enrolmentId: e.id, to: 'plan', on: '2026-11-03' });
  await ok(c, 'programmes:savePlan', {
    enrolmentId: e.id,
    goals: ['물류 사무직 취업'],
    items: [
      { activity: '이력서 작성', who: 'jobseeker', partner: null, from: '2026-11-04', to: '2026-11-15' },
    ],
  });
  await ok(c, 'programmes:agreePlan', { enrolmentId: e.id, on: '2026-11-04' });
  e = await ok<EnrolmentView>(c, 'programmes:move', { enrolmentId: e.id, to: 'service', on: serviceOn });
  return e;
}

const spans = (e: EnrolmentView) => e.periods.map((p) => `${p.period} ${p.from}..${p.to}`);

describe('obligation periods fixed on the enrolment', () => {
  it('keeps an enrolment’s periods when the center changes its interval; a new one uses the new value', async () => {
    const before = await enrolToService(f.own.jobseekerId, '2026-11-05');
    expect(before.periods).toHaveLength(6);
    expect(before.periods[1]).toMatchObject({ from: '2026-12-05', to: '2027-01-03' });
    // The center sets a 14-day interval and 3 periods.
    await ok(f.sessions.admin, 'programmes:saveFigures', {
      figures: {
        'nes-1.obligations.job-search-report.intervalDays': 14,
        'nes-1.obligations.job-search-report.periods': 3,
      },
    });
    const list = await ok<{ enrolments: EnrolmentView[] }>(f.sessions.counselor, 'programmes:ofJobseeker', {
      jobseekerId: f.own.jobseekerId,
    });
    const again = list.enrolments.find((x) => x.id === before.id);
    expect(again && spans(again)).toEqual(spans(before));
    // The to-do inbox spaces them the same way. On 2027-01-10 the enrolment's own periods due are the
    // first two (30 days from 2026-11-05: ending 2026-12-04 and 2027-01-03), never the center's new
    // 14-day ones (ending 2026-11-18, 2026-12-02, 2026-12-16).
    const clock = t.store.context.now;
    t.store.context.now = () => new Date('2027-01-10T01:00:00.000Z');
    try {
      const inbox = await ok<InboxPage>(f.sessions.counselor, 'inbox:list', {});
      const due = inbox.items
        .filter((i) => i.key.startsWith(`obligation:${before.id}:`))
        .map((i) => `${i.detail.period} ${i.dueOn}`);
      expect(due).toEqual(['1 2026-12-04', '2 2027-01-03']);
    } finally {
      t.store.context.now = clock;
    }
    // A decision on period 6 (which a re-spacing to 3 periods would have lost) is still taken.
    const decided = await ok<EnrolmentView>(f.sessions.counselor, 'programmes:decidePeriod', {
      enrolmentId: before.id,
      obligation: 'job-search-report',
      period: 6,
      decision: 'met',
      reasonCode: null,
      reasonText: null,
      on: '2027-05-05',
      corrects: null,
    });
    expect(decided.periods[5]?.decision?.decision).toBe('met');

    const other = await caseWithRecords(caller(dispatch), f.sessions.counselor, '박여름', f.openingId);
    const after = await enrolToService(other.jobseekerId, '2026-11-05');
    expect(spans(after)).toEqual([
      '1 2026-11-05..2026-11-18',
      '2 2026-11-19..2026-12-02',
      '3 2026-12-03..2026-12-16',
    ]);
    const stored = t.store.raw
      .prepare('select obligation_figures from programme_enrolments where id = ?')
      .get(after.id) as { obligation_figures: string };
    expect(JSON.parse(stored.obligation_figures)).toEqual({
      'nes-1.obligations.job-search-report.intervalDays': 14,
      'nes-1.obligations.job-search-report.periods': 3,
    });
    // Synced as made: the outbox carries the fixed figures with the insert.
    const queued = t.store.raw
      .prepare("select fields from outbox where table_name = 'programme_enrolments' and row_id = ?")
      .get(after.id) as { fields: string } | undefined;
    expect(queued && JSON.parse(queued.fields)).toMatchObject({
      obligation_figures: stored.obligation_figures,
    });
  });
});
