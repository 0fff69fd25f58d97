import { uuidv7 } from 'uuidv7';
import type { OpenedServerDb } from '../../../db/server/connection.ts';
import { appendOutbox, nextHlc } from '../../../db/repositories/outbox.ts';
import type { Rng } from '../../../electron/services/demo/random.ts';
import { createJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { deleteRecord } from '../../../server/records.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import type { Desk } from './desk.ts';

// The simulation's case operations: a new case, a descriptive edit (phone, name), a decisive one
// (reassignment), a note, a tampered edit of an append-only note (refused with a reason), and a real
// delete on the server (retention expiry) that no desktop may bring back.

/** The cases this desktop offers: a case it knows was merged away opens its survivor instead. */
async function knownJobseekers(desk: Desk): Promise<Array<{ id: string; seq: number }>> {
  return (
    await desk.store.db
      .selectFrom('jobseekers')
      .select(['id', 'seq'])
      .where('merged_into', 'is', null)
      .execute()
  ).map((r) => ({
    id: r.id,
    seq: Number(r.seq),
  }));
}

export async function localWrite(
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
export async function deleteSomeCase(
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
