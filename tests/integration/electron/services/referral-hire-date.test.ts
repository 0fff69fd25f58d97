import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobseeker } from '../../../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { ChannelName, Contract, InputOf, OutputOf } from '../../../../shared/contract/index.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { businessNumberCheckDigit } from '../../../../shared/domain/business-number.ts';
import { addDays, todayKstOf } from '../../../../shared/domain/day.ts';
import { followUpDueDate } from '../../../../shared/domain/follow-ups.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// Issue 15 item 4 on a real store, through the dispatcher: a hire has its first day, which is on or
// after the interview and never in the future; the follow-ups count from it.

let t: TestStore;
let counselor: SessionInfo;
let call: <K extends ChannelName>(
  channel: K,
  input: InputOf<Contract[K]>,
) => Promise<Result<OutputOf<Contract[K]>>>;
let ok: <K extends ChannelName>(channel: K, input: InputOf<Contract[K]>) => Promise<OutputOf<Contract[K]>>;

beforeEach(async () => {
  t = await makeTestStore();
  counselor = await t.signIn('counselor1');
  const { dispatch, desk } = dispatcherFor(t.store);
  call = (channel, input) => dispatch(desk(counselor), channel, input) as never;
  ok = async (channel, input) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
});
afterEach(() => t.cleanup());

function businessNo(first9: string): string {
  return `${first9}${businessNumberCheckDigit(first9)}`;
}

async function employer(first9 = '123456789') {
  return ok('employers:create', {
    fields: {
      businessNo: businessNo(first9),
      name: '(주)늘봄요양원',
      industry: 'Q',
      employees: 20,
      sido: '11',
    },
  });
}

async function opening(employerId: string, positions = 1) {
  return ok('openings:create', {
    employerId,
    fields: {
      title: '요양보호사 (주간)',
      occupation: '5501',
      sido: '11',
      sigungu: '11680',
      wage: 2_400_000,
      positions,
      requiredQualifications: ['요양보호사 1급'],
      public: true,
    },
  });
}

async function jobseeker(
  name: string,
  extra: Record<string, unknown> = {},
  type: 'ready' | 'needs-preparation' | null = 'ready',
) {
  const fields = jobseekerFieldsSchema.parse({
    name,
    birthYear: 1970,
    sido: '11',
    desiredOccupation: '5501',
    ...extra,
  });
  const js = await createJobseeker(t.store.context, counselor, fields, true);
  if (type)
    await t.store.db.updateTable('jobseekers').set({ current_type: type }).where('id', '=', js.id).execute();
  return js;
}

describe('the hire date of a referral', () => {
  it('refuses a hire before its interview, naming the interview date, and changes nothing', async () => {
    const e = await employer();
    const o = await opening(e.employer.id);
    const js = await jobseeker('가');
    const r = await ok('referrals:create', { jobseekerId: js.id, openingId: o.id });
    const today = todayKstOf();
    await ok('referrals:record', { referralId: r.id, kind: 'referred' });
    await ok('referrals:record', { referralId: r.id, kind: 'interview', interviewOn: today });
    const early = await call('referrals:record', {
      referralId: r.id,
      kind: 'hired',
      hiredOn: addDays(today, -3),
    });
    expect(early).toMatchObject({
      ok: false,
      error: { message: `referrals.refused.hiredBeforeInterview|interviewOn=${today}`, field: 'hiredOn' },
    });
    expect((await ok('referrals:get', { id: r.id })).state).toBe('interview');
  });

  it('refuses a hire dated in the future with the allowed range', async () => {
    const e = await employer();
    const o = await opening(e.employer.id);
    const js = await jobseeker('나');
    const r = await ok('referrals:create', { jobseekerId: js.id, openingId: o.id });
    await ok('referrals:record', { referralId: r.id, kind: 'referred' });
    const future = await call('referrals:record', { referralId: r.id, kind: 'hired', hiredOn: '2099-01-01' });
    expect(future).toMatchObject({ ok: false, error: { code: 'validation', field: 'hiredOn' } });
    if (!future.ok)
      expect(future.error.message).toMatch(/^validation\.dayRange\|min=.*\|max=.*\|field=hiredOn$/);
  });

  it('keeps the hire date and counts the follow-ups from it', async () => {
    const e = await employer();
    const o = await opening(e.employer.id);
    const js = await jobseeker('다');
    const r = await ok('referrals:create', { jobseekerId: js.id, openingId: o.id });
    const today = todayKstOf();
    const interviewOn = addDays(today, -20);
    const hiredOn = addDays(today, -10);
    await ok('referrals:record', { referralId: r.id, kind: 'referred' });
    await ok('referrals:record', { referralId: r.id, kind: 'interview', interviewOn });
    const hired = await ok('referrals:record', { referralId: r.id, kind: 'hired', hiredOn });
    expect(hired.hiredAt).toBe(hiredOn);
    expect(hired.nextFollowUp).toEqual({ months: 1, dueOn: followUpDueDate(hiredOn, 1) });
  });
});
