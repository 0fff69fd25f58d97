import { noShowsToContact } from '../../../../db/repositories/appointments.ts';
import { todayKstOf } from '../../../../shared/domain/day.ts';
import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 불참 연락: the person's appointments recorded as no-shows with nothing booked since (issue 16 item 1:
// no-shows listed for follow-up). Due on the day that was missed, so an old one shows as overdue.

export const noShowSource: InboxSource = {
  async items({ db, userId, today }) {
    const rows = await noShowsToContact(db, userId);
    return rows.map((r): InboxItem => {
      const dueOn = todayKstOf(Date.parse(r.startsAt));
      return {
        key: `no-show:${r.appointmentId}`,
        source: 'no-show',
        dueOn,
        status: dueStatus(dueOn, today) ?? 'today',
        subject: { kind: 'jobseeker', id: r.jobseekerId, label: r.jobseekerName },
        detail: {},
      };
    });
  },
};
