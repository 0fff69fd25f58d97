import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { ServerDb } from '../../db/server/connection.ts';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol.ts';
import { SYNC_PASSWORD } from './sync-desktop.ts';

// A hostile desktop for the server tests: hand-made requests over real HTTP (fetch against the
// listening server), signed in as a real account on a device of its own, and a digest of the server's
// store to prove that a refused request changed nothing.

export interface Agent {
  url: string;
  loginId: string;
  userId: string;
  deviceId: string;
  token: string;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  serverTime: string | null;
}

async function send<T>(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token?: string,
): Promise<Answer<T>> {
  const r = await fetch(url + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a stream (snapshot) or an empty body: kept as text
  }
  return { status: r.status, body: parsed as T, serverTime: r.headers.get('x-server-time') };
}

export async function signInAgent(url: string, loginId: string, deviceId = uuidv7()): Promise<Agent> {
  const r = await send<{ accessToken: string; user: { id: string } }>(url, 'POST', '/v1/auth/login', {
    loginId,
    password: SYNC_PASSWORD,
    deviceId,
    deviceName: `${loginId} (hand-made)`,
  });
  if (r.status !== 200) throw new Error(`sign-in of ${loginId} failed: ${r.status}`);
  return { url, loginId, userId: r.body.user.id, deviceId, token: r.body.accessToken };
}

export function get<T = unknown>(a: Agent, path: string): Promise<Answer<T>> {
  return send<T>(a.url, 'GET', path, undefined, a.token);
}

export function post<T = unknown>(a: Agent, path: string, body: unknown): Promise<Answer<T>> {
  return send<T>(a.url, 'POST', path, body, a.token);
}

let clientSeqs = 1;
/** A fresh client sequence number (unique across the test file, so no push is mistaken for a re-send). */
export function nextClientSeq(): number {
  return clientSeqs++;
}

export interface RawMutation {
  clientSeq?: number;
  table: string;
  rowId: string;
  op: 'insert' | 'update';
  fields: Record<string, unknown>;
  hlc?: string;
  baseSeq?: number;
}

export function hlcAt(ms: number, node: string, counter = 0): string {
  return formatHlc({ wall: ms, counter, node });
}

export async function push(a: Agent, mutations: RawMutation[]): Promise<Answer<PushResponse>> {
  return post<PushResponse>(a, '/v1/sync/push', {
    schemaVersion: LATEST_SCHEMA_VERSION,
    mutations: mutations.map((m) => ({
      clientSeq: m.clientSeq ?? nextClientSeq(),
      table: m.table,
      rowId: m.rowId,
      op: m.op,
      fields: m.fields,
      hlc: m.hlc ?? hlcAt(Date.now(), a.deviceId),
      baseSeq: m.baseSeq ?? 0,
    })),
  });
}

export async function pullAll(a: Agent, cursor = 0): Promise<PullResponse['rows']> {
  const rows: PullResponse['rows'] = [];
  for (;;) {
    const r = await get<PullResponse>(
      a,
      `/v1/sync/pull?cursor=${cursor}&limit=1000&schemaVersion=${LATEST_SCHEMA_VERSION}`,
    );
    if (r.status !== 200) throw new Error(`pull failed: ${r.status}`);
    rows.push(...r.body.rows);
    cursor = r.body.cursor;
    if (!r.body.hasMore) return rows;
  }
}

export async function latestSeq(db: ServerDb): Promise<number> {
  const r = await db
    .selectFrom('sync_rows')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return Number(r?.max ?? 0);
}

/** The tables a refused change must leave alone, one hash each (push_results records the refusal). */
const WATCHED = [
  'sync_rows',
  'review_items',
  'value_history',
  'scope_exits',
  'audit_chain_heads',
  'audit_anchors',
  'device_clock_flags',
] as const;

export async function serverDigest(db: ServerDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of WATCHED) {
    const rows = await db.selectFrom(table).selectAll().execute();
    const lines = rows.map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, String(v)]))).sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line).update('\n');
    out[table] = `${rows.length}:${hash.digest('hex')}`;
  }
  return out;
}
