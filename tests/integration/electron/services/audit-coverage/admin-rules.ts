import type { ChannelName } from '../../../../../shared/contract/index.ts';

import type { Rule } from './rules.ts';

// The audit walk's rules (audit-coverage.test.ts): settings, accounts, joining a server, sync, the audit
// trail, backups, the kiosk and drafts.

/** In the order they are called (after the files before it in audit-coverage.test.ts). */
export const ADMIN_RULES: Partial<Record<ChannelName, Rule>> = {
  'settings:getKiosk': { kind: 'none', why: 'kiosk texts and counters' },
  'settings:saveKiosk': { kind: 'none', why: 'kiosk texts and counters (settings.kiosk.save)' },
  'settings:getDevice': { kind: 'none', why: "this PC's start mode" },
  'settings:saveDevice': { kind: 'none', why: "this PC's start mode (settings.device.save)" },
  'settings:getServerTrust': { kind: 'none', why: "this PC's server address and CA file" },
  'settings:saveServerTrust': { kind: 'none', why: "this PC's CA file (settings.serverTrust.save)" },

  'accounts:list': { kind: 'none', why: "the center's staff accounts" },
  'accounts:create': {
    kind: 'permission',
    as: 'admin',
    input: () => ({
      loginId: 'audited1',
      displayName: '감사 상담사',
      role: 'counselor',
      password: 'Audit-pass-2026',
    }),
  },
  'accounts:update': {
    kind: 'permission',
    as: 'admin',
    input: (s) => ({ id: s.f.sessions.counselor2.userId, role: 'supervisor' }),
  },
  'accounts:unlock': {
    kind: 'permission',
    as: 'admin',
    input: (s) => ({ id: s.f.sessions.counselor2.userId }),
  },
  'accounts:resetPassword': {
    kind: 'permission',
    as: 'admin',
    input: (s) => ({ id: s.f.sessions.counselor2.userId, password: 'Reset-pass-2026' }),
  },

  'join:plan': { kind: 'none', why: 'pairs account login ids and counts records; no personal data' },
  'join:apply': {
    kind: 'elsewhere',
    why: 'needs a sync server: the sync.join entry is covered by tests/integration/sync/join-http.test.ts',
  },
  'sync:status': { kind: 'none', why: 'counts of unsent changes' },
  'sync:now': { kind: 'none', why: 'starts a sync' },
  'sync:reviews': {
    kind: 'elsewhere',
    why: 'audited (sync.reviews.read) when it shows items, which come from a sync server',
  },
  'sync:exportOutbox': { kind: 'export', input: () => ({ purpose: '기기 교체 전 보관' }) },
  'sync:resolveReview': { kind: 'elsewhere', why: 'needs a review item from a sync server' },
  'sync:resendRefused': { kind: 'elsewhere', why: 'needs a change a sync server refused' },
  'sync:handRefused': { kind: 'elsewhere', why: 'needs a change a sync server refused' },

  'audit:list': { kind: 'none', why: 'the audit trail itself (ids, masked names); opening it is audit.view' },
  'audit:overview': {
    kind: 'logged',
    as: 'supervisor',
    input: () => ({ filter: { from: '2026-11-01', to: '2026-11-02' } }),
  },
  'audit:verify': { kind: 'logged', as: 'supervisor', input: () => ({}) },
  'audit:purge': { kind: 'logged', as: 'admin', input: () => ({}) },
  'audit:settings': { kind: 'none', why: 'retention and thresholds' },
  'audit:saveSettings': { kind: 'none', why: 'retention and thresholds (settings.audit.save)' },

  'backups:list': { kind: 'none', why: 'backup file names, times and sizes' },
  'backups:progress': { kind: 'none', why: "the running backup job's progress" },
  'backups:saveSettings': { kind: 'none', why: 'backup interval and rotation (settings.backup.save)' },
  'backups:make': { kind: 'elsewhere', why: 'needs the store gate (backup.make): backups/backups.test.ts' },
  'backups:verify': {
    kind: 'elsewhere',
    why: 'needs the store gate (backup.verify): backups/backups.test.ts',
  },
  'backups:restore': {
    kind: 'elsewhere',
    why: 'needs the store gate (backup.restore): backups/backups.test.ts',
  },
  'auth:damagedStore': { kind: 'none', why: 'backup file names and verdicts, before sign-in' },
  'auth:restoreDamaged': {
    kind: 'elsewhere',
    why: 'needs a damaged store behind the gate (backup.restore): backups/damaged-store.test.ts',
  },

  'kiosk:welcome': { kind: 'none', why: 'public kiosk texts' },
  'kiosk:openings': { kind: 'none', why: 'public openings' },
  'kiosk:takeTicket': { kind: 'none', why: "the visitor's own ticket, at the kiosk (checkin.issue)" },
  'kiosk:endVisit': { kind: 'none', why: 'clears the kiosk screen' },
  'kiosk:ticketPrint': { kind: 'none', why: 'number, counter and time only (checkin.print)' },
  'kiosk:lobbyCalls': { kind: 'none', why: 'ticket numbers and counters only, for the lobby display' },
  'settings:getTicketDevice': { kind: 'none', why: "this PC's ticket letter and printer" },
  'settings:saveTicketDevice': {
    kind: 'none',
    why: "this PC's ticket letter and printer (settings.ticketDevice.save)",
  },
  'drafts:get': {
    kind: 'exempt',
    why: "the caller's own unsaved typing, shown back only to them; the saved record is audited",
  },
  'drafts:keep': { kind: 'exempt', why: "the caller's own unsaved typing on this PC, never synced" },
  'drafts:discard': { kind: 'exempt', why: "removes the caller's own unsaved typing" },
};
