import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { InboxItem } from '../../../shared/domain/tasks.ts';

// What one due-item source of the inbox is (issue 16 item 2): given whose inbox and today, the items due
// on or before today. Each source is one small file in ./sources/ and one line in ./index.ts; a source
// for appointments' no-shows or programme obligations is added the same way, nothing else changes.

export interface SourceQuery {
  db: Kysely<Database>;
  userId: string;
  centerCode: string;
  /** Today in Korea (YYYY-MM-DD). */
  today: string;
}

export interface InboxSource {
  /** Lists the person's items due on or before `today`, each with its status. */
  items(q: SourceQuery): Promise<InboxItem[]>;
}
