import type { ConsentGroup } from './types.ts';

// What each consent group allows (domain.md §10), as rules both the desk's services and the server
// apply, so a withdrawal stops the same things everywhere:
//   required   registration, counseling, profiling, matching and referral; withdrawn: the case is closed;
//   optional   sharing the person's name and contact (and attachments) with an employer with a referral,
//              with a partner agency, and messages to them; without it a referral carries no contact;
//   sensitive  the health, disability and welfare answers; without it they cannot be recorded, and after
//              a withdrawal earlier ones are neither shown nor used (treated as not answered).
// The consent in force per group is a decisive field on the jobseeker (consent_<group>: 1, 0, or null
// when never recorded); consent_records is its history. Rows from before that field existed fall back
// to the latest record of the group.

export const CONSENT_FIELDS = {
  required: 'consent_required',
  optional: 'consent_optional',
  sensitive: 'consent_sensitive',
} as const satisfies Record<ConsentGroup, string>;

/** The consent in force: true given, false not given or withdrawn, null never recorded. */
export function consentInForce(field: unknown, latestRecord: unknown): boolean | null {
  for (const v of [field, latestRecord]) {
    if (v === 1 || v === true) return true;
    if (v === 0 || v === false) return false;
  }
  return null;
}

/** Barrier options that are health or disability data (the others, e.g. language, are not sensitive). */
export const SENSITIVE_BARRIERS: readonly string[] = ['health'];

/**
 * The sensitive answers an intake's inputs record: a health barrier, any welfare answer. An empty list
 * records nothing; a declined item is empty by rule.
 */
export function sensitiveAnswers(inputs: unknown): Array<'barriers' | 'economicHardship'> {
  if (typeof inputs !== 'object' || inputs === null) return [];
  const i = inputs as { barriers?: unknown; economicHardship?: unknown };
  const found: Array<'barriers' | 'economicHardship'> = [];
  if (Array.isArray(i.barriers) && i.barriers.some((b) => SENSITIVE_BARRIERS.includes(String(b))))
    found.push('barriers');
  if (Array.isArray(i.economicHardship) && i.economicHardship.length > 0) found.push('economicHardship');
  return found;
}

/** Records that need the required consent not withdrawn (counseling, profiling, referral). */
export const REQUIRED_CONSENT_TABLES: readonly string[] = ['assessments', 'counseling_notes', 'referrals'];

/** The i18n key (desk) that names a missing consent group: `consent.missing.<group>`. */
export function consentMissingKey(group: ConsentGroup): string {
  return `consent.missing.${group}`;
}
