import {
  CONSENT_FIELDS,
  REQUIRED_CONSENT_TABLES,
  consentInForce,
  sensitiveAnswers,
} from '../../shared/casework/consent.ts';
import type { ConsentGroup } from '../../shared/casework/types.ts';
import { SENSITIVE_ELIGIBILITY_INPUTS } from '../../shared/programmes/eligibility.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { PushWork } from './push-work.ts';
import { Refusal, type SyncCaller } from './rows.ts';

// Consent on the server (domain.md §10; issue 13 item 9): the server trusts no desktop's screen, so a
// pushed record that the jobseeker's consent in force does not allow is refused with a reason from the
// catalog, whatever the desktop checked:
//   - an assessment recording health or welfare answers without the sensitive consent;
//   - a referral that gives the person's contact to the employer without the optional (sharing) consent;
//   - a counseling note, assessment or referral for a case whose required consent was withdrawn;
//   - an enrolment's eligibility pre-check recording household income, assets or a vulnerable group
//     (welfare data, shared/programmes/eligibility.ts) without the sensitive consent, on insert or update.
// The consent in force is the jobseeker's decisive field (consent_<group>), which syncs like any decisive
// field; rows from desktops before that field fall back to the latest consent record of the case.
// Called once per mutation from apply.ts, for new records only (append-only: nothing changes later).

const WHAT: Record<string, string> = {
  assessments: 'new assessments',
  counseling_notes: 'new counseling notes',
  referrals: 'new referrals',
};

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/** The latest consent record of a group for a case (rows from desktops before the decisive field). */
async function latestRecord(work: PushWork, jobseekerId: string, group: ConsentGroup): Promise<unknown> {
  let latest: { at: string; id: string; granted: unknown } | null = null;
  for (const child of await work.children(`jobseekers:${jobseekerId}`)) {
    if (child.table_name !== 'consent_records' || child.deleted_at) continue;
    const d = JSON.parse(child.data) as Record<string, unknown>;
    if (d['item_group'] !== group) continue;
    const at = typeof d['recorded_at'] === 'string' ? d['recorded_at'] : '';
    if (!latest || at > latest.at || (at === latest.at && child.row_id > latest.id))
      latest = { at, id: child.row_id, granted: d['granted'] };
  }
  return latest?.granted ?? null;
}

/** An enrolment's pre-check inputs that are welfare data need the sensitive consent. */
function enrolmentNeeds(fields: Record<string, unknown>): Array<[ConsentGroup, string]> {
  const inputs = parseJson(fields['eligibility_inputs']);
  if (typeof inputs !== 'object' || inputs === null) return [];
  return Object.keys(inputs).some((k) => (SENSITIVE_ELIGIBILITY_INPUTS as readonly string[]).includes(k))
    ? [['sensitive', 'household income, assets or vulnerable-group answers']]
    : [];
}

/** An update of an enrolment (the pre-check is recorded after the insert), checked against its case. */
export async function checkConsentOnUpdate(work: PushWork, m: Mutation, existing: Record<string, unknown>) {
  if (m.table !== 'programme_enrolments') return;
  const needs = enrolmentNeeds(m.fields);
  const jobseekerId = existing['jobseeker_id'];
  if (needs.length === 0 || typeof jobseekerId !== 'string') return;
  const jobseeker = await work.getRow('jobseekers', jobseekerId);
  if (!jobseeker || jobseeker.deleted_at) return;
  await requireGroups(work, jobseekerId, JSON.parse(jobseeker.data) as Record<string, unknown>, needs);
}

async function requireGroups(
  work: PushWork,
  jobseekerId: string,
  data: Record<string, unknown>,
  needs: Array<[ConsentGroup, string]>,
): Promise<void> {
  for (const [group, what] of needs) {
    const field = data[CONSENT_FIELDS[group]];
    const inForce = consentInForce(
      field,
      field === undefined || field === null ? await latestRecord(work, jobseekerId, group) : null,
    );
    if (inForce !== true) throw new Refusal('consentMissing', { group, what });
  }
}

export async function checkConsent(work: PushWork, _caller: SyncCaller, m: Mutation): Promise<void> {
  if (m.op !== 'insert') return;
  const needs: Array<[ConsentGroup, string]> =
    m.table === 'programme_enrolments' ? enrolmentNeeds(m.fields) : [];
  if (m.table === 'assessments' && sensitiveAnswers(parseJson(m.fields['inputs'])).length > 0)
    needs.push(['sensitive', 'health, disability or welfare answers']);
  if (m.table === 'referrals' && (m.fields['share_contact'] === 1 || m.fields['share_contact'] === true))
    needs.push(['optional', "the person's contact given to the employer"]);
  const requiredUse = REQUIRED_CONSENT_TABLES.includes(m.table);
  if (!requiredUse && needs.length === 0) return;
  const jobseekerId = m.fields['jobseeker_id'];
  // A record that names no case, or one the server does not hold, is refused by the table's own checks.
  if (typeof jobseekerId !== 'string') return;
  const jobseeker = await work.getRow('jobseekers', jobseekerId);
  if (!jobseeker || jobseeker.deleted_at) return;
  const data = JSON.parse(jobseeker.data) as Record<string, unknown>;
  if (requiredUse && consentInForce(data[CONSENT_FIELDS.required], null) === false)
    throw new Refusal('consentWithdrawn', { what: WHAT[m.table] ?? m.table });
  await requireGroups(work, jobseekerId, data, needs);
}
