import { describe, expect, it } from 'vitest';
import { countNoShows, noShowsToContact } from '../../../../../db/repositories/appointments.ts';
import type {
  AppointmentEventView,
  AppointmentView,
  AppointmentWrite,
  CaseAppointments,
  OverlapView,
} from '../../../../../shared/contract/appointments.ts';
import { FIXTURE_NOW } from '../../../../support/case-fixtures.ts';
import { dispatchStore } from '../../../../support/casework-store.ts';

// Appointments through the real dispatcher on a real store: booking with overlap warnings (never
// refused), moving with history, outcomes once, no-shows counted and listed for follow-up, and the
// refusals (bad input, another counselor's calendar, another center's case).

const { t, f, call, ok } = dispatchStore();

const at = (hhmm: string, day = '2026-11-03') => new Date(`${day}T${hhmm}:00+09:00`).toISOString();

function booking(over: Record<string, unknown> = {}) {
  return {
    jobseekerId: f.own.jobseekerId,
    kind: 'in_person',
    startsAt: at('10:00'),
    durationMin: 60,
    place: '2층 상담실',
    purpose: '이력서 점검',
    ...over,
  };
}

describe('booking', () => {
  it('books, lists in the calendar range, and warns about an overlap without refusing it', async () => {
    const c = f.sessions.counselor;
    const first = await ok<AppointmentWrite>(c, 'appointments:book', booking());
    expect(first.overlaps).toEqual([]);
    expect(first.appointment).toMatchObject({ purpose: '이력서 점검', durationMin: 60, outcome: null });
    const second = await ok<AppointmentWrite>(c, 'appointments:book', booking({ startsAt: at('10:30') }));
    expect(second.overlaps.map((o) => o.id)).toEqual([first.appointment.id]);
    const third = await ok<OverlapView[]>(c, 'appointments:overlaps', {
      startsAt: at('11:15'),
      durationMin: 30,
    });
    expect(third.map((o) => o.id)).toEqual([second.appointment.id]);
    // Back to back, before or after, is no overlap.
    for (const startsAt of [at('09:00'), at('11:30')]) {
      const none = await ok<OverlapView[]>(c, 'appointments:overlaps', { startsAt, durationMin: 60 });
      expect(none).toEqual([]);
    }
    const week = await ok<AppointmentView[]>(c, 'appointments:range', {
      from: at('00:00', '2026-11-02'),
      to: at('00:00', '2026-11-09'),
    });
    expect(week.map((a) => a.id)).toEqual([first.appointment.id, second.appointment.id]);
    // Each booking wrote the row, its event, outbox entries and an audit entry naming the person.
    const outbox = t.store.raw
      .prepare("select table_name, op from outbox where row_id = ? or table_name = 'appointment_events'")
      .all(first.appointment.id) as Array<{ table_name: string; op: string }>;
    expect(outbox).toContainEqual({ table_name: 'appointments', op: 'insert' });
    expect(outbox.filter((o) => o.table_name === 'appointment_events').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad input with translated messages and writes nothing', async () => {
    const c = f.sessions.counselor;
    const before = (t.store.raw.prepare('select count(*) as n from appointments').get() as { n: number }).n;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ durationMin: 2 }, 'appointments.v.duration'],
      [{ durationMin: 9999 }, 'appointments.v.duration'],
      [{ startsAt: '2026-13-45T10:00' }, 'appointments.v.startsAt'],
      [{ purpose: '   ' }, 'appointments.v.purpose'],
      [{ kind: 'carrier-pigeon' }, 'appointments.v.kind'],
    ];
    for (const [over, key] of cases) {
      const r = await call(c, 'appointments:book', booking(over));
      expect(r.ok, JSON.stringify(over)).toBe(false);
      if (!r.ok) expect(JSON.stringify(r.error)).toContain(key);
    }
    const after = (t.store.raw.prepare('select count(*) as n from appointments').get() as { n: number }).n;
    expect(after).toBe(before);
  });

  it("refuses another counselor's calendar to a counselor, and another center's case to anyone", async () => {
    const c = f.sessions.counselor;
    const other = f.sessions.counselor2;
    const r1 = await call(c, 'appointments:book', booking({ counselorId: other.userId }));
    expect(r1).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const r2 = await call(c, 'appointments:range', {
      from: at('00:00', '2026-11-02'),
      to: at('00:00', '2026-11-09'),
      counselorIds: [other.userId],
    });
    expect(r2).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const r3 = await call(c, 'appointments:book', booking({ jobseekerId: f.other.jobseekerId }));
    expect(r3).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A supervisor books for a counselor of the center and sees the team.
    const sup = f.sessions.supervisor;
    const forOther = await ok<AppointmentWrite>(
      sup,
      'appointments:book',
      booking({ counselorId: other.userId }),
    );
    expect(forOther.appointment.counselorId).toBe(other.userId);
    const teamWeek = await ok<AppointmentView[]>(sup, 'appointments:range', {
      from: at('00:00', '2026-11-02'),
      to: at('00:00', '2026-11-09'),
      counselorIds: [c.userId, other.userId],
    });
    expect(new Set(teamWeek.map((a) => a.counselorId))).toEqual(new Set([c.userId, other.userId]));
  });
});

