import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { sql } from 'kysely';
import { appendOutbox, nextHlc } from '../../db/repositories/outbox.ts';
import type { SyncedTableName } from '../../db/schema.ts';
import { openServerDb, type OpenedServerDb } from '../../db/server/connection.ts';
import { login } from '../../electron/services/auth.ts';
import type { DesktopStore } from '../../electron/services/store.ts';
import { blobHttp } from '../../electron/services/sync/blob-http.ts';
import { BlobSync } from '../../electron/services/sync/blobs.ts';
import { SyncClient } from '../../electron/services/sync/client.ts';
import { httpTransport, OfflineError, type SyncTransport } from '../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../server/admin.ts';
import { buildServer, type ServerOptions } from '../../server/app.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { SyncScheduler, SyncState } from '../../electron/services/sync/scheduler.ts';
import { freshDatabase, type TestDatabase } from './server-db.ts';
import { openFreshDesktopStore } from './store-template.ts';
import { tempDir } from './temp-store.ts';

// Desktops syncing with a real server over real HTTP on 127.0.0.1, for the sync integration tests: the
// server on a fresh SQLite or PostgreSQL database, desktops with real stores and the real client, and a
// switch that takes a desktop offline (its requests fail as a lost network does).

export const SYNC_PASSWORD = 'Sync-pass-2026';

export interface SyncServer {
  opened: OpenedServerDb;
  app: FastifyInstance;
  url: string;
  /** Account ids by login id. */
  users: Map<string, string>;
  close: () => Promise<void>;
}

export async function startSyncServer(
  dialect: 'sqlite' | 'postgres',
  centers: Array<{ code: string; name: string; region: string }>,
  accounts: Array<{ loginId: string; role: 'counselor' | 'supervisor' | 'admin'; center: string }>,
  /** More of the server's options (the attachment store and limit: server/blobs/). */
  extra: Pick<ServerOptions, 'blobs'> = {},
): Promise<SyncServer> {
  const database: TestDatabase = await freshDatabase(dialect);
  const opened = await openServerDb(database.url);
  for (const c of centers) await addCenter(opened.db, c, new Date(), opened.dialect);
  const users = new Map<string, string>();
  for (const a of accounts) {
    const id = await addUser(
      opened.db,
      {
        loginId: a.loginId,
        name: `${a.loginId} 님`,
        role: a.role,
        centerCode: a.center,
        password: SYNC_PASSWORD,
      },
      new Date(),
    );
    users.set(a.loginId, id);
  }
  const app = await buildServer({ db: opened.db, dialect: opened.dialect, ...extra });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    opened,
    app,
    url,
    users,
    close: async () => {
      await app.close();
      await opened.close();
      await database.drop();
    },
  };
}

export interface SyncDesk {
  store: DesktopStore;
  client: SyncClient;
  session: SessionInfo;
  /** False: every request fails as if the network were down. */
  online: boolean;
  /** Row ids left out of pull answers, as a page that missed a committed row would (issue #14). */
  dropPulled: Set<string>;
  close: () => Promise<void>;
}

