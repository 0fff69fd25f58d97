import type { Generated } from 'kysely';
import type { Bool } from './base.ts';

// The desktop's own sync bookkeeping (never synced itself): the outbox of changes to push, the pull
// cursors (0001), review items as last pulled, what was done with refused changes, removals waiting for
// unsent edits, the rows sync may remove from append-only tables (0008), and what a newer server sent
// that this version has no column or table for (0009). db/schema.ts lists them in the Database.

type Json = string;

export interface OutboxTable {
  /** The device's own sequence: (device id, client_seq) makes pushes idempotent. */
  client_seq: Generated<number>;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update';
  fields: Json;
  hlc: string;
  base_seq: number;
  created_at: string;
  status: Generated<'pending' | 'sent' | 'refused'>;
  error: string | null;
}

export interface SyncCursorTable {
  scope: string;
  cursor: number;
  updated_at: string;
}

// 0008_sync_lifecycle (issue 5): review items as last pulled, what was done with refused changes,
// removals waiting for unsent edits, and the rows sync may remove from append-only tables.
export interface SyncReviewItemTable {
  id: string;
  kind: string;
  table_name: string;
  row_id: string;
  case_id: string | null;
  /** The server's ReviewItem, JSON. */
  item: string;
  /** A choice made here and queued for the server (kept | held | acknowledged). */
  pending_choice: string | null;
  pending_client_seq: number | null;
  pending_by: string | null;
  pending_at: string | null;
}

export interface SyncRefusedActionTable {
  client_seq: number;
  action: 'resent' | 'handed';
  /** The outbox entry that carries the follow-up (the change sent again, or the hand-over). */
  follow_up_seq: number | null;
  actor_id: string;
  at: string;
}

export interface SyncDeferredRemovalTable {
  table_name: string;
  row_id: string;
  seq: number;
  reason: 'deleted' | 'left-scope';
}

export interface SyncPurgeTable {
  table_name: string;
  row_id: string;
}

export interface SyncLifecycleTables {
  sync_review_items: SyncReviewItemTable;
  sync_refused_actions: SyncRefusedActionTable;
  sync_deferred_removals: SyncDeferredRemovalTable;
  sync_purge: SyncPurgeTable;
}

export interface SyncAsideTable {
  table_name: string;
  row_id: string;
  seq: number;
  data: Json;
  /** 1: the whole row of an unknown table; 0: the unknown fields of a known table's row. */
  whole: Bool;
}

export interface SyncLocalTables extends SyncLifecycleTables {
  outbox: OutboxTable;
  sync_cursors: SyncCursorTable;
  sync_aside: SyncAsideTable;
}
