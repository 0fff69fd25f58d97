import { sql, type Selectable } from 'kysely';
import { learnClockOffset } from '../../../db/repositories/clock-offset.ts';
import { getMeta, setMeta } from '../../../db/repositories/meta.ts';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import type { Database } from '../../../db/schema.ts';
import {
  MAX_PUSH_BATCH,
  type PulledRow,
  type DirectoryUser,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../../shared/sync/protocol.ts';
import type { LobbyCallsAnswer } from '../../../shared/domain/lobby.ts';
import type { StoreContext } from '../store-context.ts';
import { hashPassword } from '../passwords.ts';
import { applyPulledPage } from './apply-pulled.ts';
import { openToken, sealToken } from './token-seal.ts';
import { refreshTransferDirectory } from './transfer-directory.ts';
import { afterPull } from './lifecycle.ts';
import type { BlobSync } from './blobs.ts';
import { planFirstDownload, runSnapshot, savePlan, type SnapshotDeps } from './snapshot.ts';
import type { SnapshotWriterFactory } from './snapshot-writer.ts';
import { VERIFY_INTERVAL_MS, verifyDue, verifyScopes, type VerifyResult } from './verify.ts';
import type { SyncTransport } from './transport.ts';
import { upsertCenter, upsertUsers } from './directory.ts';
import { errorOf } from './sync-error.ts';

// The desktop side of sync (sync.md § Model): push the outbox in order, then pull pages of current rows
// after the cursor, each page and its cursor in one transaction. Refused mutations are marked with
// the server's reason and never block the rest.

// SyncError lives in sync-error.ts (directory.ts throws it too); importers keep taking it from here.
export { SyncError } from './sync-error.ts';

export const PULL_PAGE = 1000;
const CURSOR_SCOPE = 'all';

export interface SyncCounts {
  pushed: number;
  pulled: number;
  refused: number;
  review: number;
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export type OutboxEntry = Selectable<Database['outbox']>;

function toMutation(e: OutboxEntry): Mutation {
  return {
    clientSeq: Number(e.client_seq),
    table: e.table_name,
    rowId: e.row_id,
    op: e.op,
    fields: JSON.parse(e.fields) as Mutation['fields'],
    hlc: e.hlc,
    baseSeq: Number(e.base_seq),
  };
}

export class SyncClient {
  private readonly ctx: StoreContext;
  private readonly transport: SyncTransport;
  /** Open review items in the user's center, as of the last sync. */
  lastReviewCount = 0;
  /** How often the per-scope checksums are compared (besides after every snapshot): verifyIfDue. */
  verifyIntervalMs = VERIFY_INTERVAL_MS;
  /** Called after each pulled page: rows so far, and whether more are coming (first-download progress). */
  onProgress: ((pulled: number, more: boolean) => void) | undefined;

  private readonly snapshotWriter: SnapshotWriterFactory | undefined;
  /** Attachment bytes, moved after the rows (sync/blobs.ts); absent where no blob endpoint is wired. */
  blobs: BlobSync | undefined;

  constructor(
    ctx: StoreContext,
    transport: SyncTransport,
    options: { snapshotWriter?: SnapshotWriterFactory | undefined } = {},
  ) {
    this.ctx = ctx;
    this.transport = transport;
    this.snapshotWriter = options.snapshotWriter;
  }

  /** Signs in online; makes the account (with a local verifier for offline sign-in) and center exist locally. */
  async signIn(
    loginId: string,
    password: string,
    deviceName: string,
    /** A join's admin: only the session is kept; the directory waits until the accounts are paired. */
    options: { sessionOnly?: boolean } = {},
  ): Promise<DirectoryUser> {
    const r = await this.transport.request('POST', '/v1/auth/login', {
      loginId,
      password,
      deviceId: this.ctx.deviceId,
      deviceName,
    });
    await this.noteServerTime(r.serverTime);
    if (r.status !== 200) throw errorOf(r.status, r.body, r.retryAfterMs ?? null);
    const body = r.body as Tokens & { user: DirectoryUser & { centerName: string } };
    await this.saveTokens(body);
    if (options.sessionOnly) return body.user;
    await this.ctx.db.transaction().execute(async (trx) => {
      await upsertCenter(
        trx,
        { code: body.user.centerCode, name: body.user.centerName, sido: '', sigungu: null },
        this.ctx.now(),
      );
      await upsertUsers(trx, [body.user], this.ctx.now());
      // The verifier for offline sign-in: the same password, hashed on this desktop.
      await trx
        .updateTable('users')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', body.user.id)
        .execute();
    });
    await setMeta(this.ctx.db, 'sync.user', body.user.id);
    return body.user;
  }

  private async saveTokens(t: Tokens): Promise<void> {
    await setMeta(this.ctx.db, 'sync.access', t.accessToken);
    await setMeta(this.ctx.db, 'sync.refresh', sealToken(t.refreshToken, this.ctx.secrets));
  }

  /** The refresh in flight, shared: the server ends a session whose refresh token is presented twice. */
  private refreshing: Promise<string> | null = null;

  /** A new access token from the refresh token (after a 401); throws the 401 when there is none. */
  private refreshAccess(status: number, body: unknown): Promise<string> {
    this.refreshing ??= this.refreshOnce(status, body).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(status: number, body: unknown): Promise<string> {
    const refresh = openToken(await getMeta(this.ctx.db, 'sync.refresh'), this.ctx.secrets);
    if (!refresh) throw errorOf(status, body);
    const rr = await this.transport.request('POST', '/v1/auth/refresh', {
      refreshToken: refresh,
      deviceId: this.ctx.deviceId,
    });
    if (rr.status !== 200) throw errorOf(rr.status, rr.body, rr.retryAfterMs ?? null);
    await this.saveTokens(rr.body as Tokens);
    return (rr.body as Tokens).accessToken;
  }

  private async authed(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let token = await getMeta(this.ctx.db, 'sync.access');
    let r = await this.transport.request(method, path, body, token);
    if (r.status === 401) {
      token = await this.refreshAccess(r.status, r.body);
      r = await this.transport.request(method, path, body, token);
    }
    await this.noteServerTime(r.serverTime);
    if (r.status !== 200) throw errorOf(r.status, r.body, r.retryAfterMs ?? null);
    return r.body;
  }

  /** The lobby display's feed (server/lobby/routes.ts): a long-poll in this PC's session's name. */
  lobbyCalls(after: string | null, waitMs: number): Promise<LobbyCallsAnswer> {
    const q = new URLSearchParams({ wait: String(waitMs), ...(after ? { after } : {}) });
    return this.authed('GET', `/v1/lobby/calls?${q.toString()}`) as Promise<LobbyCallsAnswer>;
  }

  /** Every answer carries the server's time: this desktop's clock offset follows it (clock-offset.ts). */
  private async noteServerTime(serverTime: string | null): Promise<void> {
    if (!serverTime) return;
    await setMeta(this.ctx.db, 'sync.serverTime', serverTime);
    await learnClockOffset(this.ctx.db, serverTime, this.ctx.now().getTime());
  }

  /** A streamed GET (a snapshot), authenticated like `authed`. */
  private async authedStream(path: string): Promise<AsyncIterable<string>> {
    let r = await this.transport.stream(path, await getMeta(this.ctx.db, 'sync.access'));
    if (r.status === 401) r = await this.transport.stream(path, await this.refreshAccess(r.status, r.body));
    await this.noteServerTime(r.serverTime);
    if (r.status !== 200) throw errorOf(r.status, r.body, r.retryAfterMs ?? null);
    return r.lines;
  }

  private snapshotDeps(): SnapshotDeps {
    return {
      db: this.ctx.db,
      now: this.ctx.now,
      schemaVersion: LATEST_SCHEMA_VERSION,
      get: (path) => this.authed('GET', path),
      stream: (path) => this.authedStream(path),
      onRows: (rows) => this.onProgress?.(rows, true),
      ...(this.snapshotWriter ? { writer: this.snapshotWriter } : {}),
    };
  }

  /**
   * The checks after catch-up (sync/verify.ts), when due: after a snapshot, then every
   * `verifyIntervalMs`. The background sync runs it after each successful sync; null when not due.
   */
  async verifyIfDue(): Promise<VerifyResult | null> {
    if (!(await verifyDue(this.ctx.db, this.ctx.now(), this.verifyIntervalMs))) return null;
    return this.verify();
  }

  /**
   * Compares this desktop's per-scope checksums with the server's and downloads a differing scope
   * again, once (sync/verify.ts).
   */
  async verify(): Promise<VerifyResult> {
    const deps = this.snapshotDeps();
    return verifyScopes({
      ...deps,
      pull: () => this.pull(),
      redownload: async (scopes, upTo) => {
        await savePlan(this.ctx.db, { upTo, scopes, first: false });
        await runSnapshot(deps);
      },
    });
  }

  /** The access token for the blob endpoint; a new one when `stale` (after a 401). */
  token(stale: boolean): Promise<string | undefined> {
    return stale ? this.refreshAccess(401, null) : getMeta(this.ctx.db, 'sync.access');
  }

  /** An authenticated GET of a JSON answer (the join's account list). */
  get(path: string): Promise<unknown> {
    return this.authed('GET', path);
  }

  /** An authenticated POST of a JSON request (a transfer withdrawn by the sending center's supervisor). */
  post(path: string, body: unknown): Promise<unknown> {
    return this.authed('POST', path, body);
  }

  /** Pushes every pending outbox entry, oldest first. */
  async push(): Promise<Omit<SyncCounts, 'pulled'>> {
    const counts = { pushed: 0, refused: 0, review: 0 };
    for (;;) {
      const pending = await this.pendingBatch();
      if (pending.length === 0) return counts;
      const response = (await this.authed('POST', '/v1/sync/push', {
        schemaVersion: LATEST_SCHEMA_VERSION,
        mutations: pending.map(toMutation),
      })) as PushResponse;
      await this.settle(pending, response, counts);
      if (response.results.length < pending.length) return counts; // the server stopped early; retry later
    }
  }

  /**
   * A join's push (electron/services/join/): the pending outbox in order, each run of entries by one
   * author sent in that author's name through `/v1/join/push` (an admin is signed in here), and the
   * admin's own (`asUser` null) through the ordinary push.
   */
  async pushAsAuthors(authorOf: (entry: OutboxEntry) => string | null): Promise<Omit<SyncCounts, 'pulled'>> {
    const counts = { pushed: 0, refused: 0, review: 0 };
    for (;;) {
      const pending = await this.pendingBatch();
      const first = pending[0];
      if (!first) return counts;
      const author = authorOf(first);
      const end = pending.findIndex((e) => authorOf(e) !== author);
      const run = end === -1 ? pending : pending.slice(0, end);
      const mutations = run.map(toMutation);
      const response = (
        author === null
          ? await this.authed('POST', '/v1/sync/push', { schemaVersion: LATEST_SCHEMA_VERSION, mutations })
          : await this.authed('POST', '/v1/join/push', {
              asUser: author,
              schemaVersion: LATEST_SCHEMA_VERSION,
              mutations,
            })
      ) as PushResponse;
      await this.settle(run, response, counts);
      if (response.results.length < run.length) return counts;
    }
  }

  private pendingBatch(): Promise<OutboxEntry[]> {
    return this.ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('client_seq')
      .limit(MAX_PUSH_BATCH)
      .execute();
  }

  /** A push's answers: sent or refused (with the reason) per entry, and the server's rows it returned. */
  private async settle(
    pending: OutboxEntry[],
    response: PushResponse,
    counts: Omit<SyncCounts, 'pulled'>,
  ): Promise<void> {
    await this.withoutForeignKeys(() =>
      this.ctx.db.transaction().execute(async (trx) => {
        const bySeq = new Map(pending.map((e) => [Number(e.client_seq), e]));
        const sent: number[] = [];
        const rows: PulledRow[] = [];
        for (const result of response.results) {
          const entry = bySeq.get(result.clientSeq);
          if (!entry) continue;
          // Counts are of changes to records; audit entries travel along as bookkeeping.
          const counted = entry.table_name !== 'audit_entries';
          if (result.status === 'refused') {
            if (counted) counts.refused++;
            await trx
              .updateTable('outbox')
              .set({ status: 'refused', error: result.reason ?? 'refused' })
              .where('client_seq', '=', entry.client_seq)
              .execute();
          } else {
            if (counted) counts.pushed++;
            if (result.status === 'review') counts.review++;
            sent.push(result.clientSeq);
          }
          if (result.row)
            rows.push({
              table: entry.table_name,
              id: entry.row_id,
              seq: result.row.seq,
              data: result.row.data,
            });
        }
        for (let i = 0; i < sent.length; i += 400) {
          await trx
            .updateTable('outbox')
            .set({ status: 'sent', error: null })
            .where('client_seq', 'in', sent.slice(i, i + 400))
            .execute();
        }
        // The server's version of every row this batch touched: where a change lost or went to review,
        // this desktop shows what everyone else sees.
        await applyPulledPage(trx, rows);
      }),
    );
  }

  /** Pulls pages until the server has nothing newer; each page commits with its cursor. */
  async pull(): Promise<number> {
    let pulled = 0;
    // A desktop that never pulled downloads a snapshot of its scopes first, then the log from there
    // (sync/snapshot.ts); an interrupted snapshot continues here.
    const snapshot = this.snapshotDeps();
    if (await planFirstDownload(snapshot)) pulled += await runSnapshot(snapshot);
    for (;;) {
      const cursor = Number(
        (
          await this.ctx.db
            .selectFrom('sync_cursors')
            .select('cursor')
            .where('scope', '=', CURSOR_SCOPE)
            .executeTakeFirst()
        )?.cursor ?? 0,
      );
      const page = (await this.authed(
        'GET',
        `/v1/sync/pull?cursor=${cursor}&limit=${PULL_PAGE}&schemaVersion=${LATEST_SCHEMA_VERSION}`,
      )) as PullResponse;
      await this.withoutForeignKeys(() =>
        this.ctx.db.transaction().execute(async (trx) => {
          if (page.center) await upsertCenter(trx, page.center, this.ctx.now());
          await upsertUsers(trx, page.users, this.ctx.now());
          await applyPulledPage(trx, page.rows);
          if (page.cursor < cursor) throw new Error('the server cursor went backwards');
          await trx
            .insertInto('sync_cursors')
            .values({ scope: CURSOR_SCOPE, cursor: page.cursor, updated_at: this.ctx.now().toISOString() })
            .onConflict((oc) =>
              oc
                .column('scope')
                .doUpdateSet({ cursor: page.cursor, updated_at: this.ctx.now().toISOString() }),
            )
            .execute();
        }),
      );
      pulled += page.rows.filter((r) => r.table !== 'audit_entries').length;
      this.onProgress?.(pulled, page.hasMore);
      if (!page.hasMore) return pulled;
      // Let other work (IPC from the windows) run between pages: a first download never freezes the app.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Server rows arrive in server order, which is not parent-before-child (a parent edited later has a
   * higher seq than its children), and name counselors of other desktops: the server checked the
   * references, so they are not checked again while applying.
   */
  private async withoutForeignKeys<T>(work: () => Promise<T>): Promise<T> {
    await sql`PRAGMA foreign_keys = OFF`.execute(this.ctx.db);
    try {
      return await work();
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(this.ctx.db);
    }
  }

  /** Push, then pull, until both are empty. */
  async syncOnce(): Promise<SyncCounts> {
    const pushed = await this.push();
    const pulled = await this.pull();
    // Removals (rows that left this desktop's scopes) and the open review items (sync/lifecycle.ts).
    const after = await afterPull(this.ctx.db, (path) => this.authed('GET', path), this.ctx.now);
    this.lastReviewCount = after.reviews;
    // The centers and the sending center's transfer requests, kept for offline use (never fails a sync).
    await refreshTransferDirectory(this.ctx.db, (path) => this.authed('GET', path), this.ctx.now);
    await this.blobs?.transfer();
    await setMeta(this.ctx.db, 'sync.lastSuccess', this.ctx.now().toISOString());
    return { ...pushed, pulled };
  }
}
