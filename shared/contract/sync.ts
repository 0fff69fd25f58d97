import { z } from 'zod';
import { REVIEW_CHOICES, type ReviewChoice, type ReviewItem } from '../sync/protocol.ts';
import { channel } from './channel.ts';

// The sync status the desk shows at all times (sync.md § Model): online or offline, last successful
// sync, pending changes, refused changes with the reason and what to do, and open review items.

export interface RefusedChange {
  clientSeq: number;
  table: string;
  rowId: string;
  reason: string;
  createdAt: string;
  /** What the change was: a new record, or these fields of an existing one. */
  op: 'insert' | 'update';
  fields: string[];
  /** The case it belongs to, when there is one and it is on this desktop (the counselor can open it). */
  caseId: string | null;
  /** A readable name for the record (the jobseeker's name, the opening's title), when known here. */
  recordLabel: string | null;
}

export interface SyncStatus {
  /** False on a desktop with no server: it works offline only. */
  configured: boolean;
  online: boolean;
  running: boolean;
  lastSuccess: string | null;
  lastError: string | null;
  /**
   * What the last failure was, when it has a name the desk shows: `disk-full` and `store-io-error` (this
   * computer's disk), `database-unavailable` (the server's database), or the server's refusal code.
   */
  lastErrorCode: string | null;
  nextAttempt: string | null;
  pending: number;
  refused: RefusedChange[];
  openReviews: number;
  /** The server revoked this device: nothing more is sent; the outbox stays here and can be exported. */
  revoked: boolean;
  /** Changes not on the server (pending and refused): what an export for a supervisor would hold. */
  unsent: number;
  /**
   * Scopes (`center:<code>`, `owner:<id>`, `region:<시도>`) whose copy here still differed from the
   * server's checksum after being downloaded again (sync.md § First download and checks).
   */
  mismatchedScopes: string[];
  /** Server time minus this PC's time, as last learnt (sync.md § Clocks); new HLCs are corrected by it. */
  clockOffsetMs: number;
  /**
   * Rows received from the server since the app started. When it grows, the desk reloads what it shows
   * (renderer/src/data/freshness.ts), as after a write made here.
   */
  received: number;
}

/** A review item as the desk shows it (sync.md § Conflicts): the server's item plus what this desk knows. */
export interface ReviewView extends ReviewItem {
  /** The jobseeker's name, the opening's title …, when the record is on this desktop. */
  recordLabel: string | null;
  /** Whether the signed-in person may decide it (a supervisor, or a counselor it concerns). */
  mayResolve: boolean;
  /** A choice made on this desktop that the server does not have yet (queued like any write). */
  pendingChoice: ReviewChoice | null;
  pendingAt: string | null;
}

export interface OutboxExport {
  fileName: string;
  mimeType: string;
  base64: string;
  entries: number;
}

const reviewId = z.string().min(1, 'validation.required').max(64);

const ALL_ROLES = ['counselor', 'supervisor', 'admin'] as const;

export const syncChannels = {
  'sync:status': channel<SyncStatus>()({
    surface: 'desk',
    access: ALL_ROLES,
    background: true,
    input: z.object({}).strict(),
  }),
  'sync:now': channel<SyncStatus>()({ surface: 'desk', access: ALL_ROLES, input: z.object({}).strict() }),
  // Review items hold case data: counselors and supervisors only (admins never see cases).
  'sync:reviews': channel<ReviewView[]>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: z.object({ caseId: z.string().uuid().optional() }).strict(),
  }),
  'sync:resolveReview': channel<ReviewView>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: z.object({ id: reviewId, choice: z.enum(REVIEW_CHOICES) }).strict(),
  }),
  /** A refused change sent again as a new change (after the cause was fixed). */
  'sync:resendRefused': channel<SyncStatus>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: z.object({ clientSeq: z.number().int().min(1) }).strict(),
  }),
  /** A refused change handed to a supervisor: it becomes a review item of the center. */
  'sync:handRefused': channel<SyncStatus>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: z.object({ clientSeq: z.number().int().min(1) }).strict(),
  }),
  /** The unsent changes (pending and refused) as a file for a supervisor; audited with its purpose. */
  'sync:exportOutbox': channel<OutboxExport>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: z.object({ purpose: z.string().trim().min(2, 'validation.required').max(200) }).strict(),
  }),
};
