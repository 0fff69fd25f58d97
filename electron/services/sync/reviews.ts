import { uuidv7 } from 'uuidv7';
import { nextHlc } from '../../../db/repositories/outbox.ts';
import { rowInScope } from '../../../db/repositories/case-scope.ts';
import { getJobseekerRow } from '../../../db/repositories/jobseekers.ts';
import {
  appendSyncOutbox,
  getLocalReviewItem,
  listLocalReviewItems,
  markReviewChosen,
  type LocalReviewItem,
} from '../../../db/repositories/sync-lifecycle.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { ReviewView } from '../../../shared/contract/sync.ts';
import {
  RESOLUTION_TABLE,
  REVIEW_CHOICES,
  type ReviewChoice,
  type ReviewItem,
} from '../../../shared/sync/protocol.ts';
import { choicesFor, type Resolver } from '../../../shared/sync/review-rules.ts';
import { caseScope } from '../case-access.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction } from '../synced-writes.ts';

// Review items on the desk (sync.md § Conflicts): the open items of this desktop's scopes as last
// pulled, shown in a list and on the case they belong to, each with both values, both authors, when,
// and the choices. A choice is queued like any write (it works offline) and the server decides it:
// it authorises the person again, applies the chosen value as a normal sequenced write and closes the
// item with who, when and which. Until then the item shows the choice as waiting to be sent.

type Db = Kysely<Database> | Transaction<Database>;

/** A readable name for the record an item (or a refused change) is about, when it is on this desktop. */
export async function recordLabel(
  db: Db,
  table: string,
  rowId: string,
  caseId: string | null,
): Promise<string | null> {
  const jobseekerId = table === 'jobseekers' ? rowId : caseId;
  if (jobseekerId) {
    const j = await db
      .selectFrom('jobseekers')
      .select('name')
      .where('id', '=', jobseekerId)
      .executeTakeFirst();
    if (j) return j.name;
  }
  if (table === 'job_openings') {
    const o = await db.selectFrom('job_openings').select('title').where('id', '=', rowId).executeTakeFirst();
    return o?.title ?? null;
  }
  if (table === 'employers') {
    const e = await db.selectFrom('employers').select('name').where('id', '=', rowId).executeTakeFirst();
    return e?.name ?? null;
  }
  return null;
}

function parseItem(local: LocalReviewItem): ReviewItem {
  return JSON.parse(local.item) as ReviewItem;
}

async function resolver(db: Db, actor: SessionInfo, item: ReviewItem): Promise<Resolver> {
  const j = item.caseId ? await getJobseekerRow(db, item.caseId) : undefined;
  return { role: actor.role, userId: actor.userId, ownsCase: j?.assigned_counselor_id === actor.userId };
}

/** The choices this person may make on the item (the server applies the same rule). */
async function allowedChoices(db: Db, actor: SessionInfo, item: ReviewItem): Promise<ReviewChoice[]> {
  return choicesFor(await resolver(db, actor, item), item, item.choices);
}

/** Counselors see the items of cases they may see (and the ones they wrote); supervisors all of them. */
async function visible(db: Db, actor: SessionInfo, item: ReviewItem): Promise<boolean> {
  if (actor.role === 'supervisor') return true;
  if (actor.userId === item.keptAuthor || actor.userId === item.heldAuthor) return true;
  if (!item.caseId) return item.kind !== 'refused';
  const j = await getJobseekerRow(db, item.caseId);
  // A deleted case is no longer here: the server sent its item because this desktop's scopes held it.
  if (!j) return item.kind === 'deleted';
  return rowInScope(j, caseScope(actor));
}

async function toView(db: Db, actor: SessionInfo, local: LocalReviewItem): Promise<ReviewView> {
  const item = parseItem(local);
  const pending = (REVIEW_CHOICES as readonly string[]).includes(local.pending_choice ?? '')
    ? (local.pending_choice as ReviewChoice)
    : null;
  const choices = await allowedChoices(db, actor, item);
  return {
    ...item,
    choices,
    recordLabel: await recordLabel(db, item.table, item.rowId, item.caseId),
    mayResolve: pending === null && choices.length > 0,
    pendingChoice: pending,
    pendingAt: local.pending_at,
  };
}

export async function listReviews(
  ctx: ServiceContext,
  actor: SessionInfo,
  caseId?: string,
): Promise<ReviewView[]> {
  caseScope(actor);
  const out: ReviewView[] = [];
  for (const local of await listLocalReviewItems(ctx.db, caseId)) {
    const item = parseItem(local);
    if (await visible(ctx.db, actor, item)) out.push(await toView(ctx.db, actor, local));
  }
  out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  // The list shows values of several cases: one audit entry naming them (ids only). A case page's own
  // read is audited when the case is opened.
  if (caseId === undefined && out.length > 0) {
    await auditAction(ctx.db, ctx, actor, {
      action: 'sync.reviews.read',
      subjectType: 'review_item',
      subjectId: null,
      detail: {
        items: out.length,
        cases: [...new Set(out.flatMap((i) => (i.caseId ? [i.caseId] : [])))].slice(0, 50),
      },
    });
  }
  return out;
}

export async function resolveReview(
  ctx: ServiceContext,
  actor: SessionInfo,
  id: string,
  choice: ReviewChoice,
): Promise<ReviewView> {
  caseScope(actor);
  const local = await getLocalReviewItem(ctx.db, id);
  const item = local ? parseItem(local) : null;
  if (!local || !item || !(await visible(ctx.db, actor, item)))
    throw new AppFailure({ code: 'not-found', message: 'reviews.notFound' });
  if (local.pending_choice !== null)
    throw new AppFailure({ code: 'conflict', message: 'reviews.alreadyChosen' });
  if (!item.choices.includes(choice))
    throw new AppFailure({ code: 'validation', message: 'reviews.choiceNotOffered', field: 'choice' });
  if (!(await allowedChoices(ctx.db, actor, item)).includes(choice))
    throw new AppFailure({ code: 'forbidden', message: 'reviews.notYours' });
  const at = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    const clientSeq = await appendSyncOutbox(trx, {
      table: RESOLUTION_TABLE,
      rowId: uuidv7(),
      op: 'insert',
      fields: { review_id: id, choice },
      hlc,
      baseSeq: 0,
      createdAt: at,
    });
    await markReviewChosen(trx, id, { choice, clientSeq, by: actor.userId, at });
    await auditAction(trx, ctx, actor, {
      action: 'sync.review.resolve',
      subjectType: 'review_item',
      subjectId: id,
      personId: item.caseId,
      detail: { choice, kind: item.kind, field: item.field, table: item.table },
    });
  });
  ctx.sync?.scheduler.kick();
  const updated = await getLocalReviewItem(ctx.db, id);
  if (!updated) throw new AppFailure({ code: 'not-found', message: 'reviews.notFound' });
  return toView(ctx.db, actor, updated);
}
