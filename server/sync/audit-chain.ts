import { z } from 'zod';
import { GENESIS_HASH, entryHash } from '../../db/repositories/audit.ts';
import {
  getChainHead,
  insertAnchors,
  loginIdOf,
  setChainHead,
  type ChainHead,
} from '../../db/server/repositories/audit-chain.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { PushWork } from './push-work.ts';
import { Refusal, type SyncCaller } from './rows.ts';

// The server verifies each device's audit chain as it arrives (domain.md §10, issue 13 item 3). A
// desktop chains its own entries (db/repositories/audit.ts: each hash covers the entry and the previous
// entry's hash) and pushes them in that order; the server accepts an entry only when
//   - its content matches its hash (nothing altered, nothing made up),
//   - it links to the last entry the server accepted from that device (nothing removed, reordered or
//     inserted; `audit_chain_heads` keeps that link even after the retention purge removes the entry),
//   - its device is the caller's device, its center the caller's center, and its actor the caller (or
//     none: the app's own entries, such as a kiosk ticket).
// A re-sent entry (same id, same hash) is the same entry; the same id with other content is refused.
// The first entry the server sees of a device may link to entries it never received (made before the
// device first synced): it starts the device's chain, and an anchor records the unseen gap. An entry
// whose link and hash are honest but which names another account is refused, and its link is still
// taken (with a 'refused' anchor), so the device's later honest entries are not refused with it.

const HASH = /^[0-9a-f]{64}$/;
const text = (max: number) => z.string().max(max);

/** An audit entry as a desktop pushes it (its row without the id, which is the mutation's row id). */
const auditEntryFields = z
  .object({
    at: z.string().min(20).max(40),
    actor_id: text(64).nullable(),
    actor_login: text(64).nullable(),
    device_id: z.string().min(1).max(64),
    action: z.string().min(1).max(200),
    subject_type: z.string().min(1).max(64),
    subject_id: text(200).nullable(),
    person_id: text(64).nullable(),
    detail: text(20_000).nullable(),
    center_code: z.string().min(1).max(64),
    prev_hash: z.string().regex(HASH, 'is not a hash'),
    hash: z.string().regex(HASH, 'is not a hash'),
  })
  .strict();

/**
 * Per push request: each device's head as this request has moved it (written once, at the end of the
 * request: `flushAuditChain`), and the caller's login id.
 */
interface ChainState {
  heads: Map<string, ChainHead | null>;
  moved: Set<string>;
  login?: string | null;
}
const state = new WeakMap<PushWork, ChainState>();

function stateOf(work: PushWork): ChainState {
  let s = state.get(work);
  if (!s) {
    s = { heads: new Map(), moved: new Set() };
    state.set(work, s);
  }
  return s;
}

/** Writes the heads this request moved, in its transaction (called once, after the request's writes). */
export async function flushAuditChain(work: PushWork): Promise<void> {
  const s = state.get(work);
  if (!s) return;
  for (const deviceId of s.moved) {
    const h = s.heads.get(deviceId);
    if (h)
      await setChainHead(work.trx, {
        deviceId,
        hash: h.head_hash,
        id: h.head_id,
        accepted: Number(h.accepted),
        at: h.updated_at,
      });
  }
  s.moved.clear();
}

async function headOf(work: PushWork, deviceId: string): Promise<ChainHead | null> {
  const s = stateOf(work);
  if (!s.heads.has(deviceId)) s.heads.set(deviceId, (await getChainHead(work.trx, deviceId)) ?? null);
  return s.heads.get(deviceId) ?? null;
}

async function callerLogin(work: PushWork, caller: SyncCaller): Promise<string | null> {
  const s = stateOf(work);
  if (s.login === undefined) s.login = (await loginIdOf(work.trx, caller.userId)) ?? null;
  return s.login;
}

async function advance(work: PushWork, deviceId: string, hash: string, id: string, now: string) {
  const previous = await headOf(work, deviceId);
  const head: ChainHead = {
    device_id: deviceId,
    head_hash: hash,
    head_id: id,
    accepted: Number(previous?.accepted ?? 0) + 1,
    updated_at: now,
  };
  const s = stateOf(work);
  s.heads.set(deviceId, head);
  s.moved.add(deviceId);
}

/**
 * Checks a pushed audit entry against the caller and the device's chain, and moves the chain on when
 * it goes in; throws a Refusal otherwise. Updates are left to the append-only rule.
 */
export async function checkAuditEntry(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  now: string,
): Promise<void> {
  if (m.op !== 'insert') return;
  const parsed = auditEntryFields.safeParse(m.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal('auditMalformed', {
      field: issue?.path.map(String).join('.') ?? '',
      problem: issue?.message ?? 'is invalid',
    });
  }
  const e = parsed.data;
  const existing = await work.getRow('audit_entries', m.rowId);
  if (existing) {
    // A re-send: the same entry is acknowledged as it was; other content under its id is a forgery.
    const stored = JSON.parse(existing.data) as { hash?: unknown };
    if (stored.hash === e.hash) return;
    throw new Refusal('auditChanged');
  }
  if (e.device_id !== caller.deviceId) throw new Refusal('auditDevice');
  if (e.center_code !== caller.centerCode) throw new Refusal('auditCenter');
  if (entryHash(e.prev_hash, { ...e, id: m.rowId }) !== e.hash) throw new Refusal('auditHash');
  const head = await headOf(work, caller.deviceId);
  if (head && e.prev_hash !== head.head_hash) throw new Refusal('auditLink');
  if (!head && e.prev_hash !== GENESIS_HASH) {
    await insertAnchors(work.trx, [
      {
        deviceId: caller.deviceId,
        reason: 'first-seen',
        afterHash: GENESIS_HASH,
        lastHash: e.prev_hash,
        lastId: null,
        lastAt: null,
        entries: 0,
        at: now,
      },
    ]);
  }
  const actorOk =
    e.actor_id === null
      ? e.actor_login === null
      : e.actor_id === caller.userId &&
        (e.actor_login === null || e.actor_login === (await callerLogin(work, caller)));
  if (!actorOk) {
    // The link is honest: the chain goes on past the refused entry, and the gap is on record.
    await insertAnchors(work.trx, [
      {
        deviceId: caller.deviceId,
        reason: 'refused',
        afterHash: e.prev_hash,
        lastHash: e.hash,
        lastId: m.rowId,
        lastAt: e.at,
        entries: 1,
        at: now,
      },
    ]);
    await advance(work, caller.deviceId, e.hash, m.rowId, now);
    throw new Refusal('auditActor');
  }
  await advance(work, caller.deviceId, e.hash, m.rowId, now);
}
