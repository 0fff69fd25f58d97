import type { Kysely } from 'kysely';
import type { Migration } from './types.ts';

// Issue 17 leftovers (groupruns). FROZEN once landed.
//
// - group_programmes, group_sessions: an archive names its reason, who and when (archive_reason,
//   archived_by, archived_at). `archived` itself exists since 0020. Archived runs leave the lists but stay
//   in a case's history and the reports; a session is never deleted, only archived.
// - programme_enrolments.obligation_figures: the obligation figures (interval and number of periods per
//   obligation) in force when the enrolment was made, as JSON keyed like the center's figures
//   (`nes-1.obligations.job-search-report.intervalDays`), so a later change of the center's value only
//   affects new enrolments. Rows made before this migration get the center's own values for the
//   programme's obligations as they stand now (what the desk has been showing them), or `{}` (the
//   edition's values) when the center set none.

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations must not see today's schema */

function centerObligationFigures(settings: string | null, programme: string): Record<string, number> {
  try {
    const parsed = JSON.parse(settings ?? '{}') as { programmes?: { figures?: Record<string, unknown> } };
    const figures = parsed?.programmes?.figures ?? {};
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(figures))
      if (k.startsWith(`${programme}.obligations.`) && Number.isInteger(v) && (v as number) >= 0)
        out[k] = v as number;
    return out;
  } catch {
    return {};
  }
}

export const migration: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['group_programmes', 'group_sessions']) {
      await db.schema.alterTable(table).addColumn('archive_reason', 'text').execute();
      await db.schema.alterTable(table).addColumn('archived_by', 'text').execute();
      await db.schema.alterTable(table).addColumn('archived_at', 'text').execute();
    }
    await db.schema.alterTable('programme_enrolments').addColumn('obligation_figures', 'text').execute();
    const rows: Array<{ id: string; programme_code: string; settings: string | null }> = await db
      .selectFrom('programme_enrolments as e')
      .leftJoin('jobseekers as j', 'j.id', 'e.jobseeker_id')
      .leftJoin('centers as c', 'c.code', 'j.center_code')
      .select(['e.id', 'e.programme_code', 'c.settings'])
      .execute();
    for (const r of rows)
      await db
        .updateTable('programme_enrolments')
        .set({ obligation_figures: JSON.stringify(centerObligationFigures(r.settings, r.programme_code)) })
        .where('id', '=', r.id)
        .execute();
  },
};
