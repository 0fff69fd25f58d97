import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../../migrations/types.ts';
import type { ServerDatabase } from '../schema.ts';

// SQL of the lobby call display's feed (issue 18 item 4): the latest change in a center (the
// long-poll's wake-up, one step of the (scope_center, seq) index) and the day's called tickets, read
// from the checkins' stored JSON. Only the ticket's number, letter, counter and call time leave here.

type Db = Kysely<ServerDatabase>;

/** The newest seq of any row of the center: a long-poll answers once it moves past the caller's cursor. */
export async function latestCenterSeq(db: Db, centerCode: string): Promise<number> {
  const row = await db
    .selectFrom('sync_rows')
    .select('seq')
    .where('scope_center', '=', centerCode)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export interface CalledRow {
  id: string;
  prefix: string;
  no: number;
  counter: string | null;
  calledAt: string;
}

/**
 * The center's tickets of `day` a counselor called (still at the counter, or finished), newest call
 * first. `since` (the day's start, UTC) keeps the scan to rows written today.
 */
export async function calledTicketsOfDay(
  db: Db,
  dialect: SqlDialect,
  centerCode: string,
  day: string,
  since: string,
  limit: number,
): Promise<CalledRow[]> {
  const f = (field: string) =>
    dialect === 'postgres'
      ? sql<string | null>`(data::jsonb ->> ${sql.lit(field)})`
      : sql<string | null>`json_extract(data, ${sql.lit(`$.${field}`)})`;
  const rows = await db
    .selectFrom('sync_rows')
    .select([
      'row_id',
      f('ticket_prefix').as('prefix'),
      f('ticket_no').as('no'),
      f('counter').as('counter'),
      f('called_at').as('called_at'),
    ])
    .where('table_name', '=', 'checkins')
    .where('scope_center', '=', centerCode)
    .where('deleted_at', 'is', null)
    .where('updated_at', '>=', since)
    .where(f('ticket_day'), '=', day)
    .where(f('status'), 'in', ['called', 'done'])
    .where(f('called_at'), 'is not', null)
    .orderBy(f('called_at'), 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.row_id,
    prefix: r.prefix ?? '',
    no: Number(r.no),
    counter: r.counter,
    calledAt: r.called_at ?? '',
  }));
}
