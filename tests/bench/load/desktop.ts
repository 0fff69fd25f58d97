import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { uuidv7 } from 'uuidv7';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations/index.ts';
import { formatHlc } from '../../../shared/sync/hlc.ts';
import type { PullResponse, PushResponse } from '../../../shared/sync/protocol.ts';
import type { ScopesResponse, SnapshotLine } from '../../../shared/sync/snapshot.ts';
import type { LoadAccount } from './seed.ts';

// One simulated desktop of the load test: the desktop's sync protocol over HTTP, without its store (500
// real stores would measure this machine's disk, not the server). It keeps what a desktop's store keeps
// for sync: every row it holds with its seq, its pull cursor, and its own cases for its edits. Like the
// real desktop it honours 429 and 503 by waiting for their Retry-After, then asks again.

export const SCHEMA_VERSION = LATEST_SCHEMA_VERSION;

export type RequestKind = 'login' | 'scopes' | 'snapshot' | 'pull' | 'push';

export interface LoadStats {
  /** Milliseconds of each answered request, by kind. */
  times: Record<RequestKind, number[]>;
  /** 429 and 503 answers (waited for, then asked again): the server's backpressure, not errors. */
  throttled: number;
  /** The same by the answer's code (rate-limited, over-capacity, database-unavailable). */
  throttledBy: Record<string, number>;
  errors: number;
  /** The first few errors, for the report. */
  errorSamples: string[];
  mutations: number;
}

export function emptyStats(): LoadStats {
  return {
    times: { login: [], scopes: [], snapshot: [], pull: [], push: [] },
    throttled: 0,
    throttledBy: {},
    errors: 0,
    errorSamples: [],
    mutations: 0,
  };
}

class LoadError extends Error {}

