import type { SyncRow } from '../../db/server/repositories/sync.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { SyncedTable } from '../../shared/sync/tables.ts';
import { declarationOf } from '../../shared/sync/tables/index.ts';
import { REFERENCES } from '../../shared/sync/references.ts';
import { isCaseStaff } from './directory.ts';
import type { PushWork } from './push-work.ts';
import { checkServiceReferralInsert, checkServiceReferralUpdate } from './service-referral-check.ts';
import { checkGroupRecord } from './group-check.ts';
import { checkSignatureRecord } from './signature-check.ts';
import { checkTransferAnswer, checkTransferRequest } from './transfer.ts';
import { Refusal, mayWrite, type Meta, type SyncCaller } from './rows.ts';

// What a pushed change may do beyond its fields' shapes (issue 13 §2–3), decided from the token and the
// database, never from the client:
// - the server writes what only it may know: author, actor, device and center columns must be the
//   caller's own (a different value is refused, never silently replaced);
// - scope-defining columns change only through their own flows: a case is assigned within its center by
//   a supervisor, or taken by a counselor when it is free; a record is added to the caller's own center
//   and region only; center_code never changes by push (a transfer is its own request, another issue);
// - records named by id (an opening's employer, a referral's opening...) exist and are the caller's;
// - the rule across columns of the table (a classification that follows from its checklist) holds on
//   the row as it would be.

function authored(caller: SyncCaller, table: SyncedTable, fields: Record<string, unknown>): void {
  for (const [field, c] of Object.entries(declarationOf(table).columns)) {
    if (!c.author || !(field in fields)) continue;
    const value = fields[field];
    if (value === null && c.value.safeParse(null).success) continue;
    const own =
      c.author === 'user' ? caller.userId : c.author === 'device' ? caller.deviceId : caller.centerCode;
    if (value !== own) throw new Refusal('notCaller', { field });
  }
}

async function references(
  work: PushWork,
  caller: SyncCaller,
  table: SyncedTable,
  fields: Record<string, unknown>,
): Promise<void> {
  for (const [field, target] of Object.entries(REFERENCES[table] ?? {})) {
    const id = fields[field];
    if (typeof id !== 'string') continue;
    const row = await work.getRow(target, id);
    if (!row || row.deleted_at || !mayWrite(caller, row, target))
      throw new Refusal('referenceMissing', { table: target, field });
  }
}

/** The scope columns of a new record: the caller's own center and region; an owner they may name. */
async function newScope(
  work: PushWork,
  caller: SyncCaller,
  table: SyncedTable,
  fields: Record<string, unknown>,
): Promise<void> {
  for (const [field, c] of Object.entries(declarationOf(table).columns)) {
    if (!c.scope || !(field in fields)) continue;
    const value = fields[field];
    if (c.scope === 'center' && value !== caller.centerCode) throw new Refusal('otherCenter');
    if (c.scope === 'region' && value !== caller.region) throw new Refusal('regionNotServed');
    if (c.scope === 'owner' && value !== null && value !== caller.userId) {
      if (caller.role !== 'supervisor') throw new Refusal('assignOnlySupervisor');
      if (typeof value !== 'string' || !(await isCaseStaff(work, value, caller.centerCode)))
        throw new Refusal('assigneeUnknown');
    }
  }
}

export async function checkInsert(
  work: PushWork,
  caller: SyncCaller,
  table: SyncedTable,
  fields: Record<string, unknown>,
): Promise<void> {
  authored(caller, table, fields);
  await newScope(work, caller, table, fields);
  await references(work, caller, table, fields);
  if (table === 'case_transfers') await checkTransferRequest(work, caller, fields);
  if (table === 'service_referrals') checkServiceReferralInsert(fields);
  if (table.startsWith('group_')) await checkGroupRecord(work, table, fields, fields, caller.centerCode);
  const problem = declarationOf(table).check?.(fields);
  if (problem) throw new Refusal(problem.code, problem.values);
  if (table === 'signatures') await checkSignatureRecord(work, caller, fields);
}

/**
 * An update of a row the caller may write as it is. `concurrent(field)`: someone changed the field after
 * the version the caller saw (a decisive change then waits in a review item instead of being applied).
 */
export async function checkUpdate(
  work: PushWork,
  caller: SyncCaller,
  table: SyncedTable,
  existing: SyncRow,
  m: Mutation,
): Promise<void> {
  const data = JSON.parse(existing.data) as Record<string, unknown>;
  const meta = JSON.parse(existing.field_meta) as Meta;
  if (m.baseSeq > Number(existing.seq))
    throw new Refusal('baseSeqAhead', { baseSeq: String(m.baseSeq), seq: String(existing.seq) });
  authored(caller, table, m.fields);
  // A to-do is changed by the person it is for, its author, or a supervisor of its center.
  const ownTask =
    table === 'tasks' && (data['assignee_id'] === caller.userId || data['created_by'] === caller.userId);
  if (table === 'tasks' && caller.role !== 'supervisor' && !ownTask) throw new Refusal('taskNotYours');
  const decl = declarationOf(table);
  for (const [field, value] of Object.entries(m.fields)) {
    const c = decl.columns[field];
    if (!c?.scope || JSON.stringify(value ?? null) === JSON.stringify(data[field] ?? null)) continue;
    if (c.scope === 'center')
      throw new Refusal(table === 'centers' ? 'notUpdatable' : 'centerTransfer', { field });
    if (c.scope === 'region') throw new Refusal('regionNotServed');
    if (c.scope === 'owner') {
      const concurrent = (meta[field]?.seq ?? 0) > m.baseSeq;
      if (caller.role === 'supervisor') {
        if (
          value !== null &&
          (typeof value !== 'string' || !(await isCaseStaff(work, value, existing.scope_center)))
        )
          throw new Refusal('assigneeUnknown');
      } else if (table === 'tasks') {
        // The person a to-do is for hands it on to someone of its center; nobody else but a supervisor.
        if (data[field] !== caller.userId) throw new Refusal('taskNotYours');
        if (typeof value !== 'string' || !(await isCaseStaff(work, value, existing.scope_center)))
          throw new Refusal('assigneeUnknown');
      } else if (
        value !== caller.userId ||
        (data[field] !== null && data[field] !== undefined && !concurrent)
      ) {
        // A counselor takes a free case; one taken meanwhile by someone else goes to review, not refused.
        throw new Refusal('assignOnlySupervisor');
      }
    }
  }
  if (table === 'jobseekers' && 'archived' in m.fields && caller.role === 'counselor') {
    if (data['assigned_counselor_id'] !== caller.userId) throw new Refusal('archiveNotYours');
  }
  if (table === 'case_transfers') await checkTransferAnswer(work, caller, data, m.fields);
  if (table === 'service_referrals')
    checkServiceReferralUpdate(data, m.fields, (meta['status']?.seq ?? 0) > m.baseSeq);
  if (table.startsWith('group_'))
    await checkGroupRecord(work, table, { ...data, ...m.fields }, m.fields, existing.scope_center);
  await references(work, caller, table, m.fields);
  const problem = decl.check?.({ ...data, ...m.fields });
  if (problem) throw new Refusal(problem.code, problem.values);
}
