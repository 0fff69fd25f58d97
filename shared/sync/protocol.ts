import { z } from 'zod';
import { HLC_PATTERN, MAX_HLC_LENGTH } from './hlc.ts';

// The sync protocol's messages (sync.md). Validated on the server (trust no client) and typed for the
// desktop client.

export const MAX_PUSH_BATCH = 500;

const fieldValue = z.union([z.string().max(20_000), z.number(), z.boolean(), z.null()]);

export const mutationSchema = z
  .object({
    clientSeq: z.number().int().min(1),
    table: z.string().min(1).max(64),
    // UUIDv7 for records; a center's code for its settings row.
    rowId: z.string().min(1).max(64),
    op: z.enum(['insert', 'update']),
    fields: z.record(z.string().min(1).max(64), fieldValue),
    // Bounded (node id length, wall digits): shared/sync/hlc.ts.
    hlc: z.string().max(MAX_HLC_LENGTH).regex(HLC_PATTERN),
    baseSeq: z.number().int().min(0),
  })
  .strict();
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z
  .object({
    schemaVersion: z.number().int().min(1),
    // Each mutation is checked on its own: one malformed change is refused without failing the batch.
    mutations: z.array(z.unknown()).max(MAX_PUSH_BATCH),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type MutationStatus = 'applied' | 'duplicate' | 'refused' | 'review';

export interface MutationResult {
  clientSeq: number;
  status: MutationStatus;
  /** The row's server sequence after the mutation (applied, duplicate, review). */
  seq?: number;
  /** Why it was refused, in words the counselor can act on. */
  reason?: string;
  /** Fields held in review items instead of being applied. */
  reviewFields?: string[];
  /**
   * The row as the server now has it, whenever it exists: where a field lost to a later write, went
   * to review, or the mutation was refused, the desktop takes the server's values (its own stay in the
   * outbox and the server's history), so no desktop keeps a value nobody else sees.
   */
  row?: { seq: number; data: Record<string, unknown> };
}

export interface PushResponse {
  results: MutationResult[];
  serverTime: string;
}

export interface PulledRow {
  table: string;
  id: string;
  seq: number;
  data: Record<string, unknown>;
  /** A tombstone: the row was really deleted on the server (its data hold no personal data); remove it. */
  deleted?: true;
}

export interface DirectoryUser {
  id: string;
  loginId: string;
  displayName: string;
  role: 'counselor' | 'supervisor' | 'admin';
  centerCode: string;
}

export interface PullResponse {
  rows: PulledRow[];
  /** The caller's center and its accounts (no credentials), so authors and counselors resolve locally. */
  center: { code: string; name: string; sido: string; sigungu: string | null } | null;
  users: DirectoryUser[];
  /** The highest seq included; the next pull asks for rows after it. */
  cursor: number;
  hasMore: boolean;
  serverTime: string;
}

export const pullQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    schemaVersion: z.coerce.number().int().min(1),
  })
  .strict();

// ---- Review items and the rest of a record's life (sync.md § Conflicts, § Scopes) ----

/**
 * Why a person must look: a decisive conflict; an edit made before the case left the author's scopes
 * (held for the new owner); an edit to a really deleted record; an impossible derived result (hired and
 * cancelled; more hires than positions); a refused change a counselor handed to a supervisor.
 */
export const REVIEW_KINDS = ['conflict', 'scope-exit', 'deleted', 'derived', 'refused'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** kept: the value the server has stays; held: the held value is applied; acknowledged: seen, handled. */
export const REVIEW_CHOICES = ['kept', 'held', 'acknowledged'] as const;
export type ReviewChoice = (typeof REVIEW_CHOICES)[number];

/** The choices each kind offers (the server refuses any other). */
export const CHOICES_BY_KIND: Readonly<Record<ReviewKind, readonly ReviewChoice[]>> = {
  conflict: ['kept', 'held'],
  'scope-exit': ['kept', 'held'],
  // Keeping the record deleted; `held` only once a restore brought the record back.
  deleted: ['kept', 'held'],
  derived: ['acknowledged'],
  refused: ['kept', 'held'],
};

/** The field of an item about a whole record (an insert held back), not one field of it. */
export const WHOLE_RECORD = '(record)';
/** The field of a handed-over refused update: the held value is the whole change. */
export const WHOLE_CHANGE = '(change)';

/**
 * Pseudo-tables of the outbox: a resolution and a refused change handed to a supervisor travel as
 * ordinary queued writes (so they work offline and are idempotent per device), to these names.
 */
export const RESOLUTION_TABLE = 'review_resolutions';
export const HANDOVER_TABLE = 'review_requests';

export const resolutionFieldsSchema = z
  .object({ review_id: z.string().min(1).max(64), choice: z.enum(REVIEW_CHOICES) })
  .strict();

export const handoverFieldsSchema = z
  .object({
    client_seq: z.number().int().min(1),
    table: z.string().min(1).max(64),
    row_id: z.string().min(1).max(64),
    op: z.enum(['insert', 'update']),
    /** The refused change's fields, as JSON text. */
    fields: z.string().max(20_000),
    reason: z.string().max(2_000),
  })
  .strict();

export interface ReviewItem {
  id: string;
  kind: ReviewKind;
  table: string;
  rowId: string;
  /** The jobseeker the item is about, when there is one: the case page shows it. */
  caseId: string | null;
  field: string;
  keptValue: unknown;
  keptAuthor: string;
  keptAuthorName: string | null;
  keptAt: string | null;
  heldValue: unknown;
  heldAuthor: string;
  heldAuthorName: string | null;
  heldAt: string | null;
  /** Names for values that are account ids (an assigned counselor), so both values read as people. */
  valueLabels: Record<string, string>;
  detail: Record<string, unknown> | null;
  createdAt: string;
  status: 'open' | 'resolved';
  choices: readonly ReviewChoice[];
}

export interface ReviewsResponse {
  items: ReviewItem[];
  serverTime: string;
}

export interface ExitsResponse {
  /** Rows that left the caller's scopes (reassigned to another center's counselor): remove them. */
  exits: Array<{ table: string; id: string; seq: number }>;
  cursor: number;
  hasMore: boolean;
  serverTime: string;
}

export const exitsQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .strict();
