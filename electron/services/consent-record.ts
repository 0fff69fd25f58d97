import type { Transaction } from 'kysely';
import type { Database, JobseekerRow } from '../../db/schema.ts';
import { CONSENT_FIELDS } from '../../shared/casework/consent.ts';
import { CONSENT_NOTICE_VERSION, type CaseFile, type ConsentGroup } from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { accessibleJobseeker } from './case-access.ts';
import { loadCaseFile } from './casework.ts';
import { consentOf } from './consent.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { auditAction, insertSynced, updateSynced } from './synced-writes.ts';

// Recording consent (domain.md §10): one history entry per group and change (notice version, channel,
// counselor, time), and the consent in force on the jobseeker as a decisive field, in one transaction.
// Two different decisions made apart on two desktops become a review item on the server instead of the
// later one silently winning (sync.md). The required group decides whether the case is served at all:
// declining or withdrawing it closes the case (its data are kept only as the law requires); giving it
// again reopens a closed case.

export async function recordConsent(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    jobseekerId: string;
    channel: 'counter' | 'kiosk';
    granted: Partial<Record<ConsentGroup, boolean>>;
  },
): Promise<CaseFile> {
  const changed = await writeConsent(ctx, actor, input);
  if (!changed)
    await auditAction(ctx.db, ctx, actor, {
      action: 'jobseeker.read',
      subjectType: 'jobseeker',
      subjectId: input.jobseekerId,
      personId: input.jobseekerId,
    });
  return loadCaseFile(ctx, input.jobseekerId);
}

/**
 * The consent changes alone, in their own transaction or in the caller's (saveIntake); false when the
 * consent in force already reads as asked and nothing was written.
 */
export async function writeConsent(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: {
    jobseekerId: string;
    channel: 'counter' | 'kiosk';
    granted: Partial<Record<ConsentGroup, boolean>>;
  },
): Promise<boolean> {
  const jobseeker = await accessibleJobseeker(ctx.db, actor, input.jobseekerId);
  const inForce = await consentOf(ctx.db, jobseeker);
  const changes = (Object.entries(input.granted) as Array<[ConsentGroup, boolean]>).filter(
    ([group, granted]) => inForce[group] !== granted,
  );
  if (changes.length === 0) return false;
  const now = isoNow(ctx);
  const write = async (trx: Transaction<Database>) => {
    const wanted: Partial<Record<keyof JobseekerRow, unknown>> = {};
    for (const [group, granted] of changes) {
      const id = await insertSynced(trx, ctx, 'consent_records', {
        jobseeker_id: jobseeker.id,
        item_group: group,
        granted: granted ? 1 : 0,
        notice_version: CONSENT_NOTICE_VERSION,
        channel: input.channel,
        recorded_by: actor.userId,
        recorded_at: now,
      });
      wanted[CONSENT_FIELDS[group]] = granted ? 1 : 0;
      await auditAction(trx, ctx, actor, {
        action: inForce[group] === true && !granted ? 'consent.withdraw' : 'consent.record',
        subjectType: 'consent',
        subjectId: id,
        personId: jobseeker.id,
        detail: { group, granted },
      });
    }
    const required = input.granted.required;
    let statusAction: string | null = null;
    if (required === false && inForce.required !== false && jobseeker.status !== 'closed') {
      wanted.status = 'closed';
      statusAction = 'jobseeker.close';
    } else if (required === true && inForce.required !== true && jobseeker.status === 'closed') {
      wanted.status = 'active';
      statusAction = 'jobseeker.reopen';
    }
    // On the version the counselor saw: a concurrent different decision elsewhere becomes a review item.
    await updateSynced(
      trx,
      ctx,
      'jobseekers',
      jobseeker.id,
      { ...wanted, updated_at: now },
      Number(jobseeker.seq),
    );
    if (statusAction)
      await auditAction(trx, ctx, actor, {
        action: statusAction,
        subjectType: 'jobseeker',
        subjectId: jobseeker.id,
        personId: jobseeker.id,
        detail: { reason: statusAction === 'jobseeker.close' ? 'consent-withdrawn' : 'consent-given' },
      });
  };
  if (ctx.db.isTransaction) await write(ctx.db as Transaction<Database>);
  else await ctx.db.transaction().execute(write);
  return true;
}
