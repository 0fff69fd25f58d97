import { sql } from 'kysely';
import type { OpenedServerDb } from '../../../db/server/connection.ts';
import { closeCase, reopenCase } from '../../../electron/services/case-lifecycle.ts';
import { decideTransfer, requestTransfer } from '../../../electron/services/case-transfers.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';
import type { DesktopStore } from '../../../electron/services/store.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { CLOSE_REASONS, REOPEN_REASONS } from '../../../shared/casework/lifecycle.ts';
import { SYNC_TABLES, syncRule, type SyncedTable } from '../../../shared/sync/tables.ts';

// The simulation's case-lifecycle operations (issue 16 items 3–4): close and reopen (decisive status
// changes with their append-only events), a transfer asked from the simulated center, and its answer
// on a desktop of the receiving center. And the invariants they add: no child record without its parent
// on any desktop or on the server (a moved case takes every record under it along), and the receiving
// center's desktop equals the server restricted to that center.

interface SimDesk {
  name: string;
  store: DesktopStore;
  session: SessionInfo;
}

/** The service refused (already closed, not theirs...): a counselor's mistake, not a sync problem. */
async function refusedIsFine(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof AppFailure) return false;
    throw error;
  }
}

async function ownCases(desk: SimDesk, statuses: string[]): Promise<string[]> {
  return (
    await desk.store.db
      .selectFrom('jobseekers')
      .select('id')
      .where('assigned_counselor_id', '=', desk.session.userId)
      .where('center_code', '=', desk.session.centerCode)
      .where('status', 'in', statuses as never)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
}

export async function lifecycleWrite(
  desk: SimDesk,
  action: 'close' | 'reopen' | 'transfer',
  rng: Rng,
  receivingCenter: string,
): Promise<boolean> {
  const ctx = desk.store.context;
  if (action === 'close') {
    const ids = await ownCases(desk, ['active', 'placed']);
    if (ids.length === 0) return false;
    const reason = rng.pick([...CLOSE_REASONS]);
    return refusedIsFine(() =>
      closeCase(ctx, desk.session, {
        jobseekerId: rng.pick(ids),
        reason,
        noContactMonths: reason === 'no-contact' ? rng.int(1, 12) : null,
        text: reason === 'other' ? '기타 사유' : '',
      }),
    );
  }
  if (action === 'reopen') {
    const ids = await ownCases(desk, ['closed', 'placed']);
    if (ids.length === 0) return false;
    const reason = rng.pick([...REOPEN_REASONS]);
    return refusedIsFine(() =>
      reopenCase(ctx, desk.session, {
        jobseekerId: rng.pick(ids),
        reason,
        text: reason === 'other' ? '기타 사유' : '',
      }),
    );
  }
  const ids = await ownCases(desk, ['active', 'placed', 'closed']);
  if (ids.length === 0) return false;
  return refusedIsFine(() =>
    requestTransfer(ctx, desk.session, {
      jobseekerId: rng.pick(ids),
      toCenter: receivingCenter,
      reason: '거주지 이전',
    }),
  );
}

/** The receiving center's supervisor answers one waiting request: mostly accepts, sometimes declines. */
export async function answerTransfer(receiver: SimDesk, rng: Rng): Promise<boolean> {
  const waiting = await receiver.store.db
    .selectFrom('case_transfers')
    .select('id')
    .where('status', '=', 'requested')
    .where('to_center', '=', receiver.session.centerCode)
    .orderBy('id')
    .execute();
  if (waiting.length === 0) return false;
  const transferId = rng.pick(waiting).id;
  return refusedIsFine(() =>
    rng.chance(0.8)
      ? decideTransfer(receiver.store.context, receiver.session, {
          transferId,
          decision: 'accepted',
          assignTo: rng.chance(0.5) ? receiver.session.userId : null,
        })
      : decideTransfer(receiver.store.context, receiver.session, {
          transferId,
          decision: 'declined',
          reason: '관할 아님',
        }),
  );
}

const PARENTED = (Object.keys(SYNC_TABLES) as SyncedTable[]).flatMap((table) => {
  const rule = syncRule(table).scope;
  return rule.kind === 'parent' ? [{ table, parent: rule.parentTable, field: rule.parentField }] : [];
});

/** Rows of this desktop whose parent record it does not hold. */
export async function orphansOn(desk: SimDesk): Promise<string[]> {
  const problems: string[] = [];
  for (const { table, parent, field } of PARENTED) {
    const key = (syncRule(parent as SyncedTable) as { key?: string }).key ?? 'id';
    const rows = await sql<{ id: string }>`select c.id as id from ${sql.table(table)} c
      where not exists (select 1 from ${sql.table(parent)} p where p.${sql.ref(key)} = c.${sql.ref(field)})`.execute(
      desk.store.db,
    );
    for (const r of rows.rows) problems.push(`${desk.name}: orphan ${table} ${r.id} (no ${parent})`);
  }
  return problems;
}

/** Live server rows under a parent that is missing, deleted, or in another center than they are. */
export async function orphansOnServer(opened: OpenedServerDb, centers: string[]): Promise<string[]> {
  const children = await opened.db
    .selectFrom('sync_rows')
    .select(['table_name', 'row_id', 'parent_key', 'scope_center'])
    .where('parent_key', 'is not', null)
    .where('deleted_at', 'is', null)
    .where('scope_center', 'in', centers)
    .execute();
  const problems: string[] = [];
  for (const c of children) {
    const key = c.parent_key ?? '';
    const colon = key.indexOf(':');
    const parent = await opened.db
      .selectFrom('sync_rows')
      .select(['scope_center', 'deleted_at'])
      .where('table_name', '=', key.slice(0, colon))
      .where('row_id', '=', key.slice(colon + 1))
      .executeTakeFirst();
    if (!parent || parent.deleted_at)
      problems.push(`server: orphan ${c.table_name} ${c.row_id} (parent ${key} missing)`);
    else if (parent.scope_center !== c.scope_center)
      problems.push(
        `server: ${c.table_name} ${c.row_id} in ${c.scope_center}, its parent in ${parent.scope_center}`,
      );
  }
  return problems;
}

/** The receiving desktop holds exactly the server's live cases (and records under them) of its center. */
export async function receiverMatches(receiver: SimDesk, opened: OpenedServerDb): Promise<string[]> {
  const problems: string[] = [];
  const rows = await opened.db
    .selectFrom('sync_rows')
    .select(['table_name', 'row_id', 'seq'])
    .where('scope_center', '=', receiver.session.centerCode)
    .where('deleted_at', 'is', null)
    .where('table_name', 'in', ['jobseekers', ...PARENTED.map((p) => p.table)])
    .execute();
  for (const r of rows) {
    const local = (
      await sql<{ seq: number }>`select seq from ${sql.table(r.table_name)} where id = ${r.row_id}`.execute(
        receiver.store.db,
      )
    ).rows[0];
    if (!local) problems.push(`${receiver.name}: missing ${r.table_name} ${r.row_id}`);
    else if (Number(local.seq) !== Number(r.seq))
      problems.push(`${receiver.name}: ${r.table_name} ${r.row_id} at seq ${local.seq}, server ${r.seq}`);
  }
  const localCases = await receiver.store.db.selectFrom('jobseekers').select('id').execute();
  const serverCases = rows.filter((r) => r.table_name === 'jobseekers').length;
  if (localCases.length !== serverCases)
    problems.push(`${receiver.name}: ${localCases.length} cases locally, ${serverCases} on the server`);
  const outbox = await receiver.store.db
    .selectFrom('outbox')
    .select(['client_seq', 'status', 'error'])
    .execute();
  for (const e of outbox) {
    if (e.status === 'pending') problems.push(`${receiver.name}: outbox ${e.client_seq} still pending`);
    if (e.status === 'refused' && !e.error)
      problems.push(`${receiver.name}: outbox ${e.client_seq} refused without a reason`);
  }
  return problems;
}
