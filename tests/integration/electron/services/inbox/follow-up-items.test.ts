import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseload } from '../../../../../electron/services/casework-caseload.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf, OutputOf } from '../../../../../shared/contract/index.ts';
import { businessNumberCheckDigit } from '../../../../../shared/domain/business-number.ts';
import { addDays, todayKstOf } from '../../../../../shared/domain/day.ts';
import { followUpDueDate } from '../../../../../shared/domain/follow-ups.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../../support/temp-store.ts';

// 사후관리 in the counselor's day (issue 16 item 2, issue 3's follow-ups): a hire's next 1/3/6-month
// follow-up is a due item of whoever holds the case, the next one once one is recorded, none once the
// series has ended, and it follows the case to a new counselor. The inbox and the caseload read the open
// series from `follow_up_series` (desktop migration 0026), so this also holds its triggers to the screens.

let t: TestStore;
let counselor: SessionInfo;
let counselor2: SessionInfo;
let supervisor: SessionInfo;
let ok: <K extends ChannelName>(
  who: SessionInfo,
  channel: K,
  input: InputOf<Contract[K]>,
) => Promise<OutputOf<Contract[K]>>;

beforeEach(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
  counselor2 = await t.signIn('counselor2');
  supervisor = await t.signIn('supervisor1');
  const { dispatch, desk } = dispatcherFor(t.store);
  ok = async (who, channel, input) => {
    const r = await dispatch(desk(who), channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as never;
  };
});
afterEach(() => t.cleanup());

/** A case of counselor1 hired `daysAgo` days ago through a referral. */
async function hiredCase(name: string, daysAgo: number) {
  const first9 = String(100_000_000 + Math.floor(Math.random() * 800_000_000));
  const e = await ok(counselor, 'employers:create', {
    fields: {
      businessNo: `${first9}${businessNumberCheckDigit(first9)}`,
      name: `(주)${name}상사`,
      industry: 'Q',
      employees: 20,
      sido: '11',
    },
  });
  const o = await ok(counselor, 'openings:create', {
    employerId: e.employer.id,
    fields: {
      title: '요양보호사',
      occupation: '5501',
      sido: '11',
      sigungu: '11680',
      wage: 2_400_000,
      positions: 1,
    },
  });
  const js = await ok(counselor, 'jobseekers:create', {
    fields: { name, birthYear: 1988, sido: '11', desiredOccupation: '5501' },
    confirmedNotDuplicate: true,
  });
  const r = await ok(counselor, 'referrals:create', { jobseekerId: js.id, openingId: o.id });
  const today = todayKstOf();
  const hiredOn = addDays(today, -daysAgo);
  await ok(counselor, 'referrals:record', { referralId: r.id, kind: 'referred' });
  await ok(counselor, 'referrals:record', {
    referralId: r.id,
    kind: 'interview',
    interviewOn: addDays(hiredOn, -7),
  });
  await ok(counselor, 'referrals:record', { referralId: r.id, kind: 'hired', hiredOn });
  return { jobseekerId: js.id, referralId: r.id, hiredOn };
}

async function followUps(who: SessionInfo) {
  const page = await ok(who, 'inbox:list', {});
  return page.items.filter((i) => i.source === 'follow-up');
}

describe('follow-ups in the inbox and the caseload', () => {
  it('lists the next due follow-up of a hire until the series ends, for whoever holds the case', async () => {
    const fresh = await hiredCase('신입사', 5); // nothing due yet
    const hire = await hiredCase('정사후', 120); // the 1-month and 3-month checks have passed
    const one = followUpDueDate(hire.hiredOn, 1);
    expect(await followUps(counselor)).toEqual([
      expect.objectContaining({
        key: `follow-up:referral:${hire.referralId}`,
        dueOn: one,
        status: 'overdue',
        subject: { kind: 'jobseeker', id: hire.jobseekerId, label: '정사후' },
        detail: { months: 1 },
      }),
    ]);

    // Recorded: the next one (3 months) is due in its turn.
    const record = (months: 1 | 3 | 6, employed: boolean) =>
      ok(counselor, 'referrals:record', { referralId: hire.referralId, kind: 'follow-up', months, employed });
    await record(1, true);
    expect((await followUps(counselor)).map((i) => [i.dueOn, i.detail])).toEqual([
      [followUpDueDate(hire.hiredOn, 3), { months: 3 }],
    ]);
    const page = { query: '', unclassified: false, attentionOnly: false, offset: 0, limit: 200 };
    expect((await caseload(t.store.context, counselor, page)).overdueFollowUps).toBe(1);

    // The supervisor gives the case to counselor2: the item goes with it.
    const row = await t.store.db
      .selectFrom('jobseekers')
      .select('seq')
      .where('id', '=', hire.jobseekerId)
      .executeTakeFirstOrThrow();
    await ok(supervisor, 'jobseekers:assign', {
      id: hire.jobseekerId,
      baseSeq: Number(row.seq),
      counselorId: counselor2.userId,
    });
    expect(await followUps(counselor)).toEqual([]);
    expect((await followUps(counselor2)).map((i) => i.key)).toEqual([
      `follow-up:referral:${hire.referralId}`,
    ]);

    // The person has left the job: the series ends, nothing is due any more, on either screen.
    await ok(counselor2, 'referrals:record', {
      referralId: hire.referralId,
      kind: 'follow-up',
      months: 3,
      employed: false,
    });
    expect(await followUps(counselor2)).toEqual([]);
    expect((await caseload(t.store.context, counselor2, page)).overdueFollowUps).toBe(0);
    const kept = await t.store.db.selectFrom('follow_up_series').select('referral_id').execute();
    expect(kept.map((k) => k.referral_id)).toEqual([fresh.referralId]);
  });
});
