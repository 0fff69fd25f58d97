import { z } from 'zod';
import {
  CHECKIN_EVENT_KINDS,
  CHECKIN_STATUSES,
  KIOSK_LANGUAGES,
  selfCheckSchema,
} from '../../domain/kiosk.ts';
import { isKoreanPhone } from '../../domain/phone.ts';
import { daySchema } from '../../domain/day.ts';
import { ticketPrefixSchema } from '../../domain/tickets.ts';
import { CENTER_ADMIN_ROLES, anyUuid, col, enumOf, int, jsonText, text, timestamp } from './columns.ts';
import type { TableDecl } from './types.ts';

// The center's own rows: its settings row (kiosk texts, counters, audit settings), the kiosk's tickets
// and their events, and the audit trail (domain.md §8, §10).

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const never = { update: 'never' } as const;
const CHECKIN_ROLES = ['counselor', 'supervisor'] as const;
// A kiosk PC syncs in the name of whoever set it up online, usually an admin: its tickets (and their
// `issued` events) must reach the server for the queue, the other kiosks' letters and the lobby
// display (issue 18). Adding them reads nothing; admins still receive no ticket (server/sync/roles.ts).
const TICKET_ISSUERS = [...CHECKIN_ROLES, 'admin'] as const;

export const centerTables = {
  // Made by `caseworker-server center add`, never by a push; only its settings change, by the center's
  // supervisors and admins (domain.md §1: admins keep the center settings; 팀장 run the center).
  centers: {
    insert: [],
    columns: {
      code: col(z.string(), { scope: 'center' }),
      name: col(text(100, 1), never),
      sido: col(z.string(), never),
      sigungu: col(z.string().nullable(), never),
      settings: col(
        jsonText(
          20_000,
          z.record(z.string(), z.unknown()).refine((v) => !Array.isArray(v)),
        ),
        { optional: true, update: CENTER_ADMIN_ROLES },
      ),
      updated_at: col(timestamp, { optional: true, update: CENTER_ADMIN_ROLES }),
    },
  },
  checkins: {
    insert: TICKET_ISSUERS,
    columns: {
      center_code: col(z.string(), { scope: 'center' }),
      ticket_no: col(int(1, 100_000), never),
      service: col(slug),
      status: col(enumOf(CHECKIN_STATUSES), { optional: true }),
      self_check: col(jsonText(500, selfCheckSchema).nullable()),
      created_at: col(timestamp, never),
      called_at: col(timestamp.nullable()),
      done_at: col(timestamp.nullable()),
      counter: col(slug.nullable()),
      called_by: col(anyUuid.nullable(), { author: 'user' }),
      ticket_day: col(daySchema('validation.date').nullable(), never),
      language: col(enumOf(KIOSK_LANGUAGES), { optional: true }),
      visitor_name: col(text(30).nullable()),
      visitor_phone: col(z.string().regex(/^\d+$/).refine(isKoreanPhone).nullable()),
      consent_version: col(text(40).nullable()),
      consent_at: col(timestamp.nullable()),
      jobseeker_id: col(anyUuid.nullable()),
      // The appointment the visitor said they came for (issue 16 item 1); set once, by the kiosk.
      appointment_id: col(anyUuid.nullable(), never),
      redirects: col(int(0, 1_000), { optional: true }),
      ticket_prefix: col(ticketPrefixSchema, { optional: true, update: 'never' }),
    },
  },
  checkin_events: {
    insert: TICKET_ISSUERS,
    columns: {
      checkin_id: col(anyUuid, { scope: 'parent' }),
      kind: col(enumOf(CHECKIN_EVENT_KINDS)),
      at: col(timestamp),
      service: col(slug),
      counter: col(slug.nullable()),
      user_id: col(anyUuid.nullable(), { author: 'user' }),
    },
  },
  // Each entry names its actor and device; the server takes both from the token (a different value is
  // refused) and the hash chain per device is verified in server/sync/audit-chain.ts.
  audit_entries: {
    insert: ['counselor', 'supervisor', 'admin'],
    columns: {
      at: col(timestamp),
      actor_id: col(anyUuid.nullable(), { author: 'user' }),
      actor_login: col(text(64).nullable()),
      device_id: col(anyUuid, { author: 'device' }),
      action: col(text(64, 1)),
      subject_type: col(text(64, 1)),
      subject_id: col(text(64).nullable()),
      person_id: col(anyUuid.nullable()),
      detail: col(jsonText(4_000).nullable()),
      prev_hash: col(hash),
      hash: col(hash),
      center_code: col(z.string(), { scope: 'center', author: 'center' }),
    },
  },
} as const satisfies Record<string, TableDecl>;
