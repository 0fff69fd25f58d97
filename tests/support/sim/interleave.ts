import type { OpenedServerDb } from '../../../db/server/connection.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';
import { localWrite } from './case-ops.ts';
import type { Desk } from './desk.ts';
import { CALM, type FaultyNetwork } from './fault-transport.ts';
import type { DbGate } from './gated-db.ts';

// Snapshot boundaries (issue #14): a pull that reads while another desktop's push transaction is open,
// and what a push can write on the server summed up (a rolled-back push must leave it as it was).

/**
 * One desktop pushes; its transaction does all its work and waits before committing; another desktop
 * pulls meanwhile. On PostgreSQL the pull's reads of sync_rows go to other pool connections: those of
 * the scopes chosen here read before the commit, the others wait and read after it. Then the push
 * commits and the pull completes. Returns null when there was nothing to push (no interleaving), else
 * whether the pull's reads fell on both sides of the commit.
 */
export async function pullDuringPush(
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
export async function serverState(opened: OpenedServerDb): Promise<string> {
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
