import { findAttachment, presentBlobs, referralAttachmentIds } from '../../../db/repositories/attachments.ts';
import { findReferrals } from '../../../db/repositories/referrals.ts';
import type { AttachmentView } from '../../../shared/attachments/types.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { caseScope } from '../case-access.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced } from '../synced-writes.ts';
import { toView } from './files.ts';

// The files that go with a referral (the 알선장 package, issue 18 items 1 and 3): chosen from the case's
// own attachments, recorded on the referral (append-only, synced), listed for the letter.

async function referralCase(ctx: ServiceContext, actor: SessionInfo, referralId: string): Promise<string> {
  const row = (await findReferrals(ctx.db, { by: 'id', id: referralId, scope: caseScope(actor) }))[0];
  if (!row) throw new AppFailure({ code: 'not-found', message: 'referrals.notFound' });
  return row.jobseeker_id;
}

export async function referralAttachments(
  ctx: ServiceContext,
  actor: SessionInfo,
  referralId: string,
): Promise<AttachmentView[]> {
  await referralCase(ctx, actor, referralId);
  const rows = [];
  for (const id of await referralAttachmentIds(ctx.db, referralId)) {
    const row = await findAttachment(ctx.db, id);
    if (row) rows.push(row);
  }
  const present = await presentBlobs(ctx.db, [...new Set(rows.map((r) => r.sha256))]);
  return rows.map((r) => toView(r, present));
}

/** Adds the chosen files to the referral (those already on it stay, once). */
export async function chooseReferralAttachments(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { referralId: string; attachmentIds: string[] },
): Promise<AttachmentView[]> {
  const jobseekerId = await referralCase(ctx, actor, input.referralId);
  const already = new Set(await referralAttachmentIds(ctx.db, input.referralId));
  const wanted = [...new Set(input.attachmentIds)].filter((id) => !already.has(id));
  for (const id of wanted) {
    const row = await findAttachment(ctx.db, id);
    // Only the case's own files, and not removed ones, go with its referral.
    if (!row || row.table !== 'attachments' || !('jobseeker_id' in row) || row.jobseeker_id !== jobseekerId)
      throw new AppFailure({
        code: 'validation',
        message: 'attachments.error.notThisCase',
        field: 'attachmentIds',
      });
    if (row.removed === 1)
      throw new AppFailure({
        code: 'conflict',
        message: 'attachments.error.removed',
        field: 'attachmentIds',
      });
  }
  if (wanted.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const attachmentId of wanted) {
        await insertSynced(trx, ctx, 'referral_attachments', {
          referral_id: input.referralId,
          attachment_id: attachmentId,
          added_by: actor.userId,
          added_at: isoNow(ctx),
        });
      }
      await auditAction(trx, ctx, actor, {
        action: 'referral.attachments',
        subjectType: 'referral',
        subjectId: input.referralId,
        personId: jobseekerId,
        detail: { attachmentIds: wanted },
      });
    });
  }
  return referralAttachments(ctx, actor, input.referralId);
}
