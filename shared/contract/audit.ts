import { z } from 'zod';
import {
  AUDIT_KINDS,
  auditSettingsSchema,
  type AuditFlag,
  type AuditKind,
  type AuditSettings,
} from '../domain/audit.ts';
import { channel } from './channel.ts';

// The audit trail (domain.md §10, issue 8): the supervisor's screen (entries with filters, flagged
// patterns, a chart per day), the chain check, the retention purge and its settings. Supervisors read
// the trail; counselors never do (who looked at what is not theirs to see); an admin may check the
// chain, purge expired entries and set the retention.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'audit.validation.date');

export const auditFilterSchema = z
  .object({
    from: day,
    to: day,
    actorId: z.string().uuid('validation.id').optional(),
    kind: z.enum(AUDIT_KINDS).optional(),
    /** A jobseeker's registration number or id. */
    person: z.string().trim().min(1).max(64, 'validation.tooLong').optional(),
    deviceId: z.string().trim().min(1).max(64, 'validation.tooLong').optional(),
    flaggedOnly: z.boolean().default(false),
  })
  .strict()
  .refine((f) => f.from <= f.to, { message: 'audit.validation.period', path: ['to'] });

export const auditListInputSchema = z
  .object({
    filter: auditFilterSchema,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export interface AuditEntryView {
  id: string;
  at: string;
  actorLogin: string | null;
  actorName: string | null;
  deviceId: string;
  /** This PC made the entry. */
  thisDevice: boolean;
  action: string;
  kind: AuditKind;
  subjectType: string;
  subjectId: string | null;
  /** Whose data: the registration number and a masked name (김*늘), never the full name. */
  person: { id: string; regNo: string | null; maskedName: string | null } | null;
  detail: Record<string, unknown> | null;
  flags: AuditFlag[];
}

export interface AuditListPage {
  total: number;
  offset: number;
  entries: AuditEntryView[];
}

export interface AuditFinding {
  flag: AuditFlag;
  day: string;
  actorLogin: string | null;
  /** Distinct people (many-records), entries (off-hours) or exports, that day. */
  count: number;
}

export interface AuditOverview {
  days: Array<{ day: string; entries: number; flagged: boolean }>;
  findings: AuditFinding[];
  settings: AuditSettings;
  accounts: Array<{ id: string; login: string; name: string | null }>;
  devices: Array<{ id: string; thisDevice: boolean }>;
  /** The person filter named nobody this desktop knows. */
  unknownPerson: boolean;
}

export interface AuditChainReport {
  ok: boolean;
  /** Entries checked (up to the break). */
  count: number;
  /** Gaps left by the retention purge, each covered by its anchor. */
  purgedGaps: number;
  /**
   * Entries of other desktops whose predecessor has not reached this desktop yet (sync repairs it): not
   * tampering. Absent in reports made before it existed.
   */
  awaiting?: number;
  broken: {
    position: number;
    id: string;
    at: string;
    deviceId: string;
    seq: number;
    reason: 'link' | 'content';
  } | null;
}

export interface AuditPurgeReport {
  purged: number;
  anchors: number;
  horizon: string;
  accessHorizon: string;
}

const SUPERVISOR = ['supervisor'] as const;
const KEEPERS = ['supervisor', 'admin'] as const;
const none = z.object({}).strict();

export const auditChannels = {
  'audit:list': channel<AuditListPage>()({
    surface: 'desk',
    access: SUPERVISOR,
    input: auditListInputSchema,
  }),
  'audit:overview': channel<AuditOverview>()({
    surface: 'desk',
    access: SUPERVISOR,
    input: z.object({ filter: auditFilterSchema }).strict(),
  }),
  'audit:verify': channel<AuditChainReport>()({ surface: 'desk', access: KEEPERS, input: none }),
  'audit:purge': channel<AuditPurgeReport>()({ surface: 'desk', access: KEEPERS, input: none }),
  'audit:settings': channel<AuditSettings>()({ surface: 'desk', access: KEEPERS, input: none }),
  'audit:saveSettings': channel<AuditSettings>()({
    surface: 'desk',
    access: KEEPERS,
    input: z.object({ settings: auditSettingsSchema }).strict(),
  }),
};
