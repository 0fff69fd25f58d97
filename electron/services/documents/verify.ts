import {
  allReferralIds,
  certificateForVerification,
  referralForVerification,
} from '../../../db/repositories/signatures.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { VerificationResult } from '../../../shared/documents/kinds.ts';
import { foldReferral } from '../../../shared/referrals/state-machine.ts';
import { maskName } from '../audit-review.ts';
import { normaliseVerificationCode } from '../casework-certificates.ts';
import type { ServiceContext } from '../context.ts';
import { auditAction } from '../synced-writes.ts';
import { referralLetterCode } from './codes.ts';

// Is a printed code genuine (issue 18 item 6)? A competency certificate's code is stored with it; a
// 알선장's is derived from its referral (codes.ts). The answer names the holder masked (김*수), when and
// where it was issued, and whether it still stands: a certificate whose listed items were since
// withdrawn from the record, or a referral that was cancelled, is revoked. Every look-up is audited,
// found or not (someone trying codes shows in the trail).

const NOT_FOUND: VerificationResult = {
  found: false,
  kind: null,
  holder: null,
  issuedAt: null,
  centerName: null,
  revoked: false,
  revokedReason: null,
};

async function lookUp(
  ctx: ServiceContext,
  code: string,
): Promise<{ result: VerificationResult; subjectId: string | null; personId: string | null }> {
  const cert = await certificateForVerification(ctx.db, code);
  if (cert)
    return {
      subjectId: cert.id,
      personId: cert.jobseeker_id,
      result: {
        found: true,
        kind: 'certificate',
        holder: maskName(cert.name),
        issuedAt: cert.issued_at,
        centerName: cert.center_name,
        revoked: cert.itemsWithdrawn,
        revokedReason: cert.itemsWithdrawn ? 'documents.verify.itemsWithdrawn' : null,
      },
    };
  const referralId = (await allReferralIds(ctx.db)).find((id) => referralLetterCode(id) === code);
  const referral = referralId ? await referralForVerification(ctx.db, referralId) : undefined;
  if (!referral) return { result: NOT_FOUND, subjectId: null, personId: null };
  const state = foldReferral(referral.events.map((e) => ({ kind: e.kind, at: e.at, data: {} }))).state;
  const revoked = state === 'cancelled';
  return {
    subjectId: referral.id,
    personId: referral.jobseeker_id,
    result: {
      found: true,
      kind: 'referral',
      holder: maskName(referral.name),
      issuedAt: referral.created_at,
      centerName: referral.center_name,
      revoked,
      revokedReason: revoked ? 'documents.verify.referralCancelled' : null,
    },
  };
}

export async function verifyCode(
  ctx: ServiceContext,
  actor: SessionInfo,
  rawCode: string,
): Promise<VerificationResult> {
  const code = normaliseVerificationCode(rawCode);
  const { result, subjectId, personId } = await lookUp(ctx, code);
  await auditAction(ctx.db, ctx, actor, {
    action: 'document.verify',
    subjectType: result.kind ?? 'verification',
    subjectId,
    personId,
    detail: { found: result.found, revoked: result.revoked },
  });
  return result;
}
