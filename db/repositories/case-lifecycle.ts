import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

// The SQL of a case's life (issue 16 items 3–4): its status history and its transfers between centers.

type Db = Kysely<Database> | Transaction<Database>;

export async function statusEventsOf(db: Db, jobseekerId: string) {
  return db
    .selectFrom('case_status_events as e')
    .leftJoin('users as u', 'u.id', 'e.recorded_by')
    .selectAll('e')
    .select('u.display_name as recorded_by_name')
    .where('e.jobseeker_id', '=', jobseekerId)
    .orderBy('e.recorded_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

export async function jobseekersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('jobseekers').selectAll().where('id', 'in', ids).execute();
}

const transferColumns = [
  't.id',
  't.seq',
  't.jobseeker_id',
  't.jobseeker_name',
  't.birth_year',
  't.from_center',
  't.from_center_name',
  't.requested_by_name as requester_name',
  't.to_center',
  't.reason',
  't.status',
  't.requested_by',
  't.requested_at',
  't.decided_by',
  't.decided_at',
  't.decision_reason',
  't.assigned_to',
] as const;

function transfers(db: Db) {
  return db
    .selectFrom('case_transfers as t')
    .leftJoin('users as u', 'u.id', 't.requested_by')
    .leftJoin('centers as fc', 'fc.code', 't.from_center')
    .leftJoin('centers as tc', 'tc.code', 't.to_center')
    .select(transferColumns)
    .select(['u.display_name as requested_by_name', 'fc.name as from_name', 'tc.name as to_name']);
}
export type TransferRow = Awaited<ReturnType<ReturnType<typeof transfers>['executeTakeFirstOrThrow']>>;

export async function getTransfer(db: Db, id: string): Promise<TransferRow | undefined> {
  return transfers(db).where('t.id', '=', id).executeTakeFirst();
}

export async function openTransferOf(db: Db, jobseekerId: string): Promise<TransferRow | undefined> {
  return transfers(db)
    .where('t.jobseeker_id', '=', jobseekerId)
    .where('t.status', '=', 'requested')
    .executeTakeFirst();
}

export async function transfersOfCase(db: Db, jobseekerId: string): Promise<TransferRow[]> {
  return transfers(db).where('t.jobseeker_id', '=', jobseekerId).orderBy('t.requested_at', 'desc').execute();
}

/** Requests to this center, waiting ones first, then the last 90 days' answers. */
export async function incomingTransfers(db: Db, centerCode: string, since: string): Promise<TransferRow[]> {
  return transfers(db)
    .where('t.to_center', '=', centerCode)
    .where((eb) => eb.or([eb('t.status', '=', 'requested'), eb('t.requested_at', '>=', since)]))
    .orderBy((eb) => eb.case().when('t.status', '=', 'requested').then(0).else(1).end())
    .orderBy('t.requested_at', 'desc')
    .limit(500)
    .execute();
}

/** Requests this desktop sent from its center (or this user asked), newest first. */
export async function outgoingTransfers(
  db: Db,
  centerCode: string,
  userId: string,
  since: string,
): Promise<TransferRow[]> {
  return transfers(db)
    .where((eb) => eb.or([eb('t.from_center', '=', centerCode), eb('t.requested_by', '=', userId)]))
    .where('t.to_center', '!=', centerCode)
    .where((eb) => eb.or([eb('t.status', '=', 'requested'), eb('t.requested_at', '>=', since)]))
    .orderBy('t.requested_at', 'desc')
    .limit(500)
    .execute();
}

export async function knownCenters(db: Db) {
  return db.selectFrom('centers').select(['code', 'name']).orderBy('code').execute();
}
