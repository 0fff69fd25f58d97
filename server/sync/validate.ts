import { createHash } from 'node:crypto';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { CENTER_CODE, MAX_FIELDS, MAX_ROW_BYTES, UUID_V7 } from '../../shared/sync/tables/index.ts';
import { Refusal } from './rows.ts';

// The envelope of one pushed change, before its table's declaration is consulted (issue 13 §1): the
// record id's shape, the HLC's size, the number of fields and the size of the whole change. A NUL
// character is caught before anything reaches the database (PostgreSQL text cannot hold one: the whole
// request would fail), and a change is identified by a hash of its content so the same client_seq sent
// again with other content is not mistaken for a re-send.

/** A clock value: 15 digits of wall time, 5 of counter, and the device's node id (shared/sync/hlc.ts). */
const HLC = /^\d{15}:\d{5}:[A-Za-z0-9._-]{1,64}$/;

/** Whether the raw change (as parsed from JSON) holds a NUL character anywhere: its keys or values. */
export function hasNul(json: string): boolean {
  return json.includes('\\u0000');
}

export function checkEnvelope(m: Mutation, json: string): void {
  if (!HLC.test(m.hlc)) throw new Refusal('badClock');
  const fieldCount = Object.keys(m.fields).length;
  if (fieldCount > MAX_FIELDS)
    throw new Refusal('tooLarge', { size: `${fieldCount} fields`, max: `${MAX_FIELDS} fields` });
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_ROW_BYTES)
    throw new Refusal('tooLarge', { size: `${bytes} bytes`, max: `${MAX_ROW_BYTES} bytes` });
}

/** Record ids are client-made UUIDv7s; a center's settings row is known by the center's code. */
export function checkRowId(table: string, rowId: string): void {
  const ok = table === 'centers' ? CENTER_CODE.test(rowId) : UUID_V7.test(rowId);
  if (!ok) throw new Refusal('badRowId', { table });
}

/**
 * SHA-256 of the change as it came (its JSON text). Only changes with the same client_seq are compared,
 * and a desktop re-sends an outbox entry as the same text, so any difference is other content.
 */
export function payloadHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}
