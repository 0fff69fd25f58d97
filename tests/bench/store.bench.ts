import { statSync } from 'node:fs';
import { createDispatcher, type Caller } from '../../electron/main/dispatcher.ts';
import { handlers } from '../../electron/services/handlers/index.ts';
import { listForCounselor, openJobseeker } from '../../electron/services/jobseekers.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { ChannelName } from '../../shared/contract/index.ts';
import type { JobseekerSort } from '../../shared/domain/jobseeker.ts';
import type { DemoStore } from './demo-store.ts';
import { FRAGMENT_KINDS, rowSampler, type SearchFragment } from './sample-rows.ts';
import { repeatMs, sampleMs } from './stats.ts';
import type { Benchmark, BenchContext } from './types.ts';

// The counselor's everyday reads on a large center's store: generating it, searching jobseekers by a
// name or phone fragment, opening the list's first page, opening one jobseeker (the audited read).

const SAMPLE_SEED = 7;
const SEARCHES = 100;
const WARM_UP = 6;
const FIRST_PAGE_RUNS = 50;
const OPENS = 200;
const PAGE = 100;
const SEARCH_P95_AIM = { below: 50 };
const OPEN_P95_AIM = { below: 20 };

export const storeBench: Benchmark = {
  name: 'store',
  summary: 'demo store generation, jobseeker search, list first page, opening a jobseeker',
  async run(ctx) {
    const demo = await ctx.demoStore();
    reportStore(ctx, demo);
    const actor = await demo.signIn('counselor1');
    const sample = rowSampler(demo.store, SAMPLE_SEED);
    const services = demo.store.context;
    const list = (query: string, sort: JobseekerSort, direction: 'asc' | 'desc') =>
      listForCounselor(services, actor, { query, sort, direction, offset: 0, limit: PAGE, mine: false });

    // Search: every fragment must find someone (they are drawn from real rows), or the figure is void.
    const search = async (f: SearchFragment) => {
      const page = await list(f.text, 'registeredAt', 'desc');
      if (page.total === 0) throw new Error(`search for a ${f.kind} fragment found no one`);
    };
    for (const f of sample.fragments(WARM_UP)) await search(f);
    const fragments = sample.fragments(SEARCHES);
    const times = await sampleMs(fragments, search);
    ctx.report.timings('search.all', times, SEARCH_P95_AIM);
    for (const kind of FRAGMENT_KINDS) {
      ctx.report.timings(
        `search.${kind}`,
        times.filter((_, i) => fragments[i]?.kind === kind),
      );
    }

    await list('', 'registeredAt', 'desc');
    ctx.report.timings(
      'list.firstPage',
      await repeatMs(FIRST_PAGE_RUNS, () => list('', 'registeredAt', 'desc')),
    );
    await list('', 'name', 'asc');
    ctx.report.timings(
      'list.firstPage.byName',
      await repeatMs(FIRST_PAGE_RUNS, () => list('', 'name', 'asc')),
    );

    const open = (id: string) => openJobseeker(services, actor, id);
    for (const id of sample.ids(WARM_UP)) await open(id);
    ctx.report.timings('jobseeker.open', await sampleMs(sample.ids(OPENS), open), OPEN_P95_AIM);

    // The same reads through the dispatcher the windows call: channel, role and zod validation included.
    const call = dispatcherCall(demo, actor);
    const firstPage = () =>
      call('jobseekers:list', { query: '', sort: 'registeredAt', direction: 'desc', limit: PAGE });
    await firstPage();
    ctx.report.timings('list.firstPage.dispatch', await repeatMs(FIRST_PAGE_RUNS, firstPage));
    const get = (id: string) => call('jobseekers:get', { id });
    for (const id of sample.ids(WARM_UP)) await get(id);
    ctx.report.timings('jobseeker.open.dispatch', await sampleMs(sample.ids(OPENS), get), OPEN_P95_AIM);
  },
};

function reportStore(ctx: BenchContext, demo: DemoStore): void {
  ctx.report.figure(`store.generate.jobseekers${countLabel(demo.jobseekers)}`, demo.generateMs / 1000, 's');
  // Move the write-ahead log into the file first, so the size is the store's and not the log's.
  demo.store.raw.pragma('wal_checkpoint(TRUNCATE)');
  ctx.report.figure('store.file.size', statSync(demo.store.file).size / 1e6, 'MB');
  const { accounts: _accounts, ...counts } = demo.summary;
  ctx.log(
    `store: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

/** 100000 → '100k', 2500000 → '2.5m', 1234 → '1234'. */
export function countLabel(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1000 && n % 100 === 0) return `${n / 1000}k`;
  return String(n);
}

function dispatcherCall(demo: DemoStore, actor: SessionInfo) {
  const dispatch = createDispatcher(handlers, demo.store.context, {
    error: (obj, msg) => process.stderr.write(`${msg}: ${JSON.stringify(obj)}\n`),
  });
  const caller: Caller = { surface: 'desk', session: { get: () => actor, set: () => undefined } };
  return async (channel: ChannelName, input: unknown): Promise<unknown> => {
    const result = await dispatch(caller, channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}