describe('moving and outcomes', () => {
  it('moves an appointment keeping its history, and sends only the changed fields', async () => {
    const c = f.sessions.counselor;
    const { appointment } = await ok<AppointmentWrite>(
      c,
      'appointments:book',
      booking({ startsAt: at('15:00') }),
    );
    const moved = await ok<AppointmentWrite>(c, 'appointments:reschedule', {
      id: appointment.id,
      startsAt: at('16:00'),
      note: '구직자 요청',
    });
    expect(moved.appointment.startsAt).toBe(at('16:00'));
    const events = await ok<AppointmentEventView[]>(c, 'appointments:history', { id: appointment.id });
    expect(events.map((e) => e.kind)).toEqual(['booked', 'rescheduled']);
    expect(events[1]).toMatchObject({
      fromStartsAt: at('15:00'),
      toStartsAt: at('16:00'),
      note: '구직자 요청',
    });
    const update = t.store.raw
      .prepare("select fields from outbox where row_id = ? and op = 'update'")
      .get(appointment.id) as { fields: string };
    expect(JSON.parse(update.fields)).toEqual({ starts_at: at('16:00') });
  });

  it('records an outcome once; a no-show is counted on the case and listed until a new booking', async () => {
    const c = f.sessions.counselor;
    const { appointment } = await ok<AppointmentWrite>(
      c,
      'appointments:book',
      booking({ startsAt: at('09:00', '2026-11-01') }),
    );
    const before = await ok<CaseAppointments>(c, 'appointments:ofJobseeker', {
      jobseekerId: f.own.jobseekerId,
    });
    const done = await ok<AppointmentView>(c, 'appointments:outcome', {
      id: appointment.id,
      outcome: 'no_show',
    });
    expect(done.outcome).toBe('no_show');
    const after = await ok<CaseAppointments>(c, 'appointments:ofJobseeker', {
      jobseekerId: f.own.jobseekerId,
    });
    expect(after.noShows).toBe(before.noShows + 1);
    expect(await countNoShows(t.store.context.db, f.own.jobseekerId)).toBe(after.noShows);
    // Everything booked so far was booked "now", after the missed time: a new booking counts as the
    // follow-up only when made after the miss. The earlier bookings of this file were made at FIXTURE_NOW
    // (2026-11-02 10:00 KST), after 2026-11-01 09:00, so the case already has its follow-up.
    const listed = await noShowsToContact(t.store.context.db, c.userId);
    expect(listed.map((n) => n.appointmentId)).not.toContain(appointment.id);
    // A second outcome is refused; so is moving a closed appointment.
    const again = await call(c, 'appointments:outcome', { id: appointment.id, outcome: 'attended' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'appointments.outcomeRecorded' },
    });
    const move = await call(c, 'appointments:reschedule', { id: appointment.id, startsAt: at('10:00') });
    expect(move).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(FIXTURE_NOW.toISOString() > appointment.startsAt).toBe(true);
  });

  it('lists a no-show to contact while no later booking exists', async () => {
    const c = f.sessions.counselor;
    // The travelling case (T02, assigned to counselor1) has no appointment yet.
    const { appointment } = await ok<AppointmentWrite>(c, 'appointments:book', {
      ...booking({ jobseekerId: f.travellingId, startsAt: at('10:00', '2026-11-05') }),
    });
    await ok<AppointmentView>(c, 'appointments:outcome', { id: appointment.id, outcome: 'no_show' });
    const listed = await noShowsToContact(t.store.context.db, c.userId);
    expect(listed.map((n) => n.appointmentId)).toContain(appointment.id);
    // Booking again after the miss is the follow-up: the no-show leaves the list.
    t.store.context.now = () => new Date('2026-11-06T01:00:00Z');
    try {
      await ok<AppointmentWrite>(
        c,
        'appointments:book',
        booking({ jobseekerId: f.travellingId, startsAt: at('10:00', '2026-11-09') }),
      );
    } finally {
      t.store.context.now = () => FIXTURE_NOW;
    }
    const after = await noShowsToContact(t.store.context.db, c.userId);
    expect(after.map((n) => n.appointmentId)).not.toContain(appointment.id);
  });

  it("answers another center's appointment id as not found", async () => {
    const other = f.otherCounselor;
    const r = await call(other, 'appointments:history', { id: '00000000-0000-7000-8000-000000000000' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const mine = t.store.raw.prepare('select id from appointments limit 1').get() as { id: string };
    const probe = await call(other, 'appointments:history', { id: mine.id });
    expect(probe).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
