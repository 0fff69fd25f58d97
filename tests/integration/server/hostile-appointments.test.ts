import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { change, jobseekerFields } from '../../support/hostile.ts';
import { hostileSuite } from '../../support/hostile-suite.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';

// A hostile desktop against appointments (issue 16 item 1), over real HTTP on both dialects: the row
// belongs to its jobseeker's scope; the booker is the caller (booked_by, an event's counselor_id); the
// counselor it is with is the caller unless a supervisor names a counselor of the center; fields are
// held to their declaration; an event must say what moved or which outcome; the outcome is decisive
// (two different outcomes on the same version open a review); a kiosk ticket may only name an
// appointment the caller could write.

const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h)).toISOString();

function appointmentFields(
  jobseekerId: string,
  counselorId: string,
  booker: string,
): Record<string, unknown> {
  return {
    jobseeker_id: jobseekerId,
    counselor_id: counselorId,
    kind: 'in_person',
    starts_at: at(1),
    duration_min: 30,
    place: '2층 상담실',
    purpose: '이력서 점검',
    note: null,
    outcome: null,
    outcome_at: null,
    booked_by: booker,
    created_at: new Date().toISOString(),
  };
}

function eventFields(appointmentId: string, author: string, over: Record<string, unknown> = {}) {
  return {
    appointment_id: appointmentId,
    kind: 'booked',
    at: new Date().toISOString(),
    counselor_id: author,
    from_starts_at: null,
    to_starts_at: at(1),
    outcome: null,
    note: null,
    ...over,
  };
}

