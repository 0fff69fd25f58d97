import type { Generated } from 'kysely';
import type { ReviewKind } from '../../shared/sync/protocol.ts';

// The central server's tables (Kysely types). Records synced from desktops arrive with the sync
// protocol; these are the tables the server needs for itself: centers, accounts, devices, tokens.

type Bool = number;

export interface ServerMetaTable {
  key: string;
  value: string;
}

export interface ServerCenterTable {
  code: string;
  name: string;
  sido: string;
  sigungu: string | null;
  created_at: string;
}

export interface ServerUserTable {
  id: string;
  login_id: string;
  display_name: string;
  role: 'counselor' | 'supervisor' | 'admin';
  center_code: string;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  active: Generated<Bool>;
  created_at: string;
  updated_at: string;
  /** 0005: bumped by a password reset or deactivation; access tokens of an older epoch are refused. */
  session_epoch: Generated<number>;
}

export interface DeviceTable {
  id: string;
  user_id: string;
  name: string;
  registered_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

/** A device's half of its store-key escrow (migration 0009, server/README.md § Shared PCs). */
export interface DeviceEscrowTable {
  device_id: string;
  center_code: string;
  public_key: string;
  secret: string;
  enrolled_by: string;
  enrolled_at: string;
  last_released_at: string | null;
  releases: Generated<number>;
}

export interface RefreshTokenTable {
  /** SHA-256 of the token: a stolen database does not hand out sessions. */
  token_hash: string;
  user_id: string;
  device_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** 0005: the sign-in this token descends from (null only for tokens older than 0005, all revoked). */
  family_id: string | null;
  /** 0005: when a refresh consumed it; a second use is a replay and revokes the family. */
  used_at: string | null;
}

/** 0005: one sign-in of one account on one device, and every refresh token rotated from it. */
export interface TokenFamilyTable {
  id: string;
  user_id: string;
  device_id: string;
  created_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export type AccountAction =
  'unlock' | 'reset-password' | 'deactivate' | 'reactivate' | 'role' | 'refresh-reuse';

/** 0005: changes to accounts made on the server (by the server command or over HTTP); no passwords. */
export interface AccountAuditTable {
  id: string;
  at: string;
  /** The account that acted; null for the server command line. */
  actor_id: string | null;
  /** The actor's login id, or `server command`. */
  actor_label: string;
  device_id: string | null;
  action: AccountAction;
  target_id: string;
  center_code: string;
  /** JSON: what changed besides the action (a role's from/to). */
  detail: string | null;
}

export interface SyncRowTable {
  table_name: string;
  row_id: string;
  seq: number;
  scope_center: string | null;
  scope_owner: string | null;
  scope_region: string | null;
  /** `table:id` of the row whose scope this one inherits (children follow a reassigned case). */
  parent_key: string | null;
  /** The row's current fields, JSON. */
  data: string;
  /** Per field: { hlc, seq, author } of the write that set it, JSON. */
  field_meta: string;
  updated_at: string;
  /** 0004: set on a tombstone (a really deleted row: key, scope and seq only, no personal data). */
  deleted_at: string | null;
}

export interface PushResultTable {
  device_id: string;
  client_seq: number;
  status: 'applied' | 'duplicate' | 'refused' | 'review';
  seq: number | null;
  reason: string | null;
  review_fields: string | null;
  author_id: string;
  committed_at: string;
  /** 0006: SHA-256 of the change answered (null on results stored before). */
  payload_hash: string | null;
}

export interface ReviewItemTable {
  id: string;
  table_name: string;
  row_id: string;
  field: string;
  kept_value: string | null;
  kept_author: string;
  held_value: string | null;
  held_author: string;
  scope_center: string | null;
  status: Generated<'open' | 'resolved'>;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
  // 0004_review_lifecycle
  kind: Generated<ReviewKind>;
  /** The jobseeker the item is about, when there is one (the case page shows it). */
  case_id: string | null;
  scope_owner: string | null;
  scope_region: string | null;
  /** When each value was written (from its HLC). */
  kept_at: string | null;
  held_at: string | null;
  /** JSON: what a derived or handed-over item needs besides the two values. */
  detail: string | null;
  resolution: 'kept' | 'held' | 'acknowledged' | 'erased' | null;
  /** The seq of the write the resolution made, when it made one. */
  resolved_seq: number | null;
}

export type { ReviewKind };

/** A case merged into another (migration 0010, server/sync/merge.ts). */
export interface CaseMergeTable {
  id: string;
  center_code: string;
  survivor_id: string;
  merged_id: string;
  actor: string;
  device_id: string;
  seq: number;
  moved: number;
  at: string;
}

export interface RecordDeletionTable {
  id: string;
  action: 'delete' | 'restore';
  table_name: string;
  row_id: string;
  seq: number;
  reason: string;
  actor: string;
  at: string;
}

export interface ScopeExitTable {
  table_name: string;
  row_id: string;
  /** The row's seq when it left (its new seq). */
  seq: number;
  old_center: string | null;
  old_owner: string | null;
  old_region: string | null;
  at: string;
}

export interface OpeningFillTable {
  /** `referrals:<id>` or `placements:<id>`. */
  source_key: string;
  opening_id: string;
}

export interface ValueHistoryTable {
  table_name: string;
  row_id: string;
  field: string;
  value: string | null;
  hlc: string;
  author_id: string;
  superseded_at: string;
}

/** Per scope and table: the sum mod 2^32 of the live rows' hashes and their number (migration 0003). */
export interface ScopeChecksumTable {
  scope: string;
  table_name: string;
  checksum: number;
  row_count: number;
}

// 0007_clock_flags_audit_chain (issue 13): clocks far ahead, and the server's check of audit chains.
export interface DeviceClockFlagTable {
  device_id: string;
  user_id: string;
  center_code: string;
  first_at: string;
  last_at: string;
  times: number;
  max_lead_ms: number;
  last_hlc: string;
}

export interface AuditChainHeadTable {
  device_id: string;
  head_hash: string;
  head_id: string;
  accepted: number;
  updated_at: string;
}

export type AuditAnchorReason = 'purged' | 'refused' | 'first-seen';

export interface AuditAnchorTable {
  id: string;
  device_id: string;
  reason: AuditAnchorReason;
  /** The hash the first entry of the gap linked to. */
  after_hash: string;
  /** The hash of the gap's last entry: what the entry after the gap links to. */
  last_hash: string;
  last_id: string | null;
  last_at: string | null;
  /** Entries in the gap (0 when unknown: entries the server never saw). */
  entries: number;
  created_at: string;
}

/** 0011: attachment bytes by content (server/blobs/). */
export interface BlobChunkTable {
  sha256: string;
  n: number;
  size: number;
  /** Null when the server keeps the bytes in its folder (`--blob-dir`). */
  bytes: Uint8Array | null;
  received_at: string;
}
export interface BlobTable {
  sha256: string;
  size: number;
  mime: string;
  chunk_count: number;
  committed_at: string;
  committed_by: string;
}

export interface ServerDatabase {
  blob_chunks: BlobChunkTable;
  blobs: BlobTable;
  device_clock_flags: DeviceClockFlagTable;
  audit_chain_heads: AuditChainHeadTable;
  audit_anchors: AuditAnchorTable;
  sync_rows: SyncRowTable;
  scope_checksums: ScopeChecksumTable;
  push_results: PushResultTable;
  review_items: ReviewItemTable;
  value_history: ValueHistoryTable;
  record_deletions: RecordDeletionTable;
  case_merges: CaseMergeTable;
  scope_exits: ScopeExitTable;
  opening_fills: OpeningFillTable;
  server_meta: ServerMetaTable;
  centers: ServerCenterTable;
  users: ServerUserTable;
  devices: DeviceTable;
  device_escrow: DeviceEscrowTable;
  refresh_tokens: RefreshTokenTable;
  token_families: TokenFamilyTable;
  account_audit: AccountAuditTable;
}
