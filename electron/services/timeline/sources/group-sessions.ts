import { latestMarks } from '../../../../shared/domain/groups.ts';
import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// Group programmes (집단상담·프로그램, issue 17 item 3) on the case timeline: the enrolment (or waiting-list
// place), each session's attendance as it stands (the latest mark, at the session's own time: corrections
// do not add events), and the completion decision. Titles are keys of renderer/src/i18n/groups.*.json.

export const groupSessionsSource: TimelineSource = {
  kind: 'group-session',
  async events({ db, jobseekerId }) {
    const people = await db
      .selectFrom('group_participants as gp')
      .innerJoin('group_programmes as r', 'r.id', 'gp.programme_id')
      .select([
        'gp.id',
        'gp.programme_id',
        'gp.status',
        'gp.enrolled_at',
        'gp.enrolled_by',
        'gp.decided_at',
        'gp.decided_by',
        'gp.completion_pct',
        'r.title',
      ])
      .where('gp.jobseeker_id', '=', jobseekerId)
      .execute();
    if (people.length === 0) return [];
    const marks = await db
      .selectFrom('group_attendance as a')
      .innerJoin('group_sessions as s', 's.id', 'a.session_id')
      .select([
        'a.id',
        'a.participant_id',
        'a.session_id',
        'a.mark',
        'a.recorded_at',
        'a.recorded_by',
        's.starts_at',
        's.session_no',
      ])
      .where(
        'a.participant_id',
        'in',
        people.map((p) => p.id),
      )
      .where('s.archived', '=', 0)
      .execute();
    const events: TimelineEvent[] = [];
    for (const p of people) {
      const link = { tab: 'groups', id: p.programme_id };
      events.push({
        key: `group-session:${p.id}:enrolled`,
        kind: 'group-session',
        at: p.enrolled_at,
        title: {
          key: p.status === 'waiting' ? 'groups.timeline.waiting' : 'groups.timeline.enrolled',
          values: { title: p.title },
        },
        actorId: p.enrolled_by,
        link,
      });
      const own = marks.filter((m) => m.participant_id === p.id);
      const inForce = latestMarks(
        own.map((m) => ({ id: m.id, sessionId: m.session_id, mark: m.mark, recordedAt: m.recorded_at })),
      );
      for (const [sessionId, mark] of inForce) {
        const latest = own
          .filter((m) => m.session_id === sessionId && m.mark === mark)
          .sort((a, b) => (a.recorded_at < b.recorded_at ? 1 : -1))[0];
        if (!latest) continue;
        events.push({
          key: `group-session:${p.id}:${sessionId}`,
          kind: 'group-session',
          at: latest.starts_at,
          title: { key: `groups.timeline.${mark}`, values: { title: p.title, n: latest.session_no } },
          actorId: latest.recorded_by,
          link,
        });
      }
      if ((p.status === 'completed' || p.status === 'not_completed') && p.decided_at)
        events.push({
          key: `group-session:${p.id}:decided`,
          kind: 'group-session',
          at: p.decided_at,
          title: {
            key: `groups.timeline.${p.status}`,
            values: { title: p.title, pct: p.completion_pct ?? 0 },
          },
          actorId: p.decided_by,
          link,
        });
    }
    return events;
  },
};
