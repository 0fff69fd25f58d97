import { z } from 'zod';
import type { ScopeChecksums, ScopeName } from './checksum.ts';

// First download and checks (sync.md § First download and checks), the messages:
//   GET /v1/sync/scopes    the caller's scopes with their checksums, the server's latest seq, and
//                          whether rows newer than the desktop's cursor exist in those scopes;
//   GET /v1/sync/snapshot  the current rows of one scope with upTo ≥ seq > after, in seq order, as
//                          newline-delimited JSON (one row per line, then one end line): a desktop
//                          applies it as it arrives and, if the stream breaks, asks again from the last
//                          row it committed.

export interface ScopeState {
  scope: ScopeName;
  /** Per table, the checksum of the live rows of this scope. */
  tables: ScopeChecksums;
}

export interface ScopesResponse {
  scopes: ScopeState[];
  /** The server's latest seq when the checksums were read: a snapshot started now goes up to it. */
  upTo: number;
  /** Rows of these scopes newer than the cursor the desktop sent exist: pull before comparing. */
  behind: boolean;
  serverTime: string;
}

export const scopesQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0).default(0),
    schemaVersion: z.coerce.number().int().min(1),
  })
  .strict();

export const SNAPSHOT_MAX_ROWS = 100_000;

export const snapshotQuerySchema = z
  .object({
    scope: z.string().min(3).max(200),
    upTo: z.coerce.number().int().min(0),
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(SNAPSHOT_MAX_ROWS).default(20_000),
    schemaVersion: z.coerce.number().int().min(1),
  })
  .strict();

/** One row of a snapshot stream: table, id, seq and the row's current fields. */
export interface SnapshotRowLine {
  t: string;
  i: string;
  s: number;
  /** Present on a tombstone (a row really deleted): the desktop removes the row if it has it. */
  x?: 1;
  d: Record<string, unknown>;
}

/** The last line of a complete snapshot response; a stream without it was cut off. */
export interface SnapshotEndLine {
  end: true;
  /** The seq of the last row sent (or `after` when none was): the next request starts after it. */
  after: number;
  /** Whether this response stopped at its limit with rows still to come. */
  more: boolean;
}

export type SnapshotLine = SnapshotRowLine | SnapshotEndLine;
