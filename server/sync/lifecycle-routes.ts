import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerDb } from '../../db/server/connection.ts';
import {
  exitsAfter,
  openItemsFor,
  userNames,
  type ReviewItemRow,
} from '../../db/server/repositories/lifecycle.ts';
import {
  CHOICES_BY_KIND,
  exitsQuerySchema,
  type ExitsResponse,
  type ReviewItem,
  type ReviewsResponse,
} from '../../shared/sync/protocol.ts';
import { parseOr400 } from '../http-errors.ts';
import type { SyncCaller } from './rows.ts';
import { isCaseBlind } from './roles.ts';

// What a desktop learns besides rows (sync.md § Conflicts, § Scopes): the open review items of its
// scopes, each with both values, both authors (by name) and when, and the rows that left its scopes.
// Admins manage accounts and never see case data, so they get no items.

export interface LifecycleRouteDeps {
  db: ServerDb;
  now: () => Date;
  authenticate: (req: FastifyRequest) => Promise<SyncCaller>;
}

/** Fields whose values are account ids: the item names the people instead. */
const PERSON_FIELDS = new Set([
  'assigned_counselor_id',
  'counselor_id',
  'called_by',
  'decided_by',
  'recorded_by',
]);

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export function toReviewItem(i: ReviewItemRow, names: Map<string, string>): ReviewItem {
  const kept = parse(i.kept_value);
  const held = parse(i.held_value);
  const valueLabels: Record<string, string> = {};
  if (PERSON_FIELDS.has(i.field)) {
    for (const v of [kept, held]) {
      if (typeof v === 'string' && names.has(v)) valueLabels[v] = names.get(v) ?? v;
    }
  }
  return {
    id: i.id,
    kind: i.kind,
    table: i.table_name,
    rowId: i.row_id,
    caseId: i.case_id,
    field: i.field,
    keptValue: kept,
    keptAuthor: i.kept_author,
    keptAuthorName: names.get(i.kept_author) ?? null,
    keptAt: i.kept_at,
    heldValue: held,
    heldAuthor: i.held_author,
    heldAuthorName: names.get(i.held_author) ?? null,
    heldAt: i.held_at,
    valueLabels,
    detail: i.detail ? (JSON.parse(i.detail) as Record<string, unknown>) : null,
    createdAt: i.created_at,
    status: i.status,
    choices: CHOICES_BY_KIND[i.kind],
  };
}

export function registerLifecycleRoutes(app: FastifyInstance, d: LifecycleRouteDeps): void {
  app.get('/v1/sync/reviews', async (req): Promise<ReviewsResponse> => {
    const caller = await d.authenticate(req);
    if (caller.role === 'admin') return { items: [], serverTime: d.now().toISOString() };
    const items = await openItemsFor(d.db, caller);
    const people = items.flatMap((i) => {
      const ids = [i.kept_author, i.held_author];
      if (PERSON_FIELDS.has(i.field)) {
        for (const v of [parse(i.kept_value), parse(i.held_value)]) if (typeof v === 'string') ids.push(v);
      }
      return ids;
    });
    const names = await userNames(d.db, people);
    return { items: items.map((i) => toReviewItem(i, names)), serverTime: d.now().toISOString() };
  });

  app.get('/v1/sync/exits', async (req): Promise<ExitsResponse> => {
    const caller = await d.authenticate(req);
    const q = parseOr400(exitsQuerySchema, req.query);
    // Admins hold no case data, so no case leaves their desktop (and its ids are not theirs to learn).
    if (isCaseBlind(caller))
      return { exits: [], cursor: q.cursor, hasMore: false, serverTime: d.now().toISOString() };
    const page = await exitsAfter(d.db, caller, q.cursor, q.limit);
    return { ...page, serverTime: d.now().toISOString() };
  });
}
