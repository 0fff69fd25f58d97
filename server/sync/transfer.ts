import type { SyncRow } from '../../db/server/repositories/sync.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import { isCaseStaff } from './directory.ts';
import type { PushWork } from './push-work.ts';
import { Refusal, forceFields, mayWrite, type SyncCaller } from './rows.ts';

// Transfers between centers (이관, issue 16 item 4). A request is a case_transfers record the sending
// desktop pushes like any write (so it waits in the outbox while offline); the receiving center's
// supervisors answer it by changing its status. Accepting moves the case: in the same push transaction,
// under the sequencer lock, the case's center (and its counselor, when one is chosen) change, and every
// record under it follows with a new seq (rows.ts commitRow): one sequenced write. The sending center's
// desktops learn that the rows left their scopes and drop them after pushing what they still hold; an
// edit that arrives after the move waits for the new owner in a review item (apply.ts holdForNewOwner).

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** A new request: a case of the caller's own center, named as it is, to another existing center. */
export async function checkTransferRequest(
  work: PushWork,
  caller: SyncCaller,
  fields: Record<string, unknown>,
): Promise<void> {
  const caseId = str(fields['jobseeker_id']);
  const jobseeker = caseId ? await work.getRow('jobseekers', caseId) : undefined;
  if (!jobseeker || jobseeker.deleted_at || !mayWrite(caller, jobseeker, 'jobseekers'))
    throw new Refusal('transferCase');
  const data = JSON.parse(jobseeker.data) as Record<string, unknown>;
  if (
    jobseeker.scope_center !== caller.centerCode ||
    data['name'] !== fields['jobseeker_name'] ||
    data['birth_year'] !== fields['birth_year']
  )
    throw new Refusal('transferCase');
  const to = str(fields['to_center']) ?? '';
  const center = await work.trx
    .selectFrom('centers')
    .select('code')
    .where('code', '=', to)
    .executeTakeFirst();
  if (!center || to === caller.centerCode) throw new Refusal('transferCenter', { center: to });
  // The names shown to the receiving center are the directory's own, checked like an author column.
  const me = await work.trx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', caller.userId)
    .executeTakeFirst();
  if (me?.display_name !== fields['requested_by_name'])
    throw new Refusal('notCaller', { field: 'requested_by_name' });
  const home = await work.trx
    .selectFrom('centers')
    .select('name')
    .where('code', '=', caller.centerCode)
    .executeTakeFirst();
  if (home?.name !== fields['from_center_name'])
    throw new Refusal('notCaller', { field: 'from_center_name' });
  for (const f of ['decided_by', 'decided_at', 'decision_reason', 'assigned_to'])
    if (fields[f] !== undefined && fields[f] !== null) throw new Refusal('transferDecider');
  if (fields['status'] !== undefined && fields['status'] !== 'requested')
    throw new Refusal('transferDecider');
  // One open request per case, whichever desktop asks (the desktop checks its own store; two desktops
  // asking at once meet here, under the sequencer lock, and the second is refused with the reason).
  const open = (await work.namingRows('case_transfers', 'jobseeker_id', caseId ?? '')).some(
    (r) => (JSON.parse(r.data) as Record<string, unknown>)['status'] === 'requested',
  );
  if (open) throw new Refusal('transferOpen');
}

/**
 * An answer: accepted or declined by a supervisor of the receiving center, or withdrawn by its
 * requester, once, while it is still asked. Accepting needs the case still where it was asked from.
 */
export async function checkTransferAnswer(
  work: PushWork,
  caller: SyncCaller,
  existing: Record<string, unknown>,
  fields: Record<string, unknown>,
): Promise<void> {
  if (existing['status'] !== 'requested')
    throw new Refusal('transferDecided', { status: String(existing['status']) });
  const status = fields['status'];
  const receiving = caller.role === 'supervisor' && caller.centerCode === existing['to_center'];
  if (status === 'cancelled') {
    if (caller.userId !== existing['requested_by']) throw new Refusal('transferDecider');
    return;
  }
  if ((status !== 'accepted' && status !== 'declined') || !receiving) throw new Refusal('transferDecider');
  if (status === 'declined') return;
  const jobseeker = await work.getRow('jobseekers', String(existing['jobseeker_id']));
  if (!jobseeker || jobseeker.deleted_at || jobseeker.scope_center !== existing['from_center'])
    throw new Refusal('transferMoved');
  const assignee = fields['assigned_to'];
  if (assignee !== undefined && assignee !== null) {
    if (typeof assignee !== 'string' || !(await isCaseStaff(work, assignee, caller.centerCode)))
      throw new Refusal('assigneeUnknown');
  }
}

/** After an accepted answer was written: the case and everything under it change center. */
export async function moveAcceptedCase(
  work: PushWork,
  caller: SyncCaller,
  transfer: Record<string, unknown>,
  now: string,
): Promise<void> {
  const jobseeker: SyncRow | undefined = await work.getRow('jobseekers', String(transfer['jobseeker_id']));
  if (!jobseeker || jobseeker.deleted_at) return;
  const hlc = formatHlc({ wall: Date.parse(now), counter: 0, node: 'server' });
  await forceFields(
    work,
    caller,
    'jobseekers',
    jobseeker,
    { center_code: transfer['to_center'], assigned_counselor_id: transfer['assigned_to'] ?? null },
    hlc,
    now,
  );
}
