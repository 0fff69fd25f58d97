import { z } from 'zod';

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
    hlc: z.string().regex(/^\d{15}:\d{5}:.+$/),
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

export interface ReviewItem {
  id: string;
  table: string;
  rowId: string;
  field: string;
  keptValue: unknown;
  keptAuthor: string;
  heldValue: unknown;
  heldAuthor: string;
  createdAt: string;
  status: 'open' | 'resolved';
}
