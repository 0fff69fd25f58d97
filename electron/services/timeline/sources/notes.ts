import { sql } from 'kysely';
import { firstLine, type TimelineEvent } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// Counseling notes (상담 기록). A note edited later is a chain of revisions (append-only): the timeline
// shows the chain once, when it was first written, with the latest revision's first line. The line is
// the counselor's own case content; the timeline is an audited read of the case like the notes tab, and a
// counselor scanning the case recognises a meeting by its first line, not by "상담 기록" eleven times.

export const notesSource: TimelineSource = {
  kind: 'note',
  async events({ db, jobseekerId }) {
    const rows = await db
      .selectFrom('counseling_notes')
      // The first line is all the list shows: a long note's whole text is not read (a case has hundreds).
      .select(['id', 'kind', 'author_id', 'created_at', 'revision_of', 'revision'])
      .select(sql<string>`substr(body, 1, 200)`.as('body'))
      .where('jobseeker_id', '=', jobseekerId)
      .execute();
    const chains = new Map<string, { first: (typeof rows)[number]; last: (typeof rows)[number] }>();
    for (const row of rows) {
      const root = row.revision_of ?? row.id;
      const chain = chains.get(root);
      if (!chain) chains.set(root, { first: row, last: row });
      else {
        if (row.revision < chain.first.revision) chain.first = row;
        if (row.revision > chain.last.revision) chain.last = row;
      }
    }
    const out: TimelineEvent[] = [];
    for (const [root, { first, last }] of chains) {
      out.push({
        key: `note:${root}`,
        kind: 'note',
        at: first.created_at,
        title: {
          key: last.revision > 1 ? 'timeline.note.edited' : 'timeline.note.written',
          values: { kind: last.kind },
        },
        actorId: first.author_id,
        link: { tab: 'notes', id: root },
        detail: firstLine(last.body),
      });
    }
    return out;
  },
};
