import type { Insertable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/schema.ts';
import { range } from '../../electron/services/appointments.ts';
import { sampleMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// Issue 16 item 1: a counselor's week calendar (the `appointments:range` use case, with its audit
// entry) when that counselor has 2,000 appointments, on the demo store (100,000 jobseekers by default).
// The demo books a few hundred per counselor; the rest are added here as seed rows (no outbox), spread
// over the weeks around the demo's anchor day.

const TARGET = 2_000;
const WEEKS = 60;
const WEEK_P95_AIM = { below: 50 };
const DAY = 86_400_000;

export const appointmentsBench: Benchmark = {
  name: 'appointments',
  summary: "a counselor's week calendar with 2,000 appointments",
  async run(ctx) {
    const demo = await ctx.demoStore();
    const actor = await demo.signIn('counselor1');
    const services = demo.store.context;
    const db = services.db;
    const have = Number(
      (
        await db
          .selectFrom('appointments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('counselor_id', '=', actor.userId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const cases = (
      await db
        .selectFrom('jobseekers')
        .select('id')
        .where('assigned_counselor_id', '=', actor.userId)
        .limit(500)
        .execute()
    ).map((r) => r.id);
    const first = await db
      .selectFrom('appointments')
      .select((eb) => eb.fn.min('starts_at').as('m'))
      .where('counselor_id', '=', actor.userId)
      .executeTakeFirst();
    const base = Date.parse(first?.m ?? '2026-01-05T00:00:00Z');
    const rows: Array<Insertable<Database['appointments']>> = [];
    for (let i = have; i < TARGET; i++) {
      const start = base + (i % (WEEKS * 5)) * DAY * 1.4 + ((i * 7) % 16) * 30 * 60_000;
      rows.push({
        id: uuidv7(),
        hlc: '000000000000000:00000:bench',
        jobseeker_id: cases[i % cases.length] ?? '',
        counselor_id: actor.userId,
        kind: 'in_person' as const,
        starts_at: new Date(start).toISOString(),
        duration_min: 30,
        place: null,
        purpose: '벤치마크 상담',
        note: null,
        outcome: null,
        outcome_at: null,
        booked_by: actor.userId,
        created_at: new Date(start - 7 * DAY).toISOString(),
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 400)
        await trx
          .insertInto('appointments')
          .values(rows.slice(i, i + 400))
          .execute();
    });
    const span = await db
      .selectFrom('appointments')
      .select((eb) => [eb.fn.min('starts_at').as('lo'), eb.fn.max('starts_at').as('hi')])
      .where('counselor_id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    const lo = Date.parse(span.lo ?? '');
    const weeks = Math.max(1, Math.floor((Date.parse(span.hi ?? '') - lo) / (7 * DAY)));
    const starts = Array.from({ length: 100 }, (_, i) => lo + ((i * 37) % weeks) * 7 * DAY);
    let shown = 0;
    const samples = await sampleMs(starts, async (from) => {
      const week = await range(services, actor, {
        from: new Date(from).toISOString(),
        to: new Date(from + 7 * DAY).toISOString(),
      });
      shown += week.length;
    });
    ctx.log(
      `appointments: counselor1 has ${Math.max(have, TARGET)} appointments over ${weeks} weeks; ` +
        `a week shows ${(shown / starts.length).toFixed(0)} on average`,
    );
    ctx.report.timings('appointments.week.range2000', samples, WEEK_P95_AIM);
  },
};
