import { laterTasks } from '../../../db/repositories/tasks.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import {
  compareInboxItems,
  type InboxCounts,
  type InboxPage,
  type Task,
} from '../../../shared/domain/tasks.ts';
import { caseScope } from '../case-access.ts';
import type { ServiceContext } from '../context.ts';
import { auditAction, todayKst } from '../synced-writes.ts';
import type { InboxSource, SourceQuery } from './source.ts';
import { employerCallbackSource } from './sources/employer-callbacks.ts';
import { followUpSource } from './sources/follow-ups.ts';
import { noShowSource } from './sources/no-shows.ts';
import { reassessAfterServiceSource } from './sources/reassess-after-service.ts';
import { obligationSource } from './sources/obligations.ts';
import { reassessmentSource } from './sources/reassessments.ts';
import { taskSource } from './sources/tasks.ts';

// 오늘 할 일 (issue 16 item 2): everything due for the person in one list, overdue first. The sources are
// data: a new kind of due item (programme obligations: ./sources/obligations.ts) is one file in
// ./sources/ and one entry here.

export const INBOX_SOURCES: readonly InboxSource[] = [
  taskSource,
  reassessmentSource,
  followUpSource,
  employerCallbackSource,
  noShowSource,
  reassessAfterServiceSource,
  obligationSource,
];

function sourceQuery(ctx: ServiceContext, actor: SessionInfo): SourceQuery {
  caseScope(actor);
  return { db: ctx.db, userId: actor.userId, centerCode: actor.centerCode, today: todayKst(ctx) };
}

async function collect(q: SourceQuery) {
  const lists = await Promise.all(INBOX_SOURCES.map((s) => s.items(q)));
  const items = lists.flat().sort(compareInboxItems);
  const counts: InboxCounts = {
    total: items.length,
    overdue: items.filter((i) => i.status === 'overdue').length,
  };
  return { items, counts };
}

/** The inbox: a read of several people's names, audited once with how many items of each source. */
export async function inbox(ctx: ServiceContext, actor: SessionInfo): Promise<InboxPage & { later: Task[] }> {
  const q = sourceQuery(ctx, actor);
  const [{ items, counts }, later] = await Promise.all([
    collect(q),
    laterTasks(ctx.db, actor.userId, q.today),
  ]);
  const bySource: Record<string, number> = {};
  for (const i of items) bySource[i.source] = (bySource[i.source] ?? 0) + 1;
  await auditAction(ctx.db, ctx, actor, {
    action: 'inbox.list',
    subjectType: 'inbox',
    subjectId: actor.userId,
    detail: { rows: items.length, sources: bySource },
  });
  return { today: q.today, items, counts, later };
}

/** The navigation badge: numbers only, no one's data, so not an audited read. */
export async function inboxCounts(ctx: ServiceContext, actor: SessionInfo): Promise<InboxCounts> {
  return (await collect(sourceQuery(ctx, actor))).counts;
}
