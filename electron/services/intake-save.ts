import type { CaseFile, ConsentGroup } from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { loadCaseFile, writeAssessment, type SaveAssessmentInput } from './casework.ts';
import { writeConsent } from './consent-record.ts';
import type { ServiceContext } from './context.ts';

// The intake form's save (issue 15: saving an intake took three calls one after the other, 432 ms in the
// UI). The consent given at the counter and the assessment are one decision of the counselor: one call,
// one transaction (an assessment refused, say an override to the same track, leaves the consent as it
// was), and the case file built once for the answer instead of once per step.

export async function saveIntake(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { consent: Partial<Record<ConsentGroup, boolean>>; assessment: SaveAssessmentInput },
): Promise<CaseFile> {
  await ctx.db.transaction().execute(async (trx) => {
    // Both writers see the transaction as their database and join it (inTransaction, writeConsent).
    const inTrx: ServiceContext = { ...ctx, db: trx };
    await writeConsent(inTrx, actor, {
      jobseekerId: input.assessment.jobseekerId,
      channel: 'counter',
      granted: input.consent,
    });
    await writeAssessment(inTrx, actor, input.assessment);
  });
  return loadCaseFile(ctx, input.assessment.jobseekerId);
}
