import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../electron/services/auth.ts';
import { addNote } from '../../../electron/services/casework.ts';
import { createJobseeker, updateJobseeker } from '../../../electron/services/jobseekers.ts';
import { openDesktopStore, type DesktopStore } from '../../../electron/services/store.ts';
import { SyncClient } from '../../../electron/services/sync/client.ts';
import { syncStatus } from '../../../electron/services/sync/desktop-sync.ts';
import { threadWriter } from '../../../electron/services/sync/snapshot-thread.ts';
import { localChecksums } from '../../../electron/services/sync/verify.ts';
import {
  httpTransport,
  OfflineError,
  type SyncStream,
  type SyncTransport,
} from '../../../electron/services/sync/transport.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { transferOnServer } from '../../support/server-transfer.ts';
import {
  openSyncDesk,
  startSyncServer,
  SYNC_PASSWORD,
  type SyncDesk,
  type SyncServer,
} from '../../support/sync-desktop.ts';
import { tempDir, TEST_STORE_KEY } from '../../support/temp-store.ts';

// First download and checks over real HTTP, on both server dialects (sync.md § First download and
// checks): a new desktop downloads snapshots of its scopes and then the log from the snapshot's seq,
// never from zero; a download cut off part-way continues from the last row it committed; after
// catching up, the per-scope checksums match the server's; a copy damaged behind the app's back is
// downloaded again and repaired; a difference that survives the new download is reported once, in the
// sync status, and not downloaded again and again. The new desktop writes its snapshots on a worker
// thread with its own connection, as the app does (the simulation covers the same code on one thread).

/** A desktop whose transport records every path and can cut a snapshot stream after some lines. */
interface WatchedDesk {
  store: DesktopStore;
  client: SyncClient;
  session: SessionInfo;
  paths: string[];
  /** Lines of the next snapshot answer to let through before the connection breaks (null: all). */
  cutAfter: number | null;
  close: () => Promise<void>;
}

async function watchedDesk(url: string, loginId: string): Promise<WatchedDesk> {
  const t = tempDir('caseworker-desk-');
  const store = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
  const http = httpTransport(url);
  const desk = { paths: [] as string[], cutAfter: null as number | null };
  const transport: SyncTransport = {
    request: (method, path, body, token) => {
      desk.paths.push(path);
      return http.request(method, path, body, token);
    },
    stream: async (path, token): Promise<SyncStream> => {
      desk.paths.push(path);
      const answer = await http.stream(path, token);
      const limit = desk.cutAfter;
      if (limit === null || answer.status !== 200) return answer;
      desk.cutAfter = null;
      async function* cut(): AsyncGenerator<string> {
        let n = 0;
        for await (const line of answer.lines) {
          if (n++ === limit) throw new OfflineError('test: connection lost');
          yield line;
        }
      }
      return { ...answer, lines: cut() };
    },
  };
  // Snapshots written on their own thread and connection, as the app writes them.
  const client = new SyncClient(store.context, transport, {
    snapshotWriter: () => threadWriter(store.file, TEST_STORE_KEY, store.context.now),
  });
  await client.signIn(loginId, SYNC_PASSWORD, `${loginId}의 새 PC`);
  const session = await login(store.context, loginId, SYNC_PASSWORD);
  return Object.assign(desk, {
    store,
    client,
    session,
    close: async () => {
      await store.close();
      t.remove();
    },
  });
}

const fields = (i: number) =>
  jobseekerFieldsSchema.parse({
    name: `스냅샷${i}`,
    birthYear: 1980 + (i % 20),
    phone: `010${20_000_000 + i}`,
    sido: '11',
  });

function snapshotAfters(paths: string[], scope: string): number[] {
  return paths
    .filter((p) => p.startsWith('/v1/sync/snapshot') && p.includes(`scope=${encodeURIComponent(scope)}&`))
    .map((p) => Number(new URL(p, 'http://x').searchParams.get('after')));
}