export async function openSyncDesk(
  url: string,
  loginId: string,
  /** Attachment bytes through another address (a proxy that cuts the connection). */
  options: { blobUrl?: string } = {},
): Promise<SyncDesk> {
  const t = tempDir('caseworker-desk-');
  const store = await openFreshDesktopStore(t.dir);
  const http = httpTransport(url);
  const desk = { online: true, dropPulled: new Set<string>() } as SyncDesk;
  const transport: SyncTransport = {
    request: async (method, path, body, token) => {
      if (!desk.online) throw new OfflineError('offline (test)');
      const answer = await http.request(method, path, body, token);
      if (desk.dropPulled.size === 0 || !path.startsWith('/v1/sync/pull') || answer.status !== 200)
        return answer;
      const page = answer.body as { rows: Array<{ id: string }> };
      return { ...answer, body: { ...page, rows: page.rows.filter((r) => !desk.dropPulled.has(r.id)) } };
    },
    stream: (path, token) => {
      if (!desk.online) return Promise.reject(new OfflineError('offline (test)'));
      return http.stream(path, token);
    },
  };
  const client = new SyncClient(store.context, transport);
  client.blobs = new BlobSync(store.context.db, blobHttp(options.blobUrl ?? url), (stale) =>
    desk.online ? client.token(stale) : Promise.reject(new OfflineError('offline (test)')),
  );
  await client.signIn(loginId, SYNC_PASSWORD, `${loginId}의 PC`);
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

/**
 * A change of decisive fields the way the services write (row, HLC and outbox entry in one transaction),
 * for the fields the desk has no screen for yet (reassigning or transferring a case).
 */
export async function writeLocally(
  desk: { store: DesktopStore },
  table: SyncedTableName,
  id: string,
  baseSeq: number,
  fields: Record<string, unknown>,
): Promise<void> {
  const ctx = desk.store.context;
  // A transfer names a center and a counselor this desktop's directory may not hold (another center's):
  // the server checks them, as it does for pulled rows.
  await sql`PRAGMA foreign_keys = OFF`.execute(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await trx
      .updateTable(table)
      .set({ ...fields, hlc } as never)
      .where('id', '=', id)
      .execute();
    await appendOutbox(trx, {
      table,
      rowId: id,
      op: 'update',
      fields,
      hlc,
      baseSeq,
      createdAt: ctx.now().toISOString(),
    });
  });
  await sql`PRAGMA foreign_keys = ON`.execute(ctx.db);
}

/** Resolves when the scheduler finishes a run (the one under way, when `running` says one is). */
function runEnd(scheduler: SyncScheduler, running: boolean): Promise<SyncState> {
  return new Promise((resolve) => {
    let started = running;
    const off = scheduler.onChange((s) => {
      if (s.running) started = true;
      else if (started) {
        off();
        resolve(s);
      }
    });
  });
}

/** One complete background sync of an app's store (what "지금 동기화" starts), awaited by its events. */
export async function syncNow(store: DesktopStore): Promise<SyncState> {
  const scheduler = store.context.sync?.scheduler;
  if (!scheduler) throw new Error('This store has no background sync.');
  if (scheduler.status.running) await runEnd(scheduler, true);
  const end = runEnd(scheduler, false);
  scheduler.kick();
  return end;
}

/** The file's server and the desktops its tests open, from `serverWithDesks`. */
export interface ServerWithDesks {
  readonly server: SyncServer;
  /** A desktop signed in as `loginId`, closed with the server after the file. */
  desk: (loginId: string) => Promise<SyncDesk>;
  userId: (login: string) => string;
}

/**
 * Called in a describe's body: the server on `dialect` with `centers` and `accounts` starts before the
 * file's tests, and it and every desktop a test opens are closed after them. `server` is there once
 * beforeAll has run (use it inside tests).
 */
export function serverWithDesks(
  dialect: 'sqlite' | 'postgres',
  centers: Parameters<typeof startSyncServer>[1],
  accounts: Parameters<typeof startSyncServer>[2],
): ServerWithDesks {
  let server: SyncServer | undefined;
  const desks: SyncDesk[] = [];
  const real = (): SyncServer => {
    if (!server) throw new Error('serverWithDesks: the server starts in beforeAll; use it inside tests');
    return server;
  };
  beforeAll(async () => {
    server = await startSyncServer(dialect, centers, accounts);
  });
  afterAll(async () => {
    for (const d of desks) await d.close();
    await server?.close();
  });
  return {
    get server() {
      return real();
    },
    desk: async (loginId) => {
      const d = await openSyncDesk(real().url, loginId);
      desks.push(d);
      return d;
    },
    userId: (login) => real().users.get(login) ?? '',
  };
}
