import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../db/migrations/index.ts';
import { runMigrations } from '../../../../db/migrator.ts';
import type { Database } from '../../../../db/schema.ts';
import { tempDir } from '../../../support/temp-store.ts';

// 0025_group_edits_obligation_figures: a store at 0023 gains the archive reason, author and time of
// group runs and sessions, and each enrolment's fixed obligation figures, backfilled from its center's own
// values for that programme's obligations (what the desk showed before), or {} (the edition's).

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

type Raw = InstanceType<typeof BetterSqlite3>;

/** Inserts a row filling every NOT NULL column without a default with a plain value. */
function insert(raw: Raw, table: string, values: Record<string, unknown>): void {
  const cols = raw.prepare(`pragma table_info(${table})`).all() as Array<{
    name: string;
    notnull: number;
    dflt_value: unknown;
    type: string;
  }>;
  const row: Record<string, unknown> = {};
  for (const c of cols)
    if (c.notnull && c.dflt_value === null) row[c.name] = /int/i.test(c.type) ? 1 : `x-${c.name}`;
  Object.assign(row, values);
  const names = Object.keys(row);
  raw
    .prepare(`insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`)
    .run(...names.map((n) => row[n] as string | number | null));
}

describe('0025_group_edits_obligation_figures', () => {
  it('adds the archive columns and backfills each enrolment with its center’s obligation figures', async () => {
    const { dir, remove } = tempDir();
    const raw = new BetterSqlite3(join(dir, 'store.db'));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    cleanups.push(() => {
      void db.destroy();
      remove();
    });
    const before = migrations.slice(0, 23);
    expect(before.at(-1)?.[0]).toBe('0023_merge_dismissals');
    const at = migrations.findIndex(([n]) => n === '0025_group_edits_obligation_figures');
    await runMigrations(db, 'sqlite', before, 'case store');
    raw.pragma('foreign_keys = OFF');
    const figures = {
      programmes: {
        figures: {
          'nes-1.obligations.job-search-report.intervalDays': 14,
          'nes-1.stageDeadlineDays.plan': 20,
          'nes-2.obligations.job-search-report.periods': 3,
        },
      },
      kiosk: { x: 1 },
    };
    insert(raw, 'centers', { code: 'T01', settings: JSON.stringify(figures) });
    insert(raw, 'centers', { code: 'T02', settings: '{}' });
    insert(raw, 'jobseekers', { id: 'j1', center_code: 'T01', reg_no: 'R1' });
    insert(raw, 'jobseekers', { id: 'j2', center_code: 'T02', reg_no: 'R2' });
    insert(raw, 'programme_enrolments', {
      id: 'e1',
      jobseeker_id: 'j1',
      programme_code: 'nes-1',
      stage: 'eligibility',
    });
    insert(raw, 'programme_enrolments', {
      id: 'e2',
      jobseeker_id: 'j1',
      programme_code: 'nes-2',
      stage: 'eligibility',
    });
    insert(raw, 'programme_enrolments', {
      id: 'e3',
      jobseeker_id: 'j2',
      programme_code: 'nes-1',
      stage: 'eligibility',
    });
    await runMigrations(db, 'sqlite', migrations.slice(0, at + 1), 'case store');
    const rows = raw
      .prepare('select id, obligation_figures from programme_enrolments order by id')
      .all() as Array<{ id: string; obligation_figures: string }>;
    expect(rows.map((r) => [r.id, JSON.parse(r.obligation_figures) as unknown])).toEqual([
      ['e1', { 'nes-1.obligations.job-search-report.intervalDays': 14 }],
      ['e2', { 'nes-2.obligations.job-search-report.periods': 3 }],
      ['e3', {}],
    ]);
    for (const table of ['group_programmes', 'group_sessions']) {
      const cols = (raw.prepare(`pragma table_info(${table})`).all() as Array<{ name: string }>).map(
        (c) => c.name,
      );
      expect(cols).toEqual(expect.arrayContaining(['archive_reason', 'archived_by', 'archived_at']));
    }
  });
});
