import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../../electron/main/dispatcher.ts';
import type { AppointmentWrite } from '../../../../../shared/contract/appointments.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type { Result } from '../../../../../shared/contract/result.ts';
import type { JobseekerListPage } from '../../../../../shared/domain/jobseeker.ts';
import type { InboxPage } from '../../../../../shared/domain/tasks.ts';
import { caller, caseWithRecords, seedFixture, type Fixture } from '../../../../support/case-fixtures.ts';
import {
  dispatcherFor,
  makeTestStore,
  sessionHolder,
  type TestStore,
} from '../../../../support/temp-store.ts';

// Where appointments meet the counselor's day (issue 16 items 1, 2, 7): a no-show is a due item in
// 오늘 할 일 until something is booked again, and "appointment this week" filters the jobseeker list by
// the Korean week (the fixture's clock is Monday 2026-11-02, 10:00 in Seoul).

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;
let missed: string;

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t);
  dispatch = dispatcherFor(t.store).dispatch;
  missed = (await caseWithRecords(caller(dispatch), f.sessions.counselor, '박불참', f.openingId)).jobseekerId;
});
afterAll(() => t.cleanup());

async function ok<T>(s: SessionInfo, name: string, input: unknown): Promise<T> {
  const r: Result<unknown> = await dispatch({ surface: 'desk', session: sessionHolder(s) }, name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+09:00`).toISOString();
const book = (jobseekerId: string, startsAt: string) =>
  ok<AppointmentWrite>(f.sessions.counselor, 'appointments:book', {
    jobseekerId,
    kind: 'phone',
    startsAt,
    durationMin: 30,
    purpose: '구직활동 점검',
  });

async function listed(filter: Record<string, unknown>): Promise<string[]> {
  const page = await ok<JobseekerListPage>(f.sessions.counselor, 'jobseekers:list', { query: '', filter });
  return page.rows.map((r) => r.id);
}

describe('appointments in the inbox and the list filters', () => {
  it('lists a no-show as overdue until a new appointment is booked', async () => {
    const gone = await book(missed, at('2026-10-30', '14:00'));
    await ok(f.sessions.counselor, 'appointments:outcome', { id: gone.appointment.id, outcome: 'no_show' });
    const before = await ok<InboxPage>(f.sessions.counselor, 'inbox:list', {});
    const item = before.items.find((i) => i.key === `no-show:${gone.appointment.id}`);
    expect(item).toMatchObject({
      source: 'no-show',
      dueOn: '2026-10-30',
      status: 'overdue',
      subject: { kind: 'jobseeker', id: missed },
    });
    await book(missed, at('2026-11-04', '09:30'));
    const after = await ok<InboxPage>(f.sessions.counselor, 'inbox:list', {});
    expect(after.items.some((i) => i.source === 'no-show')).toBe(false);
  });

  it('filters the list by an appointment in this Korean week, Monday to Sunday', async () => {
    // Missed's appointment of Wednesday counts; the one of last Friday does not make anyone match.
    expect(await listed({ appointmentThisWeek: true })).toEqual([missed]);
    // Sunday 23:30 in Seoul is still this week; the next Monday 00:00 is not.
    await book(f.own.jobseekerId, at('2026-11-09', '00:00'));
    expect(await listed({ appointmentThisWeek: true })).toEqual([missed]);
    await book(f.own.jobseekerId, at('2026-11-08', '23:30'));
    expect((await listed({ appointmentThisWeek: true })).sort()).toEqual([missed, f.own.jobseekerId].sort());
    // Combined with another filter, both must hold.
    expect(await listed({ appointmentThisWeek: true, counselor: 'none' })).toEqual([]);
  });
});
