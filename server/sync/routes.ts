import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SqlDialect } from '../../db/migrations/types.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import {
  getPushResult,
  getSyncRow,
  insertPushResult,
  lockSequencer,
  openReviewItems,
  rowsAfter,
} from '../../db/server/repositories/sync.ts';
import {
  mutationSchema,
  pullQuerySchema,
  pushRequestSchema,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  type ReviewItem,
} from '../../shared/sync/protocol.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import { applyMutation, type SyncCaller } from './apply.ts';

// Push and pull (sync.md § Model). Push applies each mutation in its own transaction, in the order
// sent: one refused mutation never blocks the ones after it, and a mutation already seen from this
// device (same client_seq) is re-acknowledged with its first answer instead of being applied twice.

export interface SyncRouteDeps {
  db: ServerDb;
  dialect: SqlDialect;
  now: () => Date;
  authenticate: (req: FastifyRequest) => Promise<SyncCaller>;
  acceptedSchemas: { min: number; max: number };
}

function checkSchema(version: number, accepted: { min: number; max: number }): void {
  if (version < accepted.min || version > accepted.max) {
    throw new HttpError(
      409,
      'schema-unsupported',
      `This server accepts desktop schema versions ${accepted.min} to ${accepted.max}; this desktop has ${version}. ` +
        'Keep working offline and update the app; unsent changes are kept.',
    );
  }
}

export function registerSyncRoutes(app: FastifyInstance, d: SyncRouteDeps): void {
  app.post('/v1/sync/push', async (req): Promise<PushResponse> => {
    const caller = await d.authenticate(req);
    const body = parseOr400(pushRequestSchema, req.body);
    checkSchema(body.schemaVersion, d.acceptedSchemas);
    const results: MutationResult[] = [];
    for (const raw of body.mutations) {
      const parsed = mutationSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const clientSeq = (raw as { clientSeq?: unknown } | null)?.clientSeq;
        results.push({
          clientSeq: typeof clientSeq === 'number' ? clientSeq : -1,
          status: 'refused',
          reason: `Malformed change: "${issue?.path.map(String).join('.') ?? ''}" ${issue?.message ?? 'is invalid'}.`,
        });
        continue;
      }
      const m = parsed.data;
      const result = await d.db.transaction().execute(async (trx) => {
        await lockSequencer(trx, d.dialect);
        const seen = await getPushResult(trx, caller.deviceId, m.clientSeq);
        if (seen) {
          return {
            clientSeq: m.clientSeq,
            status: seen.status === 'refused' ? 'refused' : 'duplicate',
            ...(seen.seq !== null ? { seq: Number(seen.seq) } : {}),
            ...(seen.reason ? { reason: seen.reason } : {}),
          } satisfies MutationResult;
        }
        const applied = await applyMutation(trx, caller, m, d.now().toISOString());
        await insertPushResult(trx, {
          device_id: caller.deviceId,
          client_seq: m.clientSeq,
          status: applied.status,
          seq: applied.seq ?? null,
          reason: applied.reason ?? null,
          review_fields: applied.reviewFields ? JSON.stringify(applied.reviewFields) : null,
          author_id: caller.userId,
          committed_at: d.now().toISOString(),
        });
        return applied;
      });
      const current = await getSyncRow(d.db, m.table, m.rowId);
      results.push(
        current
          ? {
              ...result,
              row: { seq: Number(current.seq), data: JSON.parse(current.data) as Record<string, unknown> },
            }
          : result,
      );
    }
    return { results, serverTime: d.now().toISOString() };
  });

  app.get('/v1/sync/pull', async (req): Promise<PullResponse> => {
    const caller = await d.authenticate(req);
    const q = parseOr400(pullQuerySchema, req.query);
    checkSchema(q.schemaVersion, d.acceptedSchemas);
    const rows = await rowsAfter(
      d.db,
      { centerCode: caller.centerCode, userId: caller.userId, region: caller.region },
      q.cursor,
      q.limit + 1,
    );
    const page = rows.slice(0, q.limit);
    const [center, users] = await Promise.all([
      d.db.selectFrom('centers').selectAll().where('code', '=', caller.centerCode).executeTakeFirst(),
      d.db
        .selectFrom('users')
        .select(['id', 'login_id', 'display_name', 'role', 'center_code'])
        .where('center_code', '=', caller.centerCode)
        .execute(),
    ]);
    return {
      center: center
        ? { code: center.code, name: center.name, sido: center.sido, sigungu: center.sigungu }
        : null,
      users: users.map((u) => ({
        id: u.id,
        loginId: u.login_id,
        displayName: u.display_name,
        role: u.role,
        centerCode: u.center_code,
      })),
      rows: page.map((r) => ({
        table: r.table_name,
        id: r.row_id,
        seq: Number(r.seq),
        data: JSON.parse(r.data) as Record<string, unknown>,
      })),
      cursor: page.length > 0 ? Number(page[page.length - 1]?.seq) : q.cursor,
      hasMore: rows.length > q.limit,
      serverTime: d.now().toISOString(),
    };
  });

  app.get('/v1/sync/reviews', async (req): Promise<{ items: ReviewItem[] }> => {
    const caller = await d.authenticate(req);
    const items = await openReviewItems(d.db, {
      centerCode: caller.centerCode,
      userId: caller.userId,
      region: caller.region,
    });
    return {
      items: items.map((i) => ({
        id: i.id,
        table: i.table_name,
        rowId: i.row_id,
        field: i.field,
        keptValue: JSON.parse(i.kept_value ?? 'null') as unknown,
        keptAuthor: i.kept_author,
        heldValue: JSON.parse(i.held_value ?? 'null') as unknown,
        heldAuthor: i.held_author,
        createdAt: i.created_at,
        status: i.status,
      })),
    };
  });
}
