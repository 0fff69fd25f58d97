import { z } from 'zod';

// The audit trail's vocabulary (domain.md §10), shared by the services, the supervisor screen and the
// command line: which kind each action is, which actions are kept longer, and the center's settings for
// retention and for the patterns the supervisor screen flags.

/**
 * Changes of roles and permissions (an account made, a role changed, an account deactivated, unlocked,
 * a password reset: electron/services/account-admin.ts) carry this prefix: the retention purge keeps
 * them three years instead of two.
 */
export const ACCESS_ACTION_PREFIX = 'account.';

export function isAccessAction(action: string): boolean {
  return action.startsWith(ACCESS_ACTION_PREFIX);
}

export const AUDIT_KINDS = ['read', 'change', 'print', 'export', 'permission', 'sign-in', 'system'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Reads of personal data that are not named `*.read`: lists of one person's records, match lists, checks. */
export const READ_ACTIONS = [
  'referral.history',
  'referral.board',
  'referral.forOpening',
  'matching.forJobseeker',
  'matching.forOpening',
  'certificate.verify',
  'competency.import-preview',
] as const;

export const PRINT_ACTIONS = ['certificate.issue'] as const;

/** Prefixes of the bookkeeping entries: settings, the audit trail's own upkeep, backups, demo data. */
export const SYSTEM_PREFIXES = ['settings.', 'audit.', 'backup.', 'demo.'] as const;

export function auditKindOf(action: string): AuditKind {
  if (action.startsWith(ACCESS_ACTION_PREFIX)) return 'permission';
  if (action.startsWith('auth.')) return 'sign-in';
  if (action.endsWith('.export')) return 'export';
  if ((PRINT_ACTIONS as readonly string[]).includes(action)) return 'print';
  if (
    action.endsWith('.read') ||
    action.endsWith('.list') ||
    (READ_ACTIONS as readonly string[]).includes(action)
  )
    return 'read';
  if (SYSTEM_PREFIXES.some((p) => action.startsWith(p))) return 'system';
  return 'change';
}

export const AUDIT_FLAGS = ['many-records', 'off-hours', 'export'] as const;
export type AuditFlag = (typeof AUDIT_FLAGS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'audit.validation.time');

/** Numbers the center may change (domain.md §10 gives the defaults). */
export const auditSettingsSchema = z
  .object({
    /** Years an ordinary entry is kept (at least one: the safety-measure standard's floor). */
    retentionYears: z
      .number()
      .int()
      .min(1, 'audit.validation.retention')
      .max(10, 'audit.validation.retention'),
    /** Years a change of roles or permissions is kept; never shorter than the ordinary retention. */
    accessRetentionYears: z
      .number()
      .int()
      .min(1, 'audit.validation.retention')
      .max(10, 'audit.validation.retention'),
    /** More distinct people's records than this viewed by one account in one day is flagged. */
    manyRecordsPerDay: z
      .number()
      .int()
      .min(1, 'audit.validation.threshold')
      .max(100_000, 'audit.validation.threshold'),
    /** Office hours (Korean time); entries outside them, or on weekends when `weekdaysOnly`, are flagged. */
    officeStart: hhmm,
    officeEnd: hhmm,
    weekdaysOnly: z.boolean(),
  })
  .strict()
  .refine((s) => s.accessRetentionYears >= s.retentionYears, {
    message: 'audit.validation.accessRetention',
    path: ['accessRetentionYears'],
  })
  .refine((s) => s.officeStart < s.officeEnd, {
    message: 'audit.validation.officeHours',
    path: ['officeEnd'],
  });

export type AuditSettings = z.infer<typeof auditSettingsSchema>;

export const DEFAULT_AUDIT_SETTINGS: AuditSettings = {
  retentionYears: 2,
  accessRetentionYears: 3,
  manyRecordsPerDay: 50,
  officeStart: '08:00',
  officeEnd: '19:00',
  weekdaysOnly: true,
};

/** The center's audit settings from `centers.settings` (the `audit` entry), defaults where absent or bad. */
export function auditSettingsFrom(settingsJson: string | null | undefined): AuditSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(settingsJson ?? '{}');
  } catch {
    return DEFAULT_AUDIT_SETTINGS;
  }
  const audit = (parsed as { audit?: unknown } | null)?.audit;
  const result = auditSettingsSchema.safeParse(audit);
  return result.success ? result.data : DEFAULT_AUDIT_SETTINGS;
}

/** The settings JSON with the audit entry replaced; the other entries (kiosk…) are kept. */
export function withAuditSettings(settingsJson: string | null | undefined, audit: AuditSettings): string {
  let base: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(settingsJson ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      base = parsed as Record<string, unknown>;
  } catch {
    base = {};
  }
  return JSON.stringify({ ...base, audit });
}

/** The instant before which entries have expired: `years` calendar years before `now` (UTC). */
export function retentionHorizon(now: Date, years: number): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString();
}

const KST_MS = 9 * 3_600_000;

/** The Korean calendar day (YYYY-MM-DD) of an ISO instant: the centers' days. */
export function kstDay(iso: string): string {
  return new Date(Date.parse(iso) + KST_MS).toISOString().slice(0, 10);
}

/** Whether an instant falls outside office hours (Korean time), weekends included when weekdays only. */
export function isOffHours(
  iso: string,
  s: Pick<AuditSettings, 'officeStart' | 'officeEnd' | 'weekdaysOnly'>,
): boolean {
  const local = new Date(Date.parse(iso) + KST_MS);
  const day = local.getUTCDay();
  if (s.weekdaysOnly && (day === 0 || day === 6)) return true;
  const time = local.toISOString().slice(11, 16);
  return time < s.officeStart || time >= s.officeEnd;
}
