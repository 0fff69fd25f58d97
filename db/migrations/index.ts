import type { Migration } from './types.ts';
import { migration as m0001 } from './0001_core_records.ts';
import { migration as m0002 } from './0002_append_only_audit.ts';
import { migration as m0003 } from './0003_jobseeker_search.ts';
import { migration as m0004 } from './0004_casework.ts';
import { migration as m0005 } from './0005_employers_referrals.ts';
import { migration as m0006 } from './0006_kiosk_checkins.ts';
import { migration as m0007 } from './0007_audit_retention.ts';
import { migration as m0008 } from './0008_sync_lifecycle.ts';
import { migration as m0009 } from './0009_consent_forward_compat.ts';
import { migration as m0010 } from './0010_audit_purged.ts';
import { migration as m0011 } from './0011_form_drafts.ts';
import { migration as m0012 } from './0012_appointments.ts';
import { migration as m0013 } from './0013_tasks_saved_filters.ts';
import { migration as m0014 } from './0014_case_lifecycle.ts';
import { migration as m0015 } from './0015_case_merges.ts';
import { migration as m0016 } from './0016_signatures.ts';
import { migration as m0017 } from './0017_attachments.ts';
import { migration as m0018 } from './0018_ticket_prefix.ts';
import { migration as m0019 } from './0019_programme_enrolments.ts';
import { migration as m0020 } from './0020_group_programmes.ts';
import { migration as m0021 } from './0021_service_referrals.ts';
import { migration as m0022 } from './0022_worklist_indexes.ts';
import { migration as m0023 } from './0023_merge_dismissals.ts';
import { migration as m0024 } from './0024_derived_lists.ts';
import { migration as m0025 } from './0025_group_edits_obligation_figures.ts';
import { migration as m0026 } from './0026_inbox_due_sources.ts';

/**
 * Every migration, in order. Listed by hand because bundlers (the Electron main build) cannot scan a
 * directory at run time. Names are zero-padded numbers plus a description; a test checks their order.
 * Append only: a landed migration is frozen.
 */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_core_records', m0001],
  ['0002_append_only_audit', m0002],
  ['0003_jobseeker_search', m0003],
  ['0004_casework', m0004],
  ['0005_employers_referrals', m0005],
  ['0006_kiosk_checkins', m0006],
  ['0007_audit_retention', m0007],
  ['0008_sync_lifecycle', m0008],
  ['0009_consent_forward_compat', m0009],
  ['0010_audit_purged', m0010],
  ['0011_form_drafts', m0011],
  ['0012_appointments', m0012],
  ['0013_tasks_saved_filters', m0013],
  ['0014_case_lifecycle', m0014],
  ['0015_case_merges', m0015],
  ['0016_signatures', m0016],
  ['0017_attachments', m0017],
  ['0018_ticket_prefix', m0018],
  ['0019_programme_enrolments', m0019],
  ['0020_group_programmes', m0020],
  ['0021_service_referrals', m0021],
  ['0022_worklist_indexes', m0022],
  ['0023_merge_dismissals', m0023],
  ['0024_derived_lists', m0024],
  ['0025_group_edits_obligation_figures', m0025],
  ['0026_inbox_due_sources', m0026],
];

export const LATEST_SCHEMA_VERSION = migrations.length;
export type { Migration, SqlDialect } from './types.ts';
