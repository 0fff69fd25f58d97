import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

// FROZEN once landed. Issue 18 item 5 (ticket numbers unique per center and day across kiosks):
// - checkins gain `ticket_prefix`, the letter of the device that issued the ticket (A-012, B-007);
//   tickets issued before keep '' and read as plain numbers, as they always did;
// - the number is unique per center, day and letter. The old unique index (center, day, number) goes:
//   two kiosks that issued the same plain number before this migration, or two PCs given the same
//   letter by mistake, must never make a store refuse a ticket another PC pulled in from the server.
//   Each device counts only its own letter inside one write transaction (SQLite serialises writers),
//   so the numbers it issues itself cannot repeat.

/* eslint-disable @typescript-eslint/no-explicit-any -- see types.ts */

export const migration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('checkins')
      .addColumn('ticket_prefix', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.dropIndex('checkins_ticket_per_day').execute();
    await db.schema
      .createIndex('checkins_ticket_per_day_prefix')
      .on('checkins')
      .columns(['center_code', 'ticket_day', 'ticket_prefix', 'ticket_no'])
      .execute();
  },
};
