import {
  sql,
  type Insertable,
  type Kysely,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { CheckinEventTable, CheckinTable, Database } from '../schema.ts';

// SQL for kiosk tickets (checkins), their append-only events, and the public openings the kiosk may
// show. The kiosk's queries select public columns only; no case table is read here except the
// employer's name for a public opening.

type Db = Kysely<Database> | Transaction<Database>;

export type CheckinRow = Selectable<CheckinTable>;
export type CheckinRowWithCaller = CheckinRow & { called_by_name: string | null };

/**
 * The next number of the center's day for one device letter (issue 18: A-001 on one kiosk, B-001 on
 * the next). Called inside the issuing write transaction, which SQLite serialises.
 */
export async function nextTicketNo(db: Db, centerCode: string, day: string, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('checkins')
    .select(sql<number | null>`max(ticket_no)`.as('last'))
    .where('center_code', '=', centerCode)
    .where('ticket_day', '=', day)
    .where('ticket_prefix', '=', prefix)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertCheckin(db: Db, row: Insertable<CheckinTable>): Promise<void> {
  await db.insertInto('checkins').values(row).execute();
}

export async function insertCheckinEvent(db: Db, row: Insertable<CheckinEventTable>): Promise<void> {
  await db.insertInto('checkin_events').values(row).execute();
}

export async function updateCheckinRow(db: Db, id: string, patch: Updateable<CheckinTable>): Promise<void> {
  await db.updateTable('checkins').set(patch).where('id', '=', id).execute();
}

function withCaller(db: Db) {
  return db
    .selectFrom('checkins as c')
    .leftJoin('users as u', 'u.id', 'c.called_by')
    .selectAll('c')
    .select('u.display_name as called_by_name');
}

export async function getCheckin(db: Db, id: string): Promise<CheckinRowWithCaller | undefined> {
  return withCaller(db).where('c.id', '=', id).executeTakeFirst();
}

export async function listCheckinsOfDay(
  db: Db,
  centerCode: string,
  day: string,
): Promise<CheckinRowWithCaller[]> {
  return withCaller(db)
    .where('c.center_code', '=', centerCode)
    .where('c.ticket_day', '=', day)
    .orderBy('c.created_at')
    .orderBy('c.ticket_no')
    .execute();
}

/**
 * The longest-waiting ticket this counter may call today: one sent to it, or one no known counter
 * holds (no counter at all, or a counter since removed from the kiosk settings), which any counter
 * may take rather than leaving it in line for ever.
 */
export async function oldestWaiting(
  db: Db,
  centerCode: string,
  day: string,
  counterId: string,
  knownCounters: readonly string[],
): Promise<CheckinRow | undefined> {
  return db
    .selectFrom('checkins')
    .selectAll()
    .where('center_code', '=', centerCode)
    .where('ticket_day', '=', day)
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('counter', '=', counterId),
        eb('counter', 'is', null),
        ...(knownCounters.length > 0 ? [eb('counter', 'not in', [...knownCounters])] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('ticket_no')
    .limit(1)
    .executeTakeFirst();
}

export async function countWaitingAhead(
  db: Db,
  centerCode: string,
  day: string,
  counterId: string,
  createdAt: string,
  excludeId: string,
): Promise<number> {
  const row = await db
    .selectFrom('checkins')
    .select(sql<number>`count(*)`.as('n'))
    .where('center_code', '=', centerCode)
    .where('ticket_day', '=', day)
    .where('status', '=', 'waiting')
    .where('counter', '=', counterId)
    .where('created_at', '<=', createdAt)
    .where('id', '!=', excludeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Tickets of earlier days still open, or still holding a visitor's name or phone. */
export async function staleCheckins(db: Db, centerCode: string, day: string): Promise<CheckinRow[]> {
  return db
    .selectFrom('checkins')
    .selectAll()
    .where('center_code', '=', centerCode)
    .where((eb) =>
      eb.or([
        eb.and([eb('ticket_day', '<', day), eb('status', 'in', ['waiting', 'called'])]),
        eb.and([
          eb('status', 'in', ['done', 'left']),
          eb.or([eb('visitor_name', 'is not', null), eb('visitor_phone', 'is not', null)]),
        ]),
        eb.and([
          eb('ticket_day', '<', day),
          eb.or([eb('visitor_name', 'is not', null), eb('visitor_phone', 'is not', null)]),
        ]),
      ]),
    )
    .execute();
}

export async function eventsOfDay(
  db: Db,
  centerCode: string,
  day: string,
): Promise<Array<Selectable<CheckinEventTable>>> {
  return db
    .selectFrom('checkin_events as e')
    .innerJoin('checkins as c', 'c.id', 'e.checkin_id')
    .selectAll('e')
    .where('c.center_code', '=', centerCode)
    .where('c.ticket_day', '=', day)
    .orderBy('e.at')
    .execute();
}

// ---- Public openings (kiosk): public = 1, open, not archived; title, employer name, region, wage ----

export interface PublicOpeningQuery {
  major?: string | undefined;
  sido?: string | undefined;
  query: string;
  offset: number;
  limit: number;
}

function publicOpenings(db: Db) {
  return db
    .selectFrom('job_openings as o')
    .innerJoin('employers as e', 'e.id', 'o.employer_id')
    .where('o.public', '=', 1)
    .where('o.status', '=', 'open')
    .where('o.archived', '=', 0)
    .where('e.archived', '=', 0);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchPublicOpenings(db: Db, q: PublicOpeningQuery) {
  let query = publicOpenings(db);
  if (q.major) query = query.where('o.occupation', 'like', `${q.major}%`);
  if (q.sido) query = query.where('o.sido', '=', q.sido);
  if (q.query) {
    const like = `%${escapeLike(q.query)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('o.title', 'like', sql<string>`${like} escape '\\'`),
        eb('e.name', 'like', sql<string>`${like} escape '\\'`),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    query
      .select(['o.id', 'o.title', 'e.name as employer_name', 'o.occupation', 'o.sido', 'o.sigungu', 'o.wage'])
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id')
      .offset(q.offset)
      .limit(q.limit)
      .execute(),
    query.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function publicOpeningFacets(db: Db) {
  const [majors, regions] = await Promise.all([
    publicOpenings(db)
      .select([sql<string>`substr(o.occupation, 1, 1)`.as('code'), sql<number>`count(*)`.as('n')])
      .groupBy(sql`substr(o.occupation, 1, 1)`)
      .execute(),
    publicOpenings(db)
      .select(['o.sido as code', sql<number>`count(*)`.as('n')])
      .groupBy('o.sido')
      .execute(),
  ]);
  return {
    majors: majors.map((m) => ({ code: m.code, count: Number(m.n) })),
    regions: regions.map((r) => ({ code: r.code, count: Number(r.n) })),
  };
}