async function count(store: DesktopStore, table: 'jobseekers' | 'counseling_notes'): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where seq > 0`.execute(
    store.db,
  );
  return Number(r.rows[0]?.n ?? 0);
}

describe.each(SERVER_DIALECTS)('first download and checksums over HTTP with the server on %s', (dialect) => {
  let server: SyncServer;
  let author: SyncDesk;
  let fresh: WatchedDesk;
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    server = await startSyncServer(
      dialect,
      [
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        { code: 'BUS01', name: '부산고용센터', region: '26' },
      ],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
      ],
    );
    // History before the new desktop arrives: cases with notes, edited several times over.
    author = await openSyncDesk(server.url, 'counselor2');
    closers.push(() => author.close());
    for (let i = 0; i < 20; i++) {
      const j = await createJobseeker(author.store.context, author.session, fields(i), true);
      await addNote(author.store.context, author.session, {
        jobseekerId: j.id,
        kind: 'phone',
        body: `메모 ${i}`,
      });
      for (let edit = 0; edit < 2; edit++) {
        const seq = Number(
          (
            await author.store.db
              .selectFrom('jobseekers')
              .select('seq')
              .where('id', '=', j.id)
              .executeTakeFirstOrThrow()
          ).seq,
        );
        await updateJobseeker(author.store.context, author.session, j.id, seq, {
          phone: `0109${i}00${edit}0000`,
        });
        await author.client.syncOnce();
      }
    }
    // A case of another center handed to counselor1: it reaches them through their own caseload.
    const busan = await openSyncDesk(server.url, 'busan1');
    closers.push(() => busan.close());
    const elsewhere = await createJobseeker(
      busan.store.context,
      busan.session,
      { ...fields(99), sido: '26' },
      true,
    );
    await busan.client.syncOnce();
    // (Made on the server: a push may hand a case only to its own center's staff.)
    await transferOnServer(server.opened, 'jobseekers', elsewhere.id, {
      assigned_counselor_id: server.users.get('counselor1') ?? null,
    });
    await busan.client.syncOnce();
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await server.close();
  });

  it('downloads snapshots of its scopes, continues a cut-off download where it stopped, then pulls the log from the snapshot', async () => {
    fresh = await watchedDesk(server.url, 'counselor1');
    closers.push(() => fresh.close());
    fresh.cutAfter = 25;
    await expect(fresh.client.pull()).rejects.toThrow(OfflineError);
    // What arrived before the break is committed with its progress: the 25th row of the center that a
    // counselor gets (the center's audit entries go to supervisors only).
    const lastSeq = Number(
      (
        await server.opened.db
          .selectFrom('sync_rows')
          .select('seq')
          .where('scope_center', '=', 'SEL01')
          .where('table_name', '!=', 'audit_entries')
          .orderBy('seq')
          .offset(24)
          .limit(1)
          .executeTakeFirstOrThrow()
      ).seq,
    );

    // A change while the download is under way: it arrives through the log.
    const changed = await author.store.db
      .selectFrom('jobseekers')
      .select(['id', 'seq'])
      .executeTakeFirstOrThrow();
    await updateJobseeker(author.store.context, author.session, changed.id, Number(changed.seq), {
      phone: '01077778888',
    });
    await author.client.syncOnce();

    await fresh.client.syncOnce();
    // The second request started after the last row committed, not from zero.
    expect(snapshotAfters(fresh.paths, 'center:SEL01')).toEqual([0, lastSeq]);

    // Everything of its scopes is here: the center's cases and notes, and the other center's case
    // assigned to this counselor (by the caseload snapshot), each at the server's latest seq.
    const onServer = await server.opened.db
      .selectFrom('sync_rows')
      .select(['table_name', 'row_id', 'seq'])
      .where((eb) =>
        eb.or([
          eb('scope_center', '=', 'SEL01'),
          eb('scope_owner', '=', server.users.get('counselor1') ?? ''),
        ]),
      )
      .where('table_name', 'in', ['jobseekers', 'counseling_notes'])
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of onServer) {
      const local = await sql<{
        seq: number;
      }>`select seq from ${sql.table(r.table_name)} where id = ${r.row_id}`.execute(fresh.store.db);
      expect(Number(local.rows[0]?.seq), `${r.table_name} ${r.row_id}`).toBe(Number(r.seq));
    }
    expect(await count(fresh.store, 'jobseekers')).toBe(21);
    const phone = await fresh.store.db
      .selectFrom('jobseekers')
      .select('phone')
      .where('id', '=', changed.id)
      .executeTakeFirst();
    expect(phone?.phone).toBe('01077778888');

    // Never replayed history: the log was pulled from the snapshot's seq, not from zero.
    const pulls = fresh.paths.filter((p) => p.startsWith('/v1/sync/pull'));
    expect(pulls.length).toBeGreaterThan(0);
    expect(pulls.every((p) => !p.includes('cursor=0&'))).toBe(true);

    // After catching up the checksums agree (the check that follows a snapshot).
    expect(await fresh.client.verifyIfDue()).toMatchObject({ compared: true, differed: [], mismatched: [] });
    expect(await fresh.client.verifyIfDue()).toBeNull(); // and is not due again for an hour
    expect((await syncStatus(fresh.store.db, undefined)).mismatchedScopes).toEqual([]);
  });

  it('refuses a snapshot of a scope that is not the caller’s', async () => {
    const token = (
      await fresh.store.db
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'sync.access')
        .executeTakeFirst()
    )?.value;
    const r = await fetch(`${server.url}/v1/sync/snapshot?scope=center%3ABUS01&upTo=1000&schemaVersion=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(403);
  });

  it('repairs a copy damaged behind its back by downloading the scope again', async () => {
    const victim = await fresh.store.db
      .selectFrom('jobseekers')
      .select(['id', 'seq'])
      .where('center_code', '=', 'SEL01')
      .executeTakeFirstOrThrow();
    await sql`PRAGMA foreign_keys = OFF`.execute(fresh.store.db);
    await sql`delete from jobseekers where id = ${victim.id}`.execute(fresh.store.db);
    await sql`PRAGMA foreign_keys = ON`.execute(fresh.store.db);
    fresh.client.verifyIntervalMs = 0;
    fresh.paths.length = 0;

    await fresh.client.syncOnce();
    await fresh.client.verifyIfDue();
    const back = await fresh.store.db
      .selectFrom('jobseekers')
      .select('seq')
      .where('id', '=', victim.id)
      .executeTakeFirst();
    expect(Number(back?.seq)).toBe(Number(victim.seq));
    expect(snapshotAfters(fresh.paths, 'center:SEL01')).toEqual([0]); // downloaded again, once
    expect((await syncStatus(fresh.store.db, undefined)).mismatchedScopes).toEqual([]);
  });

  it('reports a difference that survives the new download once, and does not download again while it lasts', async () => {
    // A row the server never had (as if written into the file by hand): a new download cannot remove it.
    const stray = await fresh.store.db
      .selectFrom('jobseekers')
      .selectAll()
      .where('center_code', '=', 'SEL01')
      .executeTakeFirstOrThrow();
    await sql`PRAGMA foreign_keys = OFF`.execute(fresh.store.db);
    await fresh.store.db
      .insertInto('jobseekers')
      .values({
        ...stray,
        id: '01990000-0000-7000-8000-000000000001',
        reg_no: 'STRAY-1',
        seq: 999_999,
        assigned_counselor_id: null,
      })
      .execute();
    await sql`PRAGMA foreign_keys = ON`.execute(fresh.store.db);
    fresh.paths.length = 0;
    const sync = async () => {
      await fresh.client.syncOnce();
      return fresh.client.verifyIfDue();
    };

    expect(await sync()).toMatchObject({ differed: ['center:SEL01'], mismatched: ['center:SEL01'] });
    expect(snapshotAfters(fresh.paths, 'center:SEL01')).toEqual([0]);
    expect((await syncStatus(fresh.store.db, undefined)).mismatchedScopes).toEqual(['center:SEL01']);

    fresh.paths.length = 0;
    expect(await sync()).toMatchObject({ redownloaded: [], mismatched: ['center:SEL01'] });
    await sync();
    expect(fresh.paths.filter((p) => p.startsWith('/v1/sync/snapshot'))).toEqual([]);
    expect((await syncStatus(fresh.store.db, undefined)).mismatchedScopes).toEqual(['center:SEL01']);

    // Once the copy matches again, the report goes.
    await sql`delete from jobseekers where id = '01990000-0000-7000-8000-000000000001'`.execute(
      fresh.store.db,
    );
    await sync();
    expect((await syncStatus(fresh.store.db, undefined)).mismatchedScopes).toEqual([]);
    const sums = await localChecksums(fresh.store.db, ['center:SEL01']);
    expect(sums.get('center:SEL01')?.['jobseekers']?.count).toBe(20);
  });
});
