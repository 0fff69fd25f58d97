import { saveAssessment } from '../../electron/services/casework.ts';
import { listForCounselor } from '../../electron/services/jobseekers.ts';
import type { IntakeAnswers } from '../../shared/casework/intake.ts';
import type { DemoStore } from './demo-store.ts';
import { rowSampler } from './sample-rows.ts';
import { summarize, timeMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// What encrypting the store costs (issue 8): the same search and intake work on the encrypted demo
// store and on an unencrypted twin made from the same seed, in the same run, calls interleaved so page
// cache and CPU state favour neither. Ratios are encrypted ÷ plain.

const SEARCHES = 100;
const SAVES = 200;
const SAMPLE_SEED = 11;

const ANSWERS: IntakeAnswers = {
  searchActivities4w: '1-2',
  startWish: 'within3m',
  willToWork: 4,
  preparation: 'education',
  experience: 'under2y',
  sinceLastJob: '6to24m',
  barriers: [],
  economicHardship: [],
  fieldDecided: true,
  mobile: true,
  declined: [],
  kioskItems: [],
};

async function idsSpread(demo: DemoStore, count: number): Promise<string[]> {
  const rows = await demo.store.db.selectFrom('jobseekers').select('id').orderBy('registered_at').execute();
  const step = Math.max(1, Math.floor(rows.length / count));
  return rows
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((r) => r.id);
}

export const encryptionBench: Benchmark = {
  name: 'encryption',
  summary: 'search and intake on the encrypted store against an unencrypted twin (ratio)',
  async run(ctx) {
    const encrypted = await ctx.demoStore();
    ctx.log('encryption: making the unencrypted twin of the demo store…');
    const plain = await ctx.plainDemoStore();
    const sides = [
      { name: 'plain', demo: plain, actor: await plain.signIn('counselor1') },
      { name: 'encrypted', demo: encrypted, actor: await encrypted.signIn('counselor1') },
    ] as const;

    const fragments = rowSampler(encrypted.store, SAMPLE_SEED).fragments(SEARCHES);
    const search = { plain: [] as number[], encrypted: [] as number[] };
    for (const f of fragments) {
      for (const side of sides) {
        search[side.name].push(
          await timeMs(() =>
            listForCounselor(side.demo.store.context, side.actor, {
              query: f.text,
              sort: 'registeredAt',
              direction: 'desc',
              offset: 0,
              limit: 100,
              mine: false,
            }),
          ),
        );
      }
    }

    const ids = { plain: await idsSpread(plain, SAVES), encrypted: await idsSpread(encrypted, SAVES) };
    const intake = { plain: [] as number[], encrypted: [] as number[] };
    for (let i = 0; i < SAVES; i++) {
      for (const side of sides) {
        const jobseekerId = ids[side.name][i % ids[side.name].length] ?? '';
        intake[side.name].push(
          await timeMs(() =>
            saveAssessment(side.demo.store.context, side.actor, {
              jobseekerId,
              answers: ANSWERS,
              decision: { kind: 'accepted' },
              reassessDueOn: null,
            }),
          ),
        );
      }
    }

    for (const [what, times] of [
      ['search', search],
      ['intake', intake],
    ] as const) {
      const p = summarize(times.plain);
      const e = summarize(times.encrypted);
      ctx.report.figure(`encryption.${what}.plain.p95`, p.p95, 'ms');
      ctx.report.figure(`encryption.${what}.encrypted.p95`, e.p95, 'ms');
      ctx.report.figure(`encryption.${what}.ratio.median`, e.median / p.median, 'x');
      ctx.report.figure(`encryption.${what}.ratio.p95`, e.p95 / p.p95, 'x');
    }
  },
};
