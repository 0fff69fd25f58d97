import { z } from 'zod';
import {
  cancelTransferSchema,
  closeCaseSchema,
  closeCasesSchema,
  decideTransferSchema,
  reopenCaseSchema,
  requestTransferSchema,
  type CloseManyResult,
  type StatusEvent,
  type TransferInbox,
  type TransferView,
} from '../casework/lifecycle.ts';
import type { Jobseeker } from '../domain/jobseeker.ts';
import { channel } from './channel.ts';

// Channels of a case's life (issue 16 items 3–4): close, reopen, the status history, and transfers
// between centers (이관) with their inbox.

const CASE_ROLES = ['counselor', 'supervisor'] as const;
const caseId = z.object({ jobseekerId: z.string().uuid('validation.id') }).strict();

export const lifecycleChannels = {
  'lifecycle:close': channel<Jobseeker>()({ surface: 'desk', access: CASE_ROLES, input: closeCaseSchema }),
  /** Bulk close for supervisors (the list's selection): each case its own change, one transaction. */
  'lifecycle:closeMany': channel<CloseManyResult>()({
    surface: 'desk',
    access: ['supervisor'],
    input: closeCasesSchema,
  }),
  'lifecycle:reopen': channel<Jobseeker>()({ surface: 'desk', access: CASE_ROLES, input: reopenCaseSchema }),
  'lifecycle:history': channel<{ events: StatusEvent[]; transfers: TransferView[] }>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: caseId,
  }),
  'lifecycle:requestTransfer': channel<TransferView>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: requestTransferSchema,
  }),
  'lifecycle:decideTransfer': channel<TransferView>()({
    surface: 'desk',
    access: ['supervisor'],
    input: decideTransferSchema,
  }),
  'lifecycle:cancelTransfer': channel<TransferView>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: cancelTransferSchema,
  }),
  'lifecycle:transferInbox': channel<TransferInbox>()({
    surface: 'desk',
    access: CASE_ROLES,
    input: z.object({}).strict(),
  }),
  'lifecycle:transferChoices': channel<{
    centers: Array<{ code: string; name: string }>;
    assignees: Array<{ id: string; name: string }>;
  }>()({ surface: 'desk', access: CASE_ROLES, input: z.object({}).strict() }),
};
