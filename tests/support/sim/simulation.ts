import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { centerScopeHolds, isSyncedTable, syncRule } from '../../../shared/sync/tables.ts';
import type { OpenedServerDb } from '../../../db/server/connection.ts';
import { appendOutbox, nextHlc } from '../../../db/repositories/outbox.ts';
import { login } from '../../../electron/services/auth.ts';
import { seededRng, type Rng } from '../../../electron/services/demo/random.ts';
import { createJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { openDesktopStore, type DesktopStore } from '../../../electron/services/store.ts';
import { SyncClient } from '../../../electron/services/sync/client.ts';
import { OfflineError } from '../../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { deleteRecord } from '../../../server/records.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { CALM, DeskKilled, FaultyNetwork, STORMY } from './fault-transport.ts';
import type { DbGate } from './gated-db.ts';
import {
  answerTransfer,
  lifecycleWrite,
  orphansOn,
  orphansOnServer,
  receiverMatches,
} from './lifecycle-ops.ts';
import { outsideScopes } from './scope-check.ts';
import { appointmentOrphans, appointmentWrite, isAppointmentAction } from './appointment-ops.ts';
import { TEST_STORE_KEY } from '../store-key.ts';

// One seeded run of the sync simulation (sync.md § How it is proved): three desktops with real
// stores and the real client, the real server code, a network that loses, duplicates, delays and
// reorders, partitions, crashes mid-push and inside the push transaction (rolled back), desktop
// restarts and desktop processes killed between their own commits, pulls that read while another
// desktop's push transaction is open and commits part-way through the pull (on PostgreSQL, through the
// server's pool of connections), and clock skew of up to a day. Then calm, and the invariants at
// quiescence. Returns the violations found (none is the only good answer).

const PASSWORD = 'Sim-pass-2026!';
const DAY = 86_400_000;
const SKEWS = [0, -DAY, DAY, 3 * 3_600_000];

interface Desk {
  name: string;
  dir: string;
  store: DesktopStore;
  client: SyncClient;
  session: SessionInfo;
  skew: number;
}

export interface SimResult {
  seed: number;
  violations: string[];
  stats: FaultyNetwork['stats'] & {
    ops: number;
    reviews: number;
    refused: number;
    deletes: number;
    /** Cases in the receiving center at the end (moved there by accepted transfers). */
    moved: number;
    /** Pulls issued while another push's transaction was open. */
    interleaved: number;
    /** Of those, pulls whose reads fell on both sides of that commit (PostgreSQL only). */
    splitPulls: number;
  };
}

export async function runSimulation(
  seed: number,
  server: { app: FastifyInstance; opened: OpenedServerDb; gate?: DbGate },
  options: { steps?: number } = {},
): Promise<SimResult> {
  const rng = seededRng(seed);
  const net = new FaultyNetwork(server.app, rng, {
    ...(server.gate ? { gate: server.gate } : {}),
    serverState: () => serverState(server.opened),
  });
  const center = `S${seed}`;
  let clock = Date.UTC(2026, 10, 2, 9, 0, 0);
  await addCenter(
    server.opened.db,
    { code: center, name: `시뮬레이션센터${seed}`, region: '11' },
    new Date(clock),
  );
  const users: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const loginId = `sim${seed}c${i}`;
    await addUser(
      server.opened.db,
      { loginId, name: `상담사${i}`, role: 'counselor', centerCode: center, password: PASSWORD },
      new Date(clock),
    );
    users.push(loginId);
  }
  // Issue 16 item 4: a second center whose supervisor answers the transfers asked from the first.
  const receiving = `R${seed}`;
  await addCenter(
    server.opened.db,
    { code: receiving, name: `수신센터${seed}`, region: '26' },
    new Date(clock),
  );
  await addUser(
    server.opened.db,
    {
      loginId: `sim${seed}r`,
      name: '수신팀장',
      role: 'supervisor',
      centerCode: receiving,
      password: PASSWORD,
    },
    new Date(clock),
  );

  const desks: Desk[] = [];
  const base = mkdtempSync(join(tmpdir(), `caseworker-sim-${seed}-`));
  const violations: string[] = [];
  let ops = 0;
  const interleave = { interleaved: 0, splitPulls: 0 };
  // Stores of killed desktop processes: never closed cleanly, only let go of at the end.
  const abandoned: DesktopStore[] = [];
  // Cases really deleted on the server during the run (retention expiry): none may come back.
  const deleted = new Set<string>();
  const desksToClose: Desk[] = [];
  try {
    for (const [i, loginId] of users.entries()) {
      const dir = join(base, loginId);
      const skew = SKEWS[i % SKEWS.length] ?? 0;
      const store = await openDesktopStore(dir, { key: TEST_STORE_KEY, now: () => new Date(clock + skew) });
      const client = new SyncClient(store.context, net.transportFor(loginId));
      await client.signIn(loginId, PASSWORD, loginId);
      desks.push({
        name: loginId,
        dir,
        store,
        client,
        session: await login(store.context, loginId, PASSWORD),
        skew,
      });
    }
    const receiverName = `sim${seed}r`;
    const receiverStore = await openDesktopStore(join(base, receiverName), {
      key: TEST_STORE_KEY,
      now: () => new Date(clock),
    });
    const receiver: Desk = {
      name: receiverName,
      dir: join(base, receiverName),
      store: receiverStore,
      client: new SyncClient(receiverStore.context, net.transportFor(receiverName)),
      session: { userId: '', loginId: receiverName } as SessionInfo,
      skew: 0,
    };
    await receiver.client.signIn(receiverName, PASSWORD, receiverName);
    receiver.session = await login(receiverStore.context, receiverName, PASSWORD);
    desksToClose.push(receiver);
    const userIds = (
      await server.opened.db.selectFrom('users').select('id').where('center_code', '=', center).execute()
    ).map((u) => u.id);

    net.rates = STORMY;
    const steps = options.steps ?? 40;
    for (let step = 0; step < steps; step++) {
      clock += rng.int(1, 120) * 1000;
      const desk = rng.pick(desks);
      const action = rng.weighted([
        ['create', 3],
        ['phone', 3],
        ['name', 2],
        ['reassign', 2],
        ['note', 2],
        ['edit-note', 1],
        ['sync', 5],
        ['restart', 1],
        ['kill', 1],
        ['pull-during-push', 2],
        ['partition', 1],
        ['replay', 1],
        ['delete', 1],
        ['close', 1],
        ['reopen', 1],
        ['transfer', 1],
        ['answer', 2],
        ['book', 2],
        ['reschedule', 1],
        ['outcome', 1],
      ] as const);
      try {
        if (action === 'sync') {
          await desk.client.syncOnce();
          const outside = await outsideScopes(desk, server.opened, center);
          violations.push(...outside.map((v) => `step ${step}, after a sync: ${v}`));
        } else if (action === 'restart') await restart(desk, () => new Date(clock + desk.skew), net);
        else if (action === 'kill') await kill(desk, rng, () => new Date(clock + desk.skew), net, abandoned);
        else if (action === 'pull-during-push') {
          const puller = rng.pick(desks.filter((d) => d !== desk));
          if (server.gate && puller) {
            const split = await pullDuringPush(desk, puller, server.gate, net, rng, userIds);
            if (split !== null) interleave.interleaved++;
            if (split) interleave.splitPulls++;
            // Not checked for rows outside the scopes here: a bare pull leaves removals that waited for
            // unsent edits to the lifecycle step after the next push (sync/lifecycle.ts), by design.
          }
        } else if (action === 'partition') {
          if (net.partitioned.has(desk.name)) net.partitioned.delete(desk.name);
          else net.partitioned.add(desk.name);
        } else if (action === 'replay') await net.replayDelayed();
        else if (action === 'close' || action === 'reopen' || action === 'transfer') {
          if (await lifecycleWrite(desk, action, rng, receiving)) ops++;
        } else if (action === 'answer') {
          await receiver.client.syncOnce();
          if (await answerTransfer(receiver, rng)) ops++;
          await receiver.client.syncOnce();
        } else if (action === 'delete') {
          const id = await deleteSomeCase(server.opened, center, rng, new Date(clock));
          if (id) deleted.add(id);
        } else if (isAppointmentAction(action)) {
          if (await appointmentWrite(desk, action, rng)) ops++;
        } else if (await localWrite(desk, action, rng, userIds)) ops++;
      } catch (error) {
        if (!(error instanceof OfflineError) && !(error instanceof DeskKilled)) throw error;
      }
    }

    // Calm: the network heals, every desktop syncs until nothing moves.
    net.rates = CALM;
    net.partitioned.clear();
    await net.replayDelayed();
    // The receiving center answers what is still waiting (each answer then syncs with the rest).
    for (const d of [...desks, receiver]) await d.client.syncOnce();
    while (await answerTransfer(receiver, rng)) ops++;
    for (let round = 0; round < 4; round++) for (const d of [...desks, receiver]) await d.client.syncOnce();
    violations.push(...net.violations);
    violations.push(...(await checkInvariants(desks, server.opened, center, deleted)));
    for (const d of [...desks, receiver])
      violations.push(...(await orphansOn(d)).map((v) => `at quiescence: ${v}`));
    violations.push(...(await orphansOnServer(server.opened, [center, receiving])));
    violations.push(...(await receiverMatches(receiver, server.opened)));
    const moved = await server.opened.db
      .selectFrom('sync_rows')
      .select('row_id')
      .where('table_name', '=', 'jobseekers')
      .where('scope_center', '=', receiving)
      .execute();
    violations.push(...(await appointmentOrphans(desks, server.opened, center)));
    for (const d of desks)
      violations.push(...(await outsideScopes(d, server.opened, center)).map((v) => `at quiescence: ${v}`));
    const reviews = await server.opened.db
      .selectFrom('review_items')
      .select('id')
      .where('scope_center', '=', center)
      .execute();
    let refused = 0;
    for (const d of desks)
      refused += (
        await d.store.db.selectFrom('outbox').select('client_seq').where('status', '=', 'refused').execute()
      ).length;
    return {
      seed,
      violations,
      stats: {
        ...net.stats,
        ops,
        reviews: reviews.length,
        refused,
        deletes: deleted.size,
        moved: moved.length,
        ...interleave,
      },
    };
  } finally {
    for (const d of [...desks, ...desksToClose]) await d.store.close().catch(() => undefined);
    for (const s of abandoned) s.raw.close();
    rmSync(base, { recursive: true, force: true });
  }
}