describe.each(SERVER_DIALECTS)('a hostile desktop’s appointments, on %s', (dialect) => {
  const ids = { own: uuidv7(), busan: uuidv7(), appt: uuidv7(), busanAppt: uuidv7() };

  const { h, c1, c2, sup, adm, bus, seqOf, update } = hostileSuite(dialect, ({ c1, bus }) => [
    [c1, [change(c1, 'jobseekers', ids.own, jobseekerFields('SEL01', c1.userId))]],
    [bus, [change(bus, 'jobseekers', ids.busan, jobseekerFields('BUS01', bus.userId))]],
    [
      c1,
      [
        change(c1, 'appointments', ids.appt, appointmentFields(ids.own, c1.userId, c1.userId)),
        change(c1, 'appointment_events', uuidv7(), eventFields(ids.appt, c1.userId)),
      ],
    ],
    [bus, [change(bus, 'appointments', ids.busanAppt, appointmentFields(ids.busan, bus.userId, bus.userId))]],
  ]);

  it('refuses a booking under another center’s jobseeker, and any by an admin', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'appointments', uuidv7(), appointmentFields(ids.busan, c1.userId, c1.userId)),
      'otherScope',
    );
    await h.expectRefused(
      adm,
      change(adm, 'appointments', uuidv7(), appointmentFields(ids.own, adm.userId, adm.userId)),
      'roleMayNotAdd',
    );
    // Nor may another center's counselor move or close this center's appointment.
    await h.expectRefused(
      bus,
      await update(bus, 'appointments', ids.appt, { outcome: 'no_show' }),
      'otherScope',
    );
    await h.expectRefused(
      bus,
      change(bus, 'appointment_events', uuidv7(), eventFields(ids.appt, bus.userId)),
      'otherScope',
    );
  });

  it('takes the booker and an event’s author from the token, and the owner only from a supervisor', async () => {
    await h.expectRefused(
      c1,
      change(c1, 'appointments', uuidv7(), appointmentFields(ids.own, c1.userId, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'appointment_events', uuidv7(), eventFields(ids.appt, c2.userId)),
      'notCaller',
    );
    await h.expectRefused(
      c1,
      change(c1, 'appointments', uuidv7(), appointmentFields(ids.own, c2.userId, c1.userId)),
      'assignOnlySupervisor',
    );
    await h.expectRefused(
      sup,
      change(sup, 'appointments', uuidv7(), appointmentFields(ids.own, bus.userId, sup.userId)),
      'assigneeUnknown',
    );
    const [forColleague] = await h.push(sup, [
      change(sup, 'appointments', uuidv7(), appointmentFields(ids.own, c2.userId, sup.userId)),
    ]);
    expect(forColleague?.status).toBe('applied');
    await h.expectRefused(
      c1,
      await update(c1, 'appointments', ids.appt, { booked_by: c2.userId }),
      'notUpdatable',
    );
    await h.expectRefused(
      c1,
      await update(c1, 'appointments', ids.appt, { created_at: at(3) }),
      'notUpdatable',
    );
  });

  it('holds every field to its declaration', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ duration_min: 2 }, 'invalidValue'],
      [{ duration_min: 10_000 }, 'invalidValue'],
      [{ kind: 'pigeon' }, 'invalidValue'],
      [{ outcome: 'vanished' }, 'invalidValue'],
      [{ starts_at: 'tomorrow' }, 'invalidValue'],
      [{ purpose: '   ' }, 'invalidValue'],
      [{ secret: 1 }, 'undeclaredField'],
    ];
    for (const [over, code] of bad) {
      await h.expectRefused(
        c1,
        change(c1, 'appointments', uuidv7(), {
          ...appointmentFields(ids.own, c1.userId, c1.userId),
          ...over,
        }),
        code as 'invalidValue',
      );
    }
    const { purpose: _p, ...noPurpose } = appointmentFields(ids.own, c1.userId, c1.userId);
    await h.expectRefused(c1, change(c1, 'appointments', uuidv7(), noPurpose), 'missingFields');
    // A move must say from where to where; an outcome event must say which.
    await h.expectRefused(
      c1,
      change(c1, 'appointment_events', uuidv7(), eventFields(ids.appt, c1.userId, { kind: 'rescheduled' })),
      'invalidValue',
    );
    await h.expectRefused(
      c1,
      change(c1, 'appointment_events', uuidv7(), eventFields(ids.appt, c1.userId, { kind: 'outcome' })),
      'invalidValue',
    );
  });

  it('lets the later move win and opens a review for two different outcomes', async () => {
    const base = await seqOf('appointments', ids.appt);
    const [moved] = await h.push(c1, [
      change(c1, 'appointments', ids.appt, { starts_at: at(2) }, 'update', base),
    ]);
    expect(moved?.status).toBe('applied');
    const seq = await seqOf('appointments', ids.appt);
    const [first] = await h.push(c1, [
      change(c1, 'appointments', ids.appt, { outcome: 'attended', outcome_at: at(3) }, 'update', seq),
    ]);
    expect(first?.status).toBe('applied');
    const [second] = await h.push(c2, [
      change(c2, 'appointments', ids.appt, { outcome: 'no_show', outcome_at: at(3) }, 'update', seq),
    ]);
    expect(second).toMatchObject({ status: 'review', reviewFields: ['outcome'] });
  });

  it('lets a kiosk ticket name only an appointment the caller could write', async () => {
    const ticket = (appointmentId: string) => ({
      center_code: 'SEL01',
      ticket_no: 1 + Math.floor(Math.random() * 90_000),
      ticket_day: '2026-12-07',
      service: 'job-search',
      status: 'waiting',
      self_check: null,
      created_at: new Date().toISOString(),
      called_at: null,
      done_at: null,
      counter: 'c1',
      called_by: null,
      language: 'ko',
      visitor_name: null,
      visitor_phone: null,
      consent_version: null,
      consent_at: null,
      jobseeker_id: ids.own,
      appointment_id: appointmentId,
    });
    await h.expectRefused(c1, change(c1, 'checkins', uuidv7(), ticket(ids.busanAppt)), 'referenceMissing');
    const [own] = await h.push(c1, [change(c1, 'checkins', uuidv7(), ticket(ids.appt))]);
    expect(own?.status).toBe('applied');
  });
});
