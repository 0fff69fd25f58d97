import { performance } from 'node:perf_hooks';
import { inbox } from '../../electron/services/inbox/index.ts';
import { bulkAssign } from '../../electron/services/jobseeker-bulk.ts';
import { listForCounselor } from '../../electron/services/jobseekers.ts';
import { saveFilter } from '../../electron/services/saved-filters.ts';
import { repeatMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// Issue 16 items 2, 6, 7 on a large center's store: a counselor's inbox (every due-item source), the
// jobseeker list's first page with a saved filter of several conditions (and its count), and a
// supervisor's bulk reassignment of 1,000 cases (row, outbox entry and audit entry each, one transaction).

const RUNS = 30;
const INBOX_AIM = { below: 100 };
const FILTER_AIM = { below: 100 };
const BULK = 1_000;
const BULK_AIM_MS = 2_000;

export const worklistBench: Benchmark = {
  name: 'worklist',
  summary: 'the to-do inbox, the list with a saved filter, bulk reassignment of 1,000 cases',
  async run(ctx) {
    const demo = await ctx.demoStore();
    const counselor = await demo.signIn('counselor1');
    const services = demo.store.context;

    const inboxRuns = await repeatMs(RUNS, () => inbox(services, counselor));
    ctx.report.timings('worklist.inbox', inboxRuns, INBOX_AIM);

    // A supervisor's saved search: active cases, no contact for 30 days, no open referral.
    const lead = await demo.signIn('supervisor1');
    const saved = await saveFilter(services, lead, {
      name: '연락 필요',
      filter: { status: 'active', lastContactOlderThanDays: 30, openReferral: false },
    });
    ctx.log(`worklist: the saved filter matches ${saved.count} of ${ctx.options.jobseekers} cases`);
    const listRuns = await repeatMs(RUNS, () =>
      listForCounselor(services, lead, {
        query: '',
        sort: 'registeredAt',
        direction: 'desc',
        offset: 0,
        limit: 100,
        mine: false,
        archived: false,
        filter: saved.filter,
      }),
    );
    ctx.report.timings('worklist.list.savedFilter', listRuns, FILTER_AIM);

    const ids = (
      await services.db
        .selectFrom('jobseekers')
        .select('id')
        .where('archived', '=', 0)
        .orderBy('registered_at')
        .limit(BULK)
        .execute()
    ).map((r) => r.id);
    const to = await services.db
      .selectFrom('users')
      .select('id')
      .where('login_id', '=', 'counselor2')
      .executeTakeFirstOrThrow();
    const start = performance.now();
    const result = await bulkAssign(services, lead, { selection: { kind: 'ids', ids }, counselorId: to.id });
    const ms = performance.now() - start;
    ctx.log(`worklist: bulk reassignment changed ${result.changed} of ${result.selected}`);
    ctx.report.timings('worklist.bulkAssign.1000', [ms], { below: BULK_AIM_MS });
  },
};
