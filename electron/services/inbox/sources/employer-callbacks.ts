import { sql } from 'kysely';
import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 기업 재연락: an employer whose latest contact, logged by this person, set a next contact day that has
// come. A later contact by anyone replaces the promise (it is the latest that counts, as on the
// discovery list).

export const employerCallbackSource: InboxSource = {
  async items({ db, userId, today }) {
    const rows = await db
      .selectFrom('employer_contacts as c')
      .innerJoin('employers as e', 'e.id', 'c.employer_id')
      .select(['c.id', 'c.employer_id', 'c.next_on', 'e.name'])
      .where('c.counselor_id', '=', userId)
      .where('c.next_on', '<=', today)
      .where('e.archived', '=', 0)
      .where(
        'c.id',
        '=',
        sql<string>`(select c2.id from employer_contacts c2 where c2.employer_id = c.employer_id
                     order by c2.contacted_on desc, c2.created_at desc, c2.id desc limit 1)`,
      )
      .execute();
    return rows.flatMap((r): InboxItem[] => {
      const status = r.next_on ? dueStatus(r.next_on, today) : null;
      if (!status || !r.next_on) return [];
      return [
        {
          key: `employer-callback:${r.employer_id}`,
          source: 'employer-callback',
          dueOn: r.next_on,
          status,
          subject: { kind: 'employer', id: r.employer_id, label: r.name },
          detail: {},
        },
      ];
    });
  },
};
