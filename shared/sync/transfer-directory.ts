import { z } from 'zod';
import { TRANSFER_STATUSES } from '../casework/lifecycle.ts';

// What a desktop learns about transfers besides its rows (issue 16 item 4), after each sync
// (server/sync/transfer-routes.ts): every center the server knows (the receiving center is picked from
// it, offline from the last list) and, for a supervisor, the requests sent FROM its center. A request is
// scoped to the receiving center and its requester (shared/sync/tables.ts), so the sending center's other
// supervisors never hold its row: they see it here, and withdraw it through the server.

export const TRANSFER_DIRECTORY_PATH = '/v1/sync/transfer-directory';
export const transferWithdrawPath = (id: string) => `/v1/sync/transfers/${encodeURIComponent(id)}/withdraw`;

export const directoryCenterSchema = z.object({ code: z.string(), name: z.string() });
export type DirectoryCenter = z.infer<typeof directoryCenterSchema>;

/** A request as the sending center's supervisors see it: the columns of its case_transfers row. */
export const outgoingTransferSchema = z.object({
  id: z.string(),
  seq: z.number(),
  jobseeker_id: z.string(),
  jobseeker_name: z.string(),
  birth_year: z.number(),
  from_center: z.string(),
  from_center_name: z.string(),
  requested_by_name: z.string(),
  to_center: z.string(),
  reason: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  requested_by: z.string(),
  requested_at: z.string(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  decision_reason: z.string().nullable(),
  assigned_to: z.string().nullable(),
});
export type OutgoingTransfer = z.infer<typeof outgoingTransferSchema>;

export const transferDirectorySchema = z.object({
  centers: z.array(directoryCenterSchema),
  outgoing: z.array(outgoingTransferSchema),
  serverTime: z.string(),
});
export type TransferDirectory = z.infer<typeof transferDirectorySchema>;

export const transferWithdrawSchema = z.object({ status: z.enum(TRANSFER_STATUSES), seq: z.number() });
export type TransferWithdrawAnswer = z.infer<typeof transferWithdrawSchema>;

/** Requests still asked, and answered ones this recent (days), are listed. */
export const OUTGOING_RECENT_DAYS = 90;

/**
 * Pseudo-table of the outbox: a sending center's supervisor withdraws a request they do not hold as a
 * row by queuing this, like any write (offline too); the server applies it when it is pushed, with the
 * rules of the withdraw route (server/sync/transfer-withdraw.ts). One insert per withdrawal, its own id.
 */
export const TRANSFER_WITHDRAW_TABLE = 'transfer_withdrawals';
export const transferWithdrawFieldsSchema = z.object({ transfer_id: z.string().min(1).max(64) }).strict();
