import { decisionsOf } from '../../../db/repositories/programmes.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type { EnrolmentView } from '../../../shared/contract/programmes.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import {
  complianceReasonFits,
  decisionsInForce,
  enrolmentObligationFigures,
  obligationPeriods,
  type ComplianceDecision,
} from '../../../shared/programmes/obligations.ts';
import { enrolmentProgramme } from '../../../shared/programmes/stages.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction, insertSynced } from '../synced-writes.ts';
import { reachable, viewOf } from './access.ts';
import { centerFigures } from './figures.ts';

// A period's compliance decision (met / not met with a reason), recorded by a counselor: what an
// allowance decision rests on; the app records it and pays nothing. The first decision of a period
// stands; changing it is a correction that names it (never a silent second decision).

export async function decidePeriod(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    enrolmentId: string;
    obligation: string;
    period: number;
    decision: ComplianceDecision;
    reasonCode: string | null;
    reasonText: string | null;
    on: string;
    corrects: string | null;
  },
): Promise<EnrolmentView> {
  const { row } = await reachable(ctx, actor, input.enrolmentId);
  const found = enrolmentProgramme(row);
  if (!found) throw new AppFailure({ code: 'conflict', message: 'programmes.stage.unknownEdition' });
  const period = obligationPeriods(
    found.programme,
    row.service_on,
    enrolmentObligationFigures(row.obligation_figures, await centerFigures(ctx, actor.centerCode)),
  ).find((p) => p.obligation === input.obligation && p.period === input.period);
  if (!period)
    throw new AppFailure({ code: 'not-found', message: 'programmes.period.unknown', field: 'period' });
  if (!complianceReasonFits(input.decision, input.reasonCode))
    throw new AppFailure({
      code: 'validation',
      message: 'programmes.period.reasonNeeded',
      field: 'reasonCode',
    });
  if (input.reasonCode === 'other' && !input.reasonText)
    throw new AppFailure({ code: 'validation', message: 'programmes.v.reasonText', field: 'reasonText' });
  if (input.on < period.from)
    throw new AppFailure({ code: 'validation', message: 'programmes.period.tooEarly', field: 'on' });
  const held = decisionsInForce(
    (await decisionsOf(ctx.db, [row.id])).map((d) => ({ ...d, seq: Number(d.seq) })),
  ).get(`${input.obligation}#${input.period}`);
  if (held && input.corrects !== held.decision.id)
    throw new AppFailure({ code: 'conflict', message: 'programmes.period.decided', field: 'period' });
  if (!held && input.corrects !== null)
    throw new AppFailure({
      code: 'conflict',
      message: 'programmes.period.nothingToCorrect',
      field: 'corrects',
    });
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const id = await insertSynced(trx, ctx, 'obligation_decisions', {
      enrolment_id: row.id,
      obligation_code: input.obligation,
      period_no: input.period,
      period_from: period.from,
      period_to: period.to,
      decision: input.decision,
      reason_code: input.reasonCode,
      reason_text: input.reasonText,
      decided_on: input.on,
      counselor_id: actor.userId,
      corrects: input.corrects,
      created_at: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'programme.obligation.decide',
      subjectType: 'obligation_decision',
      subjectId: id,
      personId: row.jobseeker_id,
      detail: { period: input.period, decision: input.decision, reason: input.reasonCode },
    });
  });
  return viewOf(ctx, actor, row.id);
}