/** A desktop process killed and started again: committed state survives, nothing else. */
async function restart(desk: Desk, now: () => Date, net: FaultyNetwork): Promise<void> {
  await desk.store.close();
  desk.store = await openDesktopStore(desk.dir, { key: TEST_STORE_KEY, now });
  desk.client = new SyncClient(desk.store.context, net.transportFor(desk.name));
}

/**
 * A desktop process killed between its own commits (not a clean close): at some request of its next
 * sync (before the request leaves, or after the server answered but before anything of the answer was
 * committed, or part-way through a download), or right after a local write. Its store is let go of
 * without closing (no checkpoint, no shutdown of any kind) and the file opened again by a new process.
 */
async function kill(
  desk: Desk,
  rng: Rng,
  now: () => Date,
  net: FaultyNetwork,
  abandoned: DesktopStore[],
): Promise<void> {
  if (rng.chance(0.75)) {
    net.armKill(desk.name, { request: rng.int(1, 3), after: rng.chance(0.5) });
    try {
      await desk.client.syncOnce();
    } catch (error) {
      if (!(error instanceof OfflineError) && !(error instanceof DeskKilled)) throw error;
    } finally {
      net.disarmKill(desk.name);
    }
  }
  const dead = desk.store;
  desk.store = await openDesktopStore(desk.dir, { key: TEST_STORE_KEY, now });
  desk.client = new SyncClient(desk.store.context, net.transportFor(desk.name));
  abandoned.push(dead);
}

