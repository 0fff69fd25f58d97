import type { Insertable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { AppointmentKind, AppointmentOutcome } from '../../../shared/domain/appointments.ts';
import type { ServiceContext } from '../context.ts';
import { seededUuidv7, type Rng } from './random.ts';

// Demo appointments (issue 16 item 1): for every counselor, a working day's worth of meetings with
// their own jobseekers over the eight weeks before the anchor day and the four after it, with
// outcomes for the past ones (mostly attended, some no-shows and cancellations) and each booking's
// history event. Seed data: no outbox, like the rest of the demo.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const KST = 9 * HOUR;
const HLC_ZERO = '000000000000000:00000:demo';
const BATCH = 400;

const PURPOSES = [
  '초기 상담',
  '이력서 점검',
  '직업훈련 안내',
  '취업 알선 상담',
  '면접 준비',
  '사후 관리',
  '구직활동 점검',
];
const ROOMS = ['1층 상담실 1', '1층 상담실 2', '2층 상담실 3', '2층 집단상담실'];

type Appointment = Insertable<Database['appointments']>;
type AppointmentEvent = Insertable<Database['appointment_events']>;

function pickOutcome(rng: Rng): AppointmentOutcome {
  return rng.weighted([
    ['attended', 75],
    ['no_show', 10],
    ['cancelled_by_jobseeker', 8],
    ['cancelled_by_center', 4],
    ['rescheduled', 3],
  ] as const);
}

export interface DemoAppointmentInput {
  /** UTC midnight of the anchor day (the day the demo is "as of"). */
  anchorMs: number;
  /** Each counselor and the ids of their jobseekers. */
  caseloads: ReadonlyMap<string, readonly string[]>;
  rng: Rng;
  /** Appointments per counselor per working day (default 5). */
  perDay?: number;
}

/** Writes the appointments; returns how many. */
export async function generateDemoAppointments(
  ctx: ServiceContext,
  o: DemoAppointmentInput,
): Promise<number> {
  const { rng } = o;
  const appointments: Appointment[] = [];
  const events: AppointmentEvent[] = [];
  const perDay = o.perDay ?? 5;
  for (const [counselorId, caseload] of o.caseloads) {
    if (caseload.length === 0) continue;
    for (let d = -56; d <= 28; d++) {
      const dayMs = o.anchorMs + d * DAY;
      const weekday = new Date(dayMs + KST).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      // Half-hour slots from 09:00 to 17:00 KST, a few of them taken.
      const slots = new Set<number>();
      while (slots.size < perDay) slots.add(rng.int(0, 15));
      for (const slot of [...slots].sort((a, b) => a - b)) {
        const start = dayMs - KST + 9 * HOUR + slot * 30 * 60_000;
        const created = start - rng.int(1, 21) * DAY;
        const id = seededUuidv7(created, rng);
        const kind: AppointmentKind = rng.weighted([
          ['in_person', 6],
          ['phone', 3],
          ['video', 1],
        ] as const);
        const past = d < 0;
        const outcome = past ? pickOutcome(rng) : null;
        appointments.push({
          id,
          hlc: HLC_ZERO,
          jobseeker_id: rng.pick(caseload),
          counselor_id: counselorId,
          kind,
          starts_at: new Date(start).toISOString(),
          duration_min: rng.weighted([
            [30, 6],
            [60, 3],
            [45, 1],
          ] as const),
          place: kind === 'in_person' ? rng.pick(ROOMS) : null,
          purpose: rng.pick(PURPOSES),
          note: null,
          outcome,
          outcome_at: outcome ? new Date(start + HOUR).toISOString() : null,
          booked_by: counselorId,
          created_at: new Date(created).toISOString(),
        });
        events.push({
          id: seededUuidv7(created, rng),
          hlc: HLC_ZERO,
          appointment_id: id,
          kind: 'booked',
          at: new Date(created).toISOString(),
          counselor_id: counselorId,
          from_starts_at: null,
          to_starts_at: new Date(start).toISOString(),
          outcome: null,
          note: null,
        });
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < appointments.length; i += BATCH)
      await trx
        .insertInto('appointments')
        .values(appointments.slice(i, i + BATCH))
        .execute();
    for (let i = 0; i < events.length; i += BATCH)
      await trx
        .insertInto('appointment_events')
        .values(events.slice(i, i + BATCH))
        .execute();
  });
  return appointments.length;
}
