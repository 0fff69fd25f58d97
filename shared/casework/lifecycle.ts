import { z } from 'zod';

// A case's life after registration (issue 16 items 3 and 4): closing it with a reason, reopening it, and
// handing it to another center (이관). The words are the reason codes counselors already use on paper.

/** Why a case is closed (종결 사유). `no-contact` names how many months without contact. */
export const CLOSE_REASONS = [
  'employed',
  'self-employed',
  'no-contact',
  'own-request',
  'moved-center',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Why a closed or placed case is opened again (재개 사유). */
export const REOPEN_REASONS = ['lost-job', 'new-request', 'closed-by-mistake', 'other'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

export const STATUS_EVENT_KINDS = ['closed', 'reopened'] as const;
export type StatusEventKind = (typeof STATUS_EVENT_KINDS)[number];

/** Every reason code a status event may carry (close and reopen reasons never share a word). */
export const STATUS_REASONS = [...CLOSE_REASONS, ...REOPEN_REASONS] as const;

/** A transfer request's life: asked, then accepted or declined by the receiving center, or withdrawn. */
export const TRANSFER_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

const id = z.string().uuid('validation.id');
const reasonText = z.string().trim().max(1_000, 'validation.tooLong');

/** Closing one case: a reason code, the months without contact when that is the reason, and a note. */
export const closeCaseSchema = z
  .object({
    jobseekerId: id,
    reason: z.enum(CLOSE_REASONS, 'lifecycle.validation.reason'),
    noContactMonths: z
      .number()
      .int('validation.number')
      .min(1, 'lifecycle.validation.months')
      .max(60, 'lifecycle.validation.months')
      .nullable()
      .default(null),
    text: reasonText.default(''),
  })
  .strict()
  .refine((v) => v.reason !== 'no-contact' || v.noContactMonths !== null, {
    message: 'lifecycle.validation.months',
    path: ['noContactMonths'],
  })
  .refine((v) => v.reason !== 'other' || v.text.length > 0, {
    message: 'lifecycle.validation.otherText',
    path: ['text'],
  });

/** Closing many cases with the same reason (the supervisors' bulk action). */
export const closeCasesSchema = z
  .object({
    jobseekerIds: z.array(id).min(1, 'validation.required').max(1_000, 'lifecycle.validation.tooMany'),
    reason: z.enum(CLOSE_REASONS, 'lifecycle.validation.reason'),
    noContactMonths: z
      .number()
      .int('validation.number')
      .min(1, 'lifecycle.validation.months')
      .max(60, 'lifecycle.validation.months')
      .nullable()
      .default(null),
    text: reasonText.default(''),
  })
  .strict();

export const reopenCaseSchema = z
  .object({
    jobseekerId: id,
    reason: z.enum(REOPEN_REASONS, 'lifecycle.validation.reason'),
    text: reasonText.default(''),
  })
  .strict()
  .refine((v) => v.reason !== 'other' || v.text.length > 0, {
    message: 'lifecycle.validation.otherText',
    path: ['text'],
  });

export const requestTransferSchema = z
  .object({
    jobseekerId: id,
    toCenter: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,15}$/, 'lifecycle.validation.center'),
    reason: z.string().trim().min(1, 'validation.required').max(1_000, 'validation.tooLong'),
  })
  .strict();

export const decideTransferSchema = z.discriminatedUnion('decision', [
  z
    .object({ transferId: id, decision: z.literal('accepted'), assignTo: id.nullable().default(null) })
    .strict(),
  z
    .object({
      transferId: id,
      decision: z.literal('declined'),
      reason: z.string().trim().min(1, 'validation.required').max(1_000, 'validation.tooLong'),
    })
    .strict(),
]);

export const cancelTransferSchema = z.object({ transferId: id }).strict();

export interface StatusEvent {
  id: string;
  kind: StatusEventKind;
  fromStatus: string;
  toStatus: string;
  reason: string;
  noContactMonths: number | null;
  text: string | null;
  recordedBy: string;
  recordedByName: string | null;
  recordedAt: string;
}

export interface TransferView {
  id: string;
  jobseekerId: string;
  /** Shown to the receiving center before it holds the case: the name and birth year only. */
  jobseekerName: string;
  birthYear: number;
  fromCenter: string;
  fromCenterName: string | null;
  toCenter: string;
  toCenterName: string | null;
  reason: string;
  status: TransferStatus;
  requestedBy: string;
  requestedByName: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  assignedTo: string | null;
  /** This user may accept or decline it (a supervisor of the receiving center, while it is asked). */
  mayDecide: boolean;
  /** This user may withdraw it (its requester or a supervisor of the sending center, while it is asked). */
  mayCancel: boolean;
  /**
   * A sending center supervisor's withdrawal queued on this desktop: waiting for the next sync, or
   * refused by the server (the request was answered first, withdrawalRefusal says how). Absent: none.
   */
  withdrawal?: 'queued' | 'refused' | null;
  withdrawalRefusal?: string | null;
}

export interface TransferInbox {
  incoming: TransferView[];
  outgoing: TransferView[];
  /** When the server last listed the sending center's requests (a supervisor's), or null. */
  outgoingAsOf?: string | null;
}

export interface CloseManyResult {
  closed: string[];
  /** Cases not closed and why (already closed, not found or not this person's to close). */
  skipped: Array<{ id: string; why: 'already-closed' | 'not-found' | 'forbidden' }>;
}
