import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { TimelineEvent, TimelineKind } from '../../../shared/domain/timeline.ts';

// What one source of the case timeline is (issue 17 item 5): given a case, the events of one kind of record.
// Each source is one small file in ./sources/ and one line in ./sources/index.ts; a new kind of record
// (a programme, a service referral, a group session) adds its file there and nothing else changes.

export interface TimelineQuery {
  db: Kysely<Database>;
  jobseekerId: string;
}

export interface TimelineSource {
  kind: TimelineKind;
  /** Every event of this kind on the case, in any order (the service sorts and filters). */
  events(q: TimelineQuery): Promise<TimelineEvent[]>;
}
