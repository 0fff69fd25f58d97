import { listConsentRows } from '../../db/repositories/casework.ts';
import type { JobseekerRow } from '../../db/schema.ts';
import { CONSENT_FIELDS, consentInForce, consentMissingKey } from '../../shared/casework/consent.ts';
import { CONSENT_GROUPS, type ConsentGroup } from '../../shared/casework/types.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import type { ServiceContext } from './context.ts';

// Consent enforced in the services (domain.md §10), not only on screen: every path that writes a case
// (the desk's channels, the command line, imports) goes through these checks, and the server applies
// the same rules to pushed changes (server/sync/consent.ts). What each group allows is in
// shared/casework/consent.ts.

export type ConsentInForce = Record<ConsentGroup, boolean | null>;

/** The consent in force per group: the jobseeker's decisive fields, else the latest record (older data). */
export async function consentOf(
  db: ServiceContext['db'],
  jobseeker: Pick<JobseekerRow, 'id' | 'consent_required' | 'consent_optional' | 'consent_sensitive'>,
): Promise<ConsentInForce> {
  const needRecords = CONSENT_GROUPS.some((g) => jobseeker[CONSENT_FIELDS[g]] === null);
  const latest = new Map<string, number>();
  if (needRecords)
    for (const r of await listConsentRows(db, jobseeker.id))
      if (!latest.has(r.item_group)) latest.set(r.item_group, r.granted);
  return Object.fromEntries(
    CONSENT_GROUPS.map((g) => [g, consentInForce(jobseeker[CONSENT_FIELDS[g]], latest.get(g))]),
  ) as ConsentInForce;
}

/**
 * Refuses unless the consent a use needs is in force: for `required`, not withdrawn (older cases never
 * asked keep working); for `optional` and `sensitive`, given. The message names the missing consent.
 */
export async function requireConsent(
  db: ServiceContext['db'],
  jobseeker: Parameters<typeof consentOf>[1],
  group: ConsentGroup,
  field?: string,
): Promise<void> {
  const inForce = (await consentOf(db, jobseeker))[group];
  const allowed = group === 'required' ? inForce !== false : inForce === true;
  if (!allowed)
    throw new AppFailure({
      code: 'conflict',
      message: consentMissingKey(group),
      ...(field ? { field } : {}),
    });
}
