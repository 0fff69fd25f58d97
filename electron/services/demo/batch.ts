import type { Insertable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ServiceContext } from '../context.ts';

// What the demo's generators share: rows written in batches inside one transaction per table (a
// 100,000-jobseeker store takes seconds, not minutes), the day in ms, and the clock value of seed rows
// (demo rows are seed data, not counselor writes, so they bypass the outbox).

export const DAY = 86_400_000;
const BATCH = 400;
export const HLC_ZERO = '000000000000000:00000:demo';

export type Row<T extends keyof Database> = Insertable<Database[T]>;

export type Progress = (step: string, done: number, total: number) => void;

export const iso = (ms: number) => new Date(ms).toISOString();

export async function insertBatched<T extends keyof Database>(
  ctx: ServiceContext,
  table: T,
  rows: Array<Row<T>>,
  progress?: (done: number) => void,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + BATCH))
        .execute();
      progress?.(Math.min(i + BATCH, rows.length));
    }
  });
}
