import { describe, expect, it } from 'vitest';
import {
  auditKindOf,
  auditSettingsFrom,
  auditSettingsSchema,
  DEFAULT_AUDIT_SETTINGS,
  isAccessAction,
  isOffHours,
  kstDay,
  retentionHorizon,
  withAuditSettings,
} from '../../../../shared/domain/audit.ts';

describe('audit vocabulary', () => {
  it('sorts actions into the kinds the supervisor filters by', () => {
    expect(auditKindOf('jobseeker.read')).toBe('read');
    expect(auditKindOf('jobseeker.list')).toBe('read');
    expect(auditKindOf('matching.forJobseeker')).toBe('read');
    expect(auditKindOf('jobseeker.update')).toBe('change');
    expect(auditKindOf('certificate.issue')).toBe('print');
    expect(auditKindOf('report.export')).toBe('export');
    expect(auditKindOf('sync.outbox.export')).toBe('export');
    expect(auditKindOf('account.role')).toBe('permission');
    expect(auditKindOf('auth.login.failed')).toBe('sign-in');
    expect(auditKindOf('audit.purge')).toBe('system');
  });

  it('marks account changes for the longer retention', () => {
    expect(isAccessAction('account.password-reset')).toBe(true);
    expect(isAccessAction('auth.login')).toBe(false);
  });

  it('tells office hours in Korean time, weekends included', () => {
    const s = DEFAULT_AUDIT_SETTINGS;
    expect(isOffHours('2026-10-06T01:00:00Z', s)).toBe(false); // Tue 10:00 KST
    expect(isOffHours('2026-10-05T22:59:00Z', s)).toBe(true); // Tue 07:59 KST
    expect(isOffHours('2026-10-06T10:00:00Z', s)).toBe(true); // Tue 19:00 KST
    expect(isOffHours('2026-10-10T01:00:00Z', s)).toBe(true); // Sat 10:00 KST
    expect(isOffHours('2026-10-10T01:00:00Z', { ...s, weekdaysOnly: false })).toBe(false);
    expect(kstDay('2026-10-05T15:30:00Z')).toBe('2026-10-06');
  });

  it('computes horizons in calendar years', () => {
    expect(retentionHorizon(new Date('2026-11-22T08:00:00Z'), 2)).toBe('2024-11-22T08:00:00.000Z');
  });

  it('keeps settings with the kiosk’s, with defaults for anything missing or wrong', () => {
    const json = withAuditSettings(JSON.stringify({ kiosk: { a: 1 } }), {
      ...DEFAULT_AUDIT_SETTINGS,
      manyRecordsPerDay: 30,
    });
    expect(JSON.parse(json)).toMatchObject({ kiosk: { a: 1 }, audit: { manyRecordsPerDay: 30 } });
    expect(auditSettingsFrom(json).manyRecordsPerDay).toBe(30);
    expect(auditSettingsFrom('{"audit":{"retentionYears":0}}')).toEqual(DEFAULT_AUDIT_SETTINGS);
    expect(auditSettingsFrom('not json')).toEqual(DEFAULT_AUDIT_SETTINGS);
  });

  it('refuses a retention below a year, account changes kept shorter, and office hours backwards', () => {
    const bad = (patch: object) =>
      auditSettingsSchema.safeParse({ ...DEFAULT_AUDIT_SETTINGS, ...patch }).success;
    expect(bad({ retentionYears: 0 })).toBe(false);
    expect(bad({ retentionYears: 3, accessRetentionYears: 2 })).toBe(false);
    expect(bad({ officeStart: '19:00', officeEnd: '08:00' })).toBe(false);
    expect(bad({ officeStart: '8:00' })).toBe(false);
    expect(bad({})).toBe(true);
  });
});
