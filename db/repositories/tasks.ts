import { sql, type Kysely, type Transaction } from 'kysely';
import type { Task, TaskLinkKind } from '../../shared/domain/tasks.ts';
import type { Database, TaskRow } from '../schema.ts';

// SQL for to-do items (issue 16 item 2) and the one place their rows become domain objects.

type Db = Kysely<Database> | Transaction<Database>;

export async function getTaskRow(db: Db, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).where('archived', '=', 0).executeTakeFirst();
}

function withLabels(db: Db) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .leftJoin('jobseekers as lj', 'lj.id', 't.jobseeker_id')
    .leftJoin('employers as le', 'le.id', 't.employer_id')
    .leftJoin('job_openings as lo', 'lo.id', 't.opening_id')
    .leftJoin('referrals as lr', 'lr.id', 't.referral_id')
    .leftJoin('jobseekers as lrj', 'lrj.id', 'lr.jobseeker_id')
    .selectAll('t')
    .select([
      'u.display_name as assignee_name',
      sql<string | null>`coalesce(lj.name, le.name, lo.title, lrj.name)`.as('link_label'),
    ])
    .where('t.archived', '=', 0);
}

type LabelledRow = TaskRow & { assignee_name: string | null; link_label: string | null };

function linkOf(r: TaskRow): { kind: TaskLinkKind; id: string } | null {
  if (r.jobseeker_id) return { kind: 'jobseeker', id: r.jobseeker_id };
  if (r.employer_id) return { kind: 'employer', id: r.employer_id };
  if (r.opening_id) return { kind: 'opening', id: r.opening_id };
  if (r.referral_id) return { kind: 'referral', id: r.referral_id };
  return null;
}

export function rowToTask(r: LabelledRow): Task {
  const link = linkOf(r);
  return {
    id: r.id,
    seq: Number(r.seq),
    title: r.title,
    dueOn: r.due_on,
    link: link ? { ...link, label: r.link_label } : null,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    createdBy: r.created_by,
    done: r.done === 1,
    doneAt: r.done_at,
    snoozedUntil: r.snoozed_until,
  };
}

export async function getTask(db: Db, id: string): Promise<Task | undefined> {
  const row = await withLabels(db).where('t.id', '=', id).executeTakeFirst();
  return row ? rowToTask(row) : undefined;
}

/** Open tasks of one person due on or before `today` and not snoozed past it (the inbox's). */
export async function dueTasks(db: Db, assigneeId: string, today: string): Promise<Task[]> {
  const rows = await withLabels(db)
    .where('t.assignee_id', '=', assigneeId)
    .where('t.done', '=', 0)
    .where('t.due_on', '<=', today)
    .where((eb) => eb.or([eb('t.snoozed_until', 'is', null), eb('t.snoozed_until', '<=', today)]))
    .orderBy('t.due_on')
    .orderBy('t.id')
    .execute();
  return rows.map(rowToTask);
}

/** Open tasks of one person not due yet, or snoozed: what comes later (the inbox's second list). */
export async function laterTasks(db: Db, assigneeId: string, today: string, limit = 200): Promise<Task[]> {
  const rows = await withLabels(db)
    .where('t.assignee_id', '=', assigneeId)
    .where('t.done', '=', 0)
    .where((eb) => eb.or([eb('t.due_on', '>', today), eb('t.snoozed_until', '>', today)]))
    .orderBy(sql`max(t.due_on, coalesce(t.snoozed_until, t.due_on))`)
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return rows.map(rowToTask);
}
