import { z } from 'zod';
import { TASK_TITLE_MAX } from '../../domain/tasks.ts';
import { daySchema } from '../../domain/day.ts';
import { anyUuid, bool01, col, text, timestamp } from './columns.ts';
import type { TableDecl } from './types.ts';

// A person's to-do items (오늘 할 일, issue 16 item 2). Kept in the center's scope with the assignee as
// owner; who may change a task beyond its shape (its assignee, its author, a supervisor) is a flow rule
// (server/sync/flows.ts), as is reassigning it (the assignee or a supervisor).

const day = daySchema('validation.date');
const never = { update: 'never' } as const;

export const taskTables = {
  tasks: {
    insert: ['counselor', 'supervisor'],
    columns: {
      center_code: col(z.string(), { scope: 'center' }),
      assignee_id: col(anyUuid, { scope: 'owner' }),
      created_by: col(anyUuid, { author: 'user', update: 'never' }),
      title: col(text(TASK_TITLE_MAX, 1)),
      due_on: col(day),
      jobseeker_id: col(anyUuid.nullable(), never),
      employer_id: col(anyUuid.nullable(), never),
      opening_id: col(anyUuid.nullable(), never),
      referral_id: col(anyUuid.nullable(), never),
      done: col(bool01, { optional: true }),
      done_at: col(timestamp.nullable(), { optional: true }),
      snoozed_until: col(day.nullable(), { optional: true }),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      archived: col(bool01, { optional: true }),
    },
    // One link at most: a to-do is about one thing.
    check: (row) =>
      ['jobseeker_id', 'employer_id', 'opening_id', 'referral_id'].filter(
        (f) => row[f] !== null && row[f] !== undefined,
      ).length > 1
        ? { code: 'invalidValue', values: { field: 'jobseeker_id', table: 'tasks' } }
        : null,
  },
} as const satisfies Record<string, TableDecl>;
