import { reassessPrompts } from '../../../../db/repositories/service-referrals.ts';
import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 서비스 완료 후 재평가 (issue 17 item 4): the person's needs-preparation cases whose training, work
// experience or welfare link was completed after their latest assessment. Due from the completion day
// until a reassessment is made (then the case leaves the list by itself).

export const reassessAfterServiceSource: InboxSource = {
  async items({ db, userId, today }) {
    const rows = await reassessPrompts(db, { counselorId: userId });
    return rows.map((r): InboxItem => ({
      key: `reassess-after-service:${r.jobseeker_id}`,
      source: 'reassess-after-service',
      dueOn: r.completed_on,
      status: dueStatus(r.completed_on, today) ?? 'today',
      subject: { kind: 'jobseeker', id: r.jobseeker_id, label: r.name },
      detail: {},
    }));
  },
};