/** A seeded random sequence (mulberry32): the same run makes the same choices. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class SimDesktop {
  readonly account: LoadAccount;
  readonly deviceId = randomUUID();
  /** `table:id` → seq of every row held. */
  rows = new Map<string, number>();
  cursor = 0;
  private readonly url: string;
  private stats: LoadStats;
  private readonly signal: AbortSignal;
  private token = '';
  private refreshToken = '';
  private clientSeq = 0;
  private lastWall = 0;
  private counter = 0;
  /** This counselor's own cases (id → seq), the ones its edits touch. */
  private readonly own = new Map<string, number>();

  constructor(url: string, account: LoadAccount, stats: LoadStats, signal: AbortSignal) {
    this.url = url;
    this.account = account;
    this.stats = stats;
    this.signal = signal;
  }

  /** Counts from now on into other figures (the end-of-run check is not part of the measured load). */
  useStats(stats: LoadStats): void {
    this.stats = stats;
  }

  async signIn(password: string): Promise<void> {
    const body = await this.call('login', 'POST', '/v1/auth/login', {
      loginId: this.account.loginId,
      password,
      deviceId: this.deviceId,
      deviceName: `load ${this.account.loginId}`,
    });
    const t = JSON.parse(body) as { accessToken: string; refreshToken: string };
    this.token = t.accessToken;
    this.refreshToken = t.refreshToken;
  }

  /** The first download: every scope's snapshot up to one seq, then the log from there. */
  async firstDownload(): Promise<void> {
    const got = await this.download();
    this.rows = got.rows;
    this.cursor = got.upTo;
    for (const [key, seq] of this.rows) this.noteOwn(key, seq, null);
    await this.pullAll();
  }

  /** A fresh download into a separate map (the convergence check compares it with what is held). */
  async download(): Promise<{ rows: Map<string, number>; upTo: number }> {
    const scopes = JSON.parse(
      await this.call('scopes', 'GET', `/v1/sync/scopes?cursor=0&schemaVersion=${SCHEMA_VERSION}`),
    ) as ScopesResponse;
    const rows = new Map<string, number>();
    for (const s of scopes.scopes) {
      let after = 0;
      for (;;) {
        const q = `scope=${encodeURIComponent(s.scope)}&upTo=${scopes.upTo}&after=${after}&schemaVersion=${SCHEMA_VERSION}`;
        const text = await this.call('snapshot', 'GET', `/v1/sync/snapshot?${q}`);
        let end: { after: number; more: boolean } | null = null;
        for (const line of text.split('\n')) {
          if (!line) continue;
          const l = JSON.parse(line) as SnapshotLine;
          if ('end' in l) end = l;
          else if (l.x) rows.delete(`${l.t}:${l.i}`);
          else {
            rows.set(`${l.t}:${l.i}`, l.s);
            if (l.t === 'jobseekers' && l.d['assigned_counselor_id'] === this.account.userId)
              this.own.set(l.i, l.s);
          }
        }
        if (!end) throw this.fail('snapshot', 'a snapshot stream ended without its end line');
        if (!end.more) break;
        after = end.after;
      }
    }
    return { rows, upTo: scopes.upTo };
  }

  /** Pulls pages until the server has no more. */
  async pullAll(): Promise<number> {
    let received = 0;
    for (;;) {
      const page = JSON.parse(
        await this.call('pull', 'GET', `/v1/sync/pull?cursor=${this.cursor}&schemaVersion=${SCHEMA_VERSION}`),
      ) as PullResponse;
      for (const r of page.rows) {
        const key = `${r.table}:${r.id}`;
        if (r.deleted) this.rows.delete(key);
        else this.rows.set(key, r.seq);
        this.noteOwn(key, r.seq, r.data);
      }
      received += page.rows.length;
      this.cursor = page.cursor;
      if (!page.hasMore) return received;
    }
  }

  /** A burst of edits as a counselor makes them: phone numbers of own cases and new counseling notes. */
  async pushBurst(size: number, rnd: () => number): Promise<void> {
    const own = [...this.own.entries()];
    if (own.length === 0) return;
    const now = new Date().toISOString();
    const mutations = [];
    for (let i = 0; i < size; i++) {
      const [caseId, seq] = own[Math.floor(rnd() * own.length)] ?? ['', 0];
      const hlc = this.nextHlc();
      this.clientSeq += 1;
      if (rnd() < 0.6) {
        const phone = `010${String(Math.floor(rnd() * 100_000_000)).padStart(8, '0')}`;
        mutations.push({
          clientSeq: this.clientSeq,
          table: 'jobseekers',
          rowId: caseId,
          op: 'update',
          fields: { phone },
          hlc,
          baseSeq: seq,
        });
      } else {
        mutations.push({
          clientSeq: this.clientSeq,
          table: 'counseling_notes',
          rowId: uuidv7(),
          op: 'insert',
          fields: {
            jobseeker_id: caseId,
            kind: 'phone',
            body: '전화 상담: 면접 일정 안내',
            author_id: this.account.userId,
            created_at: now,
            revision_of: null,
          },
          hlc,
          baseSeq: 0,
        });
      }
    }
    const answer = JSON.parse(
      await this.call('push', 'POST', '/v1/sync/push', { schemaVersion: SCHEMA_VERSION, mutations }),
    ) as PushResponse;
    for (const [i, r] of answer.results.entries()) {
      const m = mutations[i];
      if (r.status !== 'applied' && r.status !== 'duplicate') {
        // An honest change refused or held for review: the server or the test is wrong.
        this.record(`push: ${r.status} ${r.reason ?? ''}`.slice(0, 200));
        continue;
      }
      this.stats.mutations += 1;
      if (m && r.seq !== undefined) {
        this.rows.set(`${m.table}:${m.rowId}`, r.seq);
        if (m.table === 'jobseekers') this.own.set(m.rowId, r.seq);
      }
    }
  }

  private noteOwn(key: string, seq: number, data: Record<string, unknown> | null): void {
    if (!key.startsWith('jobseekers:')) return;
    const id = key.slice('jobseekers:'.length);
    if (data ? data['assigned_counselor_id'] === this.account.userId : this.own.has(id))
      this.own.set(id, seq);
  }

  private nextHlc(): string {
    const wall = Date.now();
    if (wall > this.lastWall) {
      this.lastWall = wall;
      this.counter = 0;
    } else this.counter += 1;
    return formatHlc({ wall: this.lastWall, counter: this.counter, node: this.deviceId });
  }

  private record(message: string): void {
    this.stats.errors += 1;
    if (this.stats.errorSamples.length < 10)
      this.stats.errorSamples.push(`${this.account.loginId}: ${message}`);
  }

  private fail(kind: RequestKind, message: string): LoadError {
    this.record(`${kind}: ${message}`);
    return new LoadError(message);
  }

  /** One request, timed; a 429/503 is waited out (Retry-After) and sent again; an expired token renewed. */
  private async call(kind: RequestKind, method: string, path: string, body?: unknown): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      let res: Response;
      try {
        res = await fetch(`${this.url}${path}`, {
          method,
          signal: this.signal,
          headers: {
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        if (this.signal.aborted) throw this.fail(kind, 'stopped by the time bound');
        throw this.fail(
          kind,
          error instanceof Error
            ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`
            : String(error),
        );
      }
      const text = await res.text().catch(() => '');
      const ms = performance.now() - started;
      if ((res.status === 429 || res.status === 503) && attempt < 20) {
        this.stats.throttled += 1;
        const code = codeOf(text) ?? String(res.status);
        this.stats.throttledBy[code] = (this.stats.throttledBy[code] ?? 0) + 1;
        const wait = Number(res.headers.get('retry-after') ?? '1');
        // Jittered as the desktop's scheduler is, so the waiters do not all return at once.
        await sleep((Number.isFinite(wait) ? wait : 1) * 1000 * (1 + Math.random() * 0.5), undefined, {
          signal: this.signal,
        }).catch(() => undefined);
        if (this.signal.aborted) throw this.fail(kind, 'stopped by the time bound');
        continue;
      }
      if (res.status === 401 && this.refreshToken && kind !== 'login' && attempt === 0) {
        await this.refresh();
        continue;
      }
      if (!res.ok) throw this.fail(kind, `${res.status} ${text.slice(0, 160)}`);
      this.stats.times[kind].push(ms);
      return text;
    }
  }

  private async refresh(): Promise<void> {
    const res = await fetch(`${this.url}/v1/auth/refresh`, {
      method: 'POST',
      signal: this.signal,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: this.refreshToken, deviceId: this.deviceId }),
    });
    const t = (await res.json()) as { accessToken: string; refreshToken: string };
    if (!res.ok) throw this.fail('login', `refresh ${res.status}`);
    this.token = t.accessToken;
    this.refreshToken = t.refreshToken;
  }
}

function codeOf(text: string): string | null {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

export { LoadError };
