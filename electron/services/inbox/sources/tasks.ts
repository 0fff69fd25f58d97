import { dueTasks } from '../../../../db/repositories/tasks.ts';
import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// The person's own to-do items due by today and not snoozed past it.

export const taskSource: InboxSource = {
  async items({ db, userId, today }) {
    return (await dueTasks(db, userId, today)).map((task): InboxItem => ({
      key: `task:${task.id}`,
      source: 'task',
      dueOn: task.dueOn,
      status: dueStatus(task.dueOn, today) ?? 'today',
      subject: task.link ? { kind: task.link.kind, id: task.link.id, label: task.link.label ?? '' } : null,
      detail: { title: task.title },
      task,
    }));
  },
};
