import { SIGNED_RECORD_TABLE, type SignableKind } from '../../shared/documents/kinds.ts';
import type { PushWork } from './push-work.ts';
import { Refusal, mayWrite, type SyncCaller } from './rows.ts';

// The record a pushed signature signs (issue 17 item 2), beyond its declaration's rule across columns
// (shared/sync/tables/jobseekers.ts: a case form's record is the jobseeker itself). The Individual Action
// Plan is signed on its programme enrolment: the enrolment must exist, not be a tombstone, be the
// caller's to write, and belong to the very jobseeker the signature names (its scope parent) — otherwise
// a desktop could hang a signature under its own case for another case's plan, or another center's.

export async function checkSignatureRecord(
  work: PushWork,
  caller: SyncCaller,
  fields: Record<string, unknown>,
): Promise<void> {
  const table = SIGNED_RECORD_TABLE[fields['document_kind'] as SignableKind];
  if (table !== 'programme_enrolments') return;
  const row = await work.getRow(table, String(fields['record_id']));
  if (!row || row.deleted_at || !mayWrite(caller, row, table))
    throw new Refusal('referenceMissing', { table, field: 'record_id' });
  const data = JSON.parse(row.data) as Record<string, unknown>;
  if (data['jobseeker_id'] !== fields['jobseeker_id'])
    throw new Refusal('invalidValue', { field: 'record_id', table: 'signatures' });
}