/**
 * One desktop pushes; its transaction does all its work and waits before committing; another desktop
 * pulls meanwhile. On PostgreSQL the pull's reads of sync_rows go to other pool connections: those of
 * the scopes chosen here read before the commit, the others wait and read after it. Then the push
 * commits and the pull completes. Returns null when there was nothing to push (no interleaving), else
 * whether the pull's reads fell on both sides of the commit.
 */
async function pullDuringPush(
  pusher: Desk,
  puller: Desk,
  gate: DbGate,
  net: FaultyNetwork,
  rng: Rng,
  userIds: string[],
): Promise<boolean | null> {
  const rates = net.rates;
  net.rates = CALM; // this step is about snapshot boundaries, not lost messages
  if (rng.chance(0.5)) {
    // What makes a page's cursor overtake a row: in one push, a row only the center scope holds, then a
    // row in the puller's caseload too (a note on a case of theirs) at a higher seq.
    const theirs = await pusher.store.db
      .selectFrom('jobseekers')
      .select('id')
      .where('assigned_counselor_id', '=', puller.session.userId)
      .orderBy('id')
      .execute();
    if (theirs.length > 0) {
      await localWrite(pusher, 'create', rng, userIds);
      await localWrite(pusher, 'note', rng, userIds, rng.pick(theirs).id);
    }
  }
  const commit = gate.holdNextCommit();
  const pushing = pusher.client.push().then(
    () => null,
    (error: unknown) => asError(error),
  );
  try {
    const reached = await Promise.race([commit.reached, pushing.then(() => false)]);
    if (!reached) {
      commit.cancel();
      const error = await pushing;
      if (error) throw error;
      return null;
    }
    const scopes = ['scope_center', 'scope_owner', 'scope_region'];
    const after = scopes.filter(() => rng.chance(0.5));
    const reads = gate.holdReads(after);
    const pulling = puller.client.pull().then(
      () => null,
      (error: unknown) => asError(error),
    );
    const split = await reads.settled();
    commit.release();
    const pushError = await pushing;
    reads.release();
    const pullError = await pulling;
    for (const error of [pushError, pullError]) if (error) throw error;
    return split.passed > 0 && split.held > 0;
  } finally {
    commit.cancel();
    net.rates = rates;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** What a push can write on the server, summed up: a rolled-back push must leave it as it was. */
async function serverState(opened: OpenedServerDb): Promise<string> {
  const count = async (table: 'push_results' | 'value_history' | 'review_items' | 'scope_exits') =>
    Number(
      (
        await opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const max = await opened.db
    .selectFrom('sync_rows')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst();
  return [
    `seq ${Number(max?.m ?? 0)}`,
    `results ${await count('push_results')}`,
    `history ${await count('value_history')}`,
    `reviews ${await count('review_items')}`,
    `exits ${await count('scope_exits')}`,
  ].join(', ');
}

async function knownJobseekers(desk: Desk): Promise<Array<{ id: string; seq: number }>> {
  return (await desk.store.db.selectFrom('jobseekers').select(['id', 'seq']).execute()).map((r) => ({
    id: r.id,
    seq: Number(r.seq),
  }));
}

async function localWrite(
  desk: Desk,
  action: string,
  rng: Rng,
  userIds: string[],
  on?: string,
): Promise<boolean> {
  const ctx = desk.store.context;
  if (action === 'create') {
    const fields = jobseekerFieldsSchema.parse({
      name: `구직자${rng.int(1, 9999)}`,
      birthYear: rng.int(1960, 2005),
      phone: `010${rng.int(10_000_000, 99_999_999)}`,
      sido: '11',
    });
    await createJobseeker(ctx, desk.session, fields, true);
    return true;
  }
  const known = await knownJobseekers(desk);
  if (known.length === 0) return false;
  const target = known.find((k) => k.id === on) ?? rng.pick(known);
  if (action === 'phone')
    await updateJobseeker(ctx, desk.session, target.id, target.seq, {
      phone: `010${rng.int(10_000_000, 99_999_999)}`,
    });
  else if (action === 'name')
    await updateJobseeker(ctx, desk.session, target.id, target.seq, { name: `이름${rng.int(1, 9999)}` });
  else {
    await ctx.db.transaction().execute(async (trx) => {
      const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
      const at = ctx.now().toISOString();
      if (action === 'edit-note') {
        // What an outdated or tampered client might send: a change to an append-only record. The server
        // must refuse it with a reason, and the refusal must not block what comes after it.
        const note = await trx
          .selectFrom('counseling_notes')
          .select(['id', 'seq'])
          .where('jobseeker_id', '=', target.id)
          .executeTakeFirst();
        if (!note) return;
        await appendOutbox(trx, {
          table: 'counseling_notes',
          rowId: note.id,
          op: 'update',
          fields: { body: '고친 메모' },
          hlc,
          baseSeq: Number(note.seq),
          createdAt: at,
        });
      } else if (action === 'reassign') {
        // As in the app: only counselors this desktop knows (its directory from the last pull).
        const local = (
          await trx.selectFrom('users').select('id').where('id', 'in', userIds).orderBy('id').execute()
        ).map((u) => u.id);
        const counselor = rng.pick(local);
        await trx
          .updateTable('jobseekers')
          .set({ assigned_counselor_id: counselor, hlc })
          .where('id', '=', target.id)
          .execute();
        await appendOutbox(trx, {
          table: 'jobseekers',
          rowId: target.id,
          op: 'update',
          fields: { assigned_counselor_id: counselor },
          hlc,
          baseSeq: target.seq,
          createdAt: at,
        });
      } else {
        const id = uuidv7();
        const note = {
          jobseeker_id: target.id,
          kind: 'phone' as const,
          body: `상담 메모 ${rng.int(1, 999)}`,
          author_id: desk.session.userId,
          created_at: at,
          revision_of: null,
        };
        await trx
          .insertInto('counseling_notes')
          .values({ id, hlc, ...note })
          .execute();
        await appendOutbox(trx, {
          table: 'counseling_notes',
          rowId: id,
          op: 'insert',
          fields: note,
          hlc,
          baseSeq: 0,
          createdAt: at,
        });
      }
    });
  }
  return true;
}

/** `caseworker-server record delete` on a live case of the center, as an admin would run it. */
async function deleteSomeCase(
  opened: OpenedServerDb,
  center: string,
  rng: Rng,
  now: Date,
): Promise<string | null> {
  const live = await opened.db
    .selectFrom('sync_rows')
    .select('row_id')
    .where('table_name', '=', 'jobseekers')
    .where('scope_center', '=', center)
    .where('deleted_at', 'is', null)
    .orderBy('row_id')
    .execute();
  if (live.length === 0) return null;
  const id = rng.pick(live).row_id;
  await deleteRecord(
    opened.db,
    opened.dialect,
    { table: 'jobseekers', id, reason: '보존기간 만료', actor: 'sim' },
    now,
  );
  return id;
}

async function checkInvariants(
  desks: Desk[],
  opened: OpenedServerDb,
  center: string,
  deleted: Set<string>,
): Promise<string[]> {
  const problems: string[] = [];
  const allRows = await opened.db
    .selectFrom('sync_rows')
    .selectAll()
    .where('scope_center', '=', center)
    .execute();
  // Acknowledged writes are looked up wherever their row is now: a transferred case left the center.
  const everyRow = await opened.db.selectFrom('sync_rows').selectAll().execute();
  const serverById = new Map(everyRow.map((r) => [`${r.table_name}:${r.row_id}`, r]));
  // Nothing deleted came back without a restore: not on the server, not on any desktop.
  for (const id of deleted) {
    if (!serverById.get(`jobseekers:${id}`)?.deleted_at)
      problems.push(`server: deleted case ${id} came back`);
  }
  const tombstones = allRows.filter((r) => r.deleted_at);
  const serverRows = allRows.filter((r) => !r.deleted_at);
  for (const d of desks) {
    for (const t of tombstones) {
      const key = isSyncedTable(t.table_name)
        ? ((syncRule(t.table_name) as { key?: string }).key ?? 'id')
        : 'id';
      const local =
        await sql`select 1 from ${sql.table(t.table_name)} where ${sql.ref(key)} = ${t.row_id}`.execute(
          d.store.db,
        );
      if (local.rows.length > 0)
        problems.push(`${d.name}: deleted ${t.table_name} ${t.row_id} is still here`);
    }
  }
  for (const d of desks) {
    // The outbox drained: everything was acknowledged (applied, superseded, in review) or refused with a reason.
    const outbox = await d.store.db.selectFrom('outbox').selectAll().execute();
    for (const e of outbox) {
      if (e.status === 'pending') problems.push(`${d.name}: outbox ${e.client_seq} still pending`);
      if (e.status === 'refused' && !e.error)
        problems.push(`${d.name}: outbox ${e.client_seq} refused without a reason`);
      // An honest desktop's audit chain always checks out on the server, whatever the faults.
      if (e.status === 'refused' && e.table_name === 'audit_entries')
        problems.push(`${d.name}: audit entry ${e.row_id} refused: ${e.error ?? ''}`);
      if (e.status !== 'sent') continue;
      const result = await opened.db
        .selectFrom('push_results')
        .selectAll()
        .where('device_id', '=', d.store.context.deviceId)
        .where('client_seq', '=', Number(e.client_seq))
        .executeTakeFirst();
      if (!result) {
        problems.push(`${d.name}: outbox ${e.client_seq} marked sent but the server has no record of it`);
        continue;
      }
      const row = serverById.get(`${e.table_name}:${e.row_id}`);
      if (!row || row.deleted_at) {
        // Held in a review item (a record added to, or an edit of, a deleted case), or applied and then
        // superseded by the recorded delete.
        const held = await opened.db
          .selectFrom('review_items')
          .select('id')
          .where('row_id', '=', e.row_id)
          .where('kind', '=', 'deleted')
          .executeTakeFirst();
        const deletion = await opened.db
          .selectFrom('record_deletions')
          .select('seq')
          .where('table_name', '=', e.table_name)
          .where('row_id', '=', e.row_id)
          .where('action', '=', 'delete')
          .executeTakeFirst();
        const appliedBefore =
          deletion !== undefined && result.seq !== null && Number(result.seq) <= Number(deletion.seq);
        if (!held && !appliedBefore)
          problems.push(`${d.name}: ${e.table_name} ${e.row_id} acknowledged but missing on the server`);
        continue;
      }
      const data = JSON.parse(row.data) as Record<string, unknown>;
      for (const [field, value] of Object.entries(JSON.parse(e.fields) as Record<string, unknown>)) {
        if (JSON.stringify(data[field] ?? null) === JSON.stringify(value ?? null)) continue;
        const inHistory = await opened.db
          .selectFrom('value_history')
          .select('field')
          .where('table_name', '=', e.table_name)
          .where('row_id', '=', e.row_id)
          .where('field', '=', field)
          .where('value', '=', JSON.stringify(value ?? null))
          .executeTakeFirst();
        const inReview = await opened.db
          .selectFrom('review_items')
          .select('id')
          .where('row_id', '=', e.row_id)
          .where('field', '=', field)
          .where('held_value', '=', JSON.stringify(value ?? null))
          .executeTakeFirst();
        if (!inHistory && !inReview)
          problems.push(
            `${d.name}: ${e.table_name}.${field} write lost without a trace (outbox ${e.client_seq})`,
          );
      }
    }
    // Every desktop equals the server restricted to its scope (here: the whole center, but for other
    // people's audit entries, which only a supervisor's center scope brings).
    for (const row of serverRows) {
      if (!centerScopeHolds(row.table_name, d.session.role) && row.scope_owner !== d.session.userId) continue;
      const key = isSyncedTable(row.table_name)
        ? ((syncRule(row.table_name) as { key?: string }).key ?? 'id')
        : 'id';
      const local = (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.table(row.table_name)} where ${sql.ref(key)} = ${row.row_id}`.execute(
          d.store.db,
        )
      ).rows[0];
      if (!local) {
        problems.push(`${d.name}: missing ${row.table_name} ${row.row_id}`);
        continue;
      }
      if (Number(local.seq) !== Number(row.seq))
        problems.push(
          `${d.name}: ${row.table_name} ${row.row_id} at seq ${Number(local.seq)}, server ${row.seq}`,
        );
      const data = JSON.parse(row.data) as Record<string, unknown>;
      for (const [field, value] of Object.entries(data)) {
        const mine = local[field];
        if (mine !== undefined && JSON.stringify(mine) !== JSON.stringify(value)) {
          problems.push(`${d.name}: ${row.table_name}.${field} of ${row.row_id} differs from the server`);
        }
      }
    }
    const localCount = (await d.store.db.selectFrom('jobseekers').select('id').execute()).length;
    const serverCount = serverRows.filter((r) => r.table_name === 'jobseekers').length;
    if (localCount !== serverCount)
      problems.push(`${d.name}: ${localCount} jobseekers locally, ${serverCount} on the server`);
  }
  return problems;
}
