import { addParticipants } from '../../electron/services/groups/participants.ts';
import { create } from '../../electron/services/groups/runs.ts';
import { sampleMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// Issue 17 ("bulk enrolment of 500 ≤ 2 s"): enrolling 500 of a counselor's cases into a group programme
// run in one call (`groups:addParticipants`: scope check, duplicates, seats, then per person the
// participant row, its outbox entry and its audit entry, all in one transaction, and the run's page read
// back), on the demo store (100,000 jobseekers by default). The run holds the catalogue's maximum of 40
// seats; the other 460 go to its waiting list, which is the same write. Each sample is a new run (made
// before the timing) with 500 other people.

const PEOPLE = 500;
const SAMPLES = 5;
const AIM = { below: 2_000 };

export const groupsBench: Benchmark = {
  name: 'groups',
  summary: 'bulk enrolment of 500 cases into a group programme run',
  async run(ctx) {
    const demo = await ctx.demoStore();
    const actor = await demo.signIn('counselor1');
    const services = demo.store.context;
    const cases = (
      await services.db
        .selectFrom('jobseekers')
        .select('id')
        .where('assigned_counselor_id', '=', actor.userId)
        .where('archived', '=', 0)
        .where('status', '!=', 'closed')
        .orderBy('id')
        .limit(PEOPLE * SAMPLES)
        .execute()
    ).map((r) => r.id);
    if (cases.length < PEOPLE * SAMPLES) throw new Error(`groups: only ${cases.length} cases for counselor1`);
    const batches = Array.from({ length: SAMPLES }, (_, i) => cases.slice(i * PEOPLE, (i + 1) * PEOPLE));
    let enrolled = 0;
    let waiting = 0;
    const work: Array<{ runId: string; ids: string[] }> = [];
    for (const ids of batches) {
      const run = await create(services, actor, {
        programmeCode: 'group-achievement',
        title: '벤치마크 과정',
        facilitatorId: actor.userId,
        place: null,
        capacity: 40,
        sessions: [{ startsAt: '2026-12-01T05:00:00.000Z', durationMin: 120, place: null, capacity: null }],
      });
      work.push({ runId: run.run.id, ids });
    }
    const samples = await sampleMs(work, async ({ runId, ids }) => {
      const r = await addParticipants(services, actor, {
        programmeId: runId,
        jobseekerIds: ids,
        waitlist: true,
      });
      enrolled += r.enrolled;
      waiting += r.waiting;
    });
    ctx.log(`groups: ${SAMPLES} runs, ${enrolled} enrolled and ${waiting} waiting in all`);
    ctx.report.timings('groups.enrol500', samples, AIM);
  },
};
