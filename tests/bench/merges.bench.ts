import { addNote } from '../../electron/services/casework.ts';
import { recordConsent } from '../../electron/services/consent-record.ts';
import { listDuplicatePairs, mergeCases } from '../../electron/services/merges.ts';
import { repeatMs, timeMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// Issue 16 item 5 on a large center's store: the duplicate list of the center (the shared keys the
// desktop keeps in duplicate_keys, migration 0024, each looked up over 0015's indexes), and merging a case that has 500 records into another (the
// survivor's values, the tombstone, every record moved, one outbox entry and the audit entry, in one
// transaction). Aims from the issue: merge ≤ 200 ms; the list is given the list aim of the desk (≤ 100 ms).

const CHILDREN = 500;
const MERGES = 5;
const LIST_RUNS = 10;

export const mergesBench: Benchmark = {
  name: 'merges',
  summary: 'the duplicate pairs of a center; merging a case with 500 records into another',
  async run(ctx) {
    const demo = await ctx.demoStore();
    const lead = await demo.signIn('supervisor1');
    const services = demo.store.context;

    const lists = await repeatMs(LIST_RUNS, () => listDuplicatePairs(services, lead));
    ctx.report.timings('merges.duplicates.list', lists, { below: 100 });

    // Pairs of live cases of the center; the case merged away gets the required consent (notes need it)
    // and 500 notes; each merge is timed alone.
    const rows = await services.db
      .selectFrom('jobseekers')
      .select(['id', 'seq'])
      .where('center_code', '=', lead.centerCode)
      .where('archived', '=', 0)
      .orderBy('registered_at', 'desc')
      .limit(MERGES * 2)
      .execute();
    if (rows.length < MERGES * 2) throw new Error('not enough cases in the demo store');
    const times: number[] = [];
    for (let i = 0; i < MERGES; i++) {
      const survivor = rows[2 * i]?.id ?? '';
      const merged = rows[2 * i + 1]?.id ?? '';
      await recordConsent(services, lead, {
        jobseekerId: merged,
        channel: 'counter',
        granted: { required: true },
      });
      for (let n = 0; n < CHILDREN; n++)
        await addNote(services, lead, { jobseekerId: merged, kind: 'phone', body: `벤치 상담 ${n + 1}` });
      const seqs = await services.db
        .selectFrom('jobseekers')
        .select(['id', 'seq'])
        .where('id', 'in', [survivor, merged])
        .execute();
      const seqOf = (id: string) => Number(seqs.find((r) => r.id === id)?.seq ?? 0);
      times.push(
        await timeMs(() =>
          mergeCases(services, lead, {
            survivorId: survivor,
            mergedId: merged,
            take: ['phone'],
            survivorSeq: seqOf(survivor),
            mergedSeq: seqOf(merged),
          }),
        ),
      );
    }
    ctx.log(`merges: ${MERGES} merges of a case with at least ${CHILDREN} records`);
    ctx.report.timings('merges.merge.children500', times, { below: 200 });
  },
};
