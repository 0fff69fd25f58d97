import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 재평가: the person's active cases whose reassessment day has come (index jobseekers_counselor_reassess).

export const reassessmentSource: InboxSource = {
  async items({ db, userId, today }) {
    const rows = await db
      .selectFrom('jobseekers')
      .select(['id', 'name', 'reassess_due_on'])
      .where('assigned_counselor_id', '=', userId)
      .where('reassess_due_on', '<=', today)
      .where('archived', '=', 0)
      .where('status', '=', 'active')
      .execute();
    return rows.map((r): InboxItem => ({
      key: `reassessment:${r.id}`,
      source: 'reassessment',
      dueOn: r.reassess_due_on ?? today,
      status: dueStatus(r.reassess_due_on ?? today, today) ?? 'today',
      subject: { kind: 'jobseeker', id: r.id, label: r.name },
      detail: {},
    }));
  },
};
