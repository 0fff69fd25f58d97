import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../../electron/main/dispatcher.ts';
import type { AppointmentView, AppointmentWrite } from '../../../../../shared/contract/appointments.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type { Result } from '../../../../../shared/contract/result.ts';
import { seedFixture, type Fixture } from '../../../../support/case-fixtures.ts';
import {
  dispatcherFor,
  makeTestStore,
  sessionHolder,
  type TestStore,
} from '../../../../support/temp-store.ts';

// The lobby's "I have an appointment" on a real store through the kiosk bridge: today's appointment of
// this center's jobseeker, by name and the last four digits, gets one ticket naming it (tapping again
// gives the same one), the counselor's calendar shows the arrival, and the audit names the person.
// Anything else — wrong digits, another center's case, another day — answers only "not found".

let t: TestStore;
let f: Fixture;
let dispatch: Dispatch;
const kiosk = { surface: 'kiosk' as const, session: sessionHolder(null) };

beforeAll(async () => {
  t = await makeTestStore();
  f = await seedFixture(t); // the clock: 2026-11-02 10:00 in Seoul
  dispatch = dispatcherFor(t.store).dispatch;
});
afterAll(() => t.cleanup());

async function ok<T>(s: SessionInfo, name: string, input: unknown): Promise<T> {
  const r: Result<unknown> = await dispatch({ surface: 'desk', session: sessionHolder(s) }, name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const kst = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+09:00`).toISOString();

function booking(jobseekerId: string, startsAt: string) {
  return { jobseekerId, kind: 'in_person', startsAt, durationMin: 30, purpose: '상담' };
}

const arrive = (name: string, phoneLast4: string) =>
  dispatch(kiosk, 'kiosk:appointmentArrive', { name, phoneLast4, language: 'ko' });

describe('I have an appointment', () => {
  let today: AppointmentWrite;

  beforeAll(async () => {
    today = await ok<AppointmentWrite>(
      f.sessions.counselor,
      'appointments:book',
      booking(f.own.jobseekerId, kst('2026-11-02', '11:00')),
    );
    await ok(
      f.sessions.counselor,
      'appointments:book',
      booking(f.own.jobseekerId, kst('2026-11-03', '11:00')),
    );
    await ok(f.otherCounselor, 'appointments:book', booking(f.other.jobseekerId, kst('2026-11-02', '11:00')));
  });

  it('answers a wrong match, another center’s case or a wrong day with nothing but not found', async () => {
    for (const [name, digits] of [
      ['김하늘', '0000'],
      ['김하나', '3000'],
      ['이바다', '3000'], // a T02 case: not this kiosk's center
    ] as const) {
      expect(await arrive(name, digits)).toEqual({ ok: true, value: { found: false } });
    }
    const tickets = t.store.raw
      .prepare('select count(*) as n from checkins where appointment_id is not null')
      .get() as {
      n: number;
    };
    expect(tickets.n).toBe(0);
  });

  it('refuses malformed input with translated messages', async () => {
    const r = await dispatch(kiosk, 'kiosk:appointmentArrive', {
      name: '',
      phoneLast4: '12a4',
      language: 'ko',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(JSON.stringify(r.error)).toContain('kioskScreens.appointment.fourDigits');
    }
  });

  it('gives one ticket naming today’s appointment, and the counselor sees the arrival', async () => {
    const first = await arrive(' 김 하늘 ', '3000');
    expect(first).toMatchObject({ ok: true, value: { found: true, startsAt: today.appointment.startsAt } });
    const again = await arrive('김하늘', '3000');
    expect(again).toEqual(first);
    const rows = t.store.raw
      .prepare('select jobseeker_id, visitor_name, visitor_phone from checkins where appointment_id = ?')
      .all(today.appointment.id);
    expect(rows).toEqual([{ jobseeker_id: f.own.jobseekerId, visitor_name: null, visitor_phone: null }]);
    const audit = t.store.raw
      .prepare("select person_id from audit_entries where action = 'appointment.arrive'")
      .all() as Array<{ person_id: string }>;
    expect(audit).toEqual([{ person_id: f.own.jobseekerId }]);
    const day = await ok<AppointmentView[]>(f.sessions.counselor, 'appointments:range', {
      from: kst('2026-11-02', '00:00'),
      to: kst('2026-11-03', '00:00'),
    });
    expect(day.find((a) => a.id === today.appointment.id)?.arrivedAt).not.toBeNull();
    // The ticket goes through sync like any ticket, naming the appointment.
    const outbox = t.store.raw
      .prepare(
        "select fields from outbox where table_name = 'checkins' and op = 'insert' order by client_seq desc limit 1",
      )
      .get() as { fields: string };
    expect(JSON.parse(outbox.fields)).toMatchObject({ appointment_id: today.appointment.id });
  });
});
