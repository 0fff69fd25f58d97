import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/schema.ts';
import { listTimeline } from '../../electron/services/timeline/index.ts';
import { sampleMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// Issue 17 item 5: a case's timeline (the `timeline:list` use case, with its audit entry) when the case
// holds 1,000 events, on the demo store (100,000 jobseekers by default). One case of counselor1 gets
// seed rows (no outbox) of several kinds — notes, appointments, referrals with their events, close and
// reopen — so every source's query has work; then the first page, a filtered page and a page deep in
// the list are read 100 times each.

const EVENTS = 1_000;
const PAGE_P95_AIM = { below: 50 };
const HLC = '000000000000000:00000:bench';
const MINUTE = 60_000;

type Rows<T extends keyof Database> = Array<Insertable<Database[T]>>;

export const timelineBench: Benchmark = {
  name: 'timeline',
  summary: 'a case timeline with 1,000 events: first page, a kind filter, a deep page',
  async run(ctx) {
    const demo = await ctx.demoStore();
    const actor = await demo.signIn('counselor1');
    const services = demo.store.context;
    const db = services.db;
    const person = await db
      .selectFrom('jobseekers')
      .select('id')
      .where('assigned_counselor_id', '=', actor.userId)
      .where('archived', '=', 0)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await seedTimelineCase(db, actor.userId, person.id);

    const first = await listTimeline(services, actor, { jobseekerId: person.id });
    if (first.total < EVENTS)
      throw new Error(`timeline bench: the case has ${first.total} events, not ${EVENTS}`);
    ctx.log(`timeline: the case has ${first.total} events; a page holds ${first.items.length}`);
    // A cursor half-way down (the fourth page of 200 onward).
    let deep: string | null = first.next;
    for (let i = 0; i < 3 && deep; i++)
      deep = (await listTimeline(services, actor, { jobseekerId: person.id, after: deep })).next;

    const tries = Array.from({ length: 100 }, (_, i) => i);
    const cpuMs: number[] = [];
    /** Also the process's CPU time per call: on a busy shared machine the wall clock mostly measures the wait. */
    const page = async (input: Parameters<typeof listTimeline>[2]) => {
      const before = process.cpuUsage();
      await listTimeline(services, actor, input);
      const used = process.cpuUsage(before);
      cpuMs.push((used.user + used.system) / 1000);
    };
    ctx.report.timings(
      'timeline.case1000.firstPage',
      await sampleMs(tries, () => page({ jobseekerId: person.id })),
      PAGE_P95_AIM,
    );
    ctx.report.timings(
      'timeline.case1000.filtered',
      await sampleMs(tries, () => page({ jobseekerId: person.id, kinds: ['note', 'job-referral'] })),
      PAGE_P95_AIM,
    );
    ctx.report.timings(
      'timeline.case1000.deepPage',
      await sampleMs(tries, () => page({ jobseekerId: person.id, after: deep })),
      PAGE_P95_AIM,
    );
    cpuMs.sort((a, b) => a - b);
    ctx.report.figure('timeline.case1000.cpu.median', cpuMs[Math.floor(cpuMs.length / 2)] ?? 0, 'ms');
    ctx.report.figure('timeline.case1000.cpu.p95', cpuMs[Math.floor(cpuMs.length * 0.95)] ?? 0, 'ms');
  },
};

/** Adds 1,000 events of several kinds to one case (seed rows, no outbox). */
export async function seedTimelineCase(
  db: Kysely<Database>,
  userId: string,
  jobseekerId: string,
): Promise<void> {
  const openings = (
    await db.selectFrom('job_openings').select('id').where('status', '=', 'open').limit(50).execute()
  ).map((o) => o.id);
  const base = Date.parse('2024-01-02T00:00:00Z');
  const when = (i: number) => new Date(base + i * 97 * MINUTE).toISOString();

  const notes: Rows<'counseling_notes'> = [];
  const appointments: Rows<'appointments'> = [];
  const referrals: Rows<'referrals'> = [];
  const events: Rows<'referral_events'> = [];
  const statuses: Rows<'case_status_events'> = [];
  let n = 0;
  // 300 appointments, 50 referrals with 4 events each (200; one referral per opening, so fewer on a
  // small store), 100 closes and reopens, and notes for the rest (400 on the demo store).
  const referralCount = Math.min(50, openings.length);
  for (let i = 0; i < EVENTS - 300 - referralCount * 4 - 100; i++)
    notes.push({
      id: uuidv7(),
      hlc: HLC,
      jobseeker_id: jobseekerId,
      kind: 'phone',
      body: `벤치마크 상담 기록 ${i}\n둘째 줄`,
      author_id: userId,
      created_at: when(n++),
      revision_of: null,
    });
  for (let i = 0; i < 300; i++)
    appointments.push({
      id: uuidv7(),
      hlc: HLC,
      jobseeker_id: jobseekerId,
      counselor_id: userId,
      kind: 'in_person',
      starts_at: when(n++),
      duration_min: 30,
      place: null,
      purpose: '벤치마크 상담',
      note: null,
      outcome: 'attended',
      outcome_at: null,
      booked_by: userId,
      created_at: when(n),
    });
  for (let i = 0; i < referralCount; i++) {
    const id = uuidv7();
    referrals.push({
      id,
      hlc: HLC,
      jobseeker_id: jobseekerId,
      opening_id: openings[i % openings.length] ?? '',
      counselor_id: userId,
      created_at: when(n),
    });
    for (const kind of ['proposed', 'referred', 'interview', 'not-hired'])
      events.push({
        id: uuidv7(),
        hlc: HLC,
        referral_id: id,
        kind,
        at: when(n++),
        counselor_id: userId,
        note: null,
      });
  }
  for (let i = 0; i < 100; i++)
    statuses.push({
      id: uuidv7(),
      hlc: HLC,
      jobseeker_id: jobseekerId,
      kind: i % 2 === 0 ? 'closed' : 'reopened',
      from_status: i % 2 === 0 ? 'active' : 'closed',
      to_status: i % 2 === 0 ? 'closed' : 'active',
      reason: i % 2 === 0 ? 'no-contact' : 'lost-job',
      no_contact_months: null,
      text: null,
      recorded_by: userId,
      recorded_at: when(n++),
    });
  await db.transaction().execute(async (trx) => {
    const chunks = async <T extends keyof Database>(table: T, rows: Rows<T>) => {
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + 200))
          .execute();
    };
    await chunks('counseling_notes', notes);
    await chunks('appointments', appointments);
    await chunks('referrals', referrals);
    await chunks('referral_events', events);
    await chunks('case_status_events', statuses);
  });
}
