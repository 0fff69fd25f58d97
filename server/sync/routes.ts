import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SqlDialect } from '../../db/migrations/types.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import { lockSequencer, rowsAfter } from '../../db/server/repositories/sync.ts';
import {
  mutationSchema,
  pullQuerySchema,
  pushRequestSchema,
  type Mutation,
  type MutationResult,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync/protocol.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import { applyMutation, type SyncCaller } from './apply.ts';
import { Refusal, mayRead } from './rows.ts';
import { mayReceive, mayReceiveResult } from './roles.ts';
import { PushWork } from './push-work.ts';
import { PushClock } from './clock.ts';
import { checkEnvelope, hasNul, payloadHash } from './validate.ts';
import { flushAuditChain } from './audit-chain.ts';
import { refusalText } from '../../shared/sync/refusals.ts';
import { faultPoint } from './fault-points.ts';

// Push and pull (sync.md § Model). Push applies each mutation in its own transaction, in the order
// sent: one refused mutation never blocks the ones after it, and a mutation already seen from this
// device (same client_seq) is re-acknowledged with its first answer instead of being applied twice.

export interface SyncRouteDeps {
  db: ServerDb;
  dialect: SqlDialect;
  now: () => Date;
  authenticate: (req: FastifyRequest) => Promise<SyncCaller>;
  acceptedSchemas: { min: number; max: number };
  /**
   * Benchmarks only (tests/bench): false skips the declaration and flow checks so the push bench can
   * measure their cost side by side. Tests and the server never set it.
   */
  validatePushes?: boolean;
}

/** The envelope checks, then the mutation itself (which checks it against its table's declaration). */
async function checkedApply(
  work: PushWork,
  caller: SyncCaller,
  m: Mutation,
  json: string,
  now: string,
): Promise<MutationResult> {
  try {
    checkEnvelope(m, json);
  } catch (error) {
    if (error instanceof Refusal) return { clientSeq: m.clientSeq, status: 'refused', reason: error.message };
    throw error;
  }
  return applyMutation(work, caller, m, now);
}

export function checkSchema(version: number, accepted: { min: number; max: number }): void {
  if (version < accepted.min || version > accepted.max) {
    throw new HttpError(
      409,
      'schema-unsupported',
      `This server accepts desktop schema versions ${accepted.min} to ${accepted.max}; this desktop has ${version}. ` +
        'Keep working offline and update the app; unsent changes are kept.',
    );
  }
}

/**
 * One push request from `caller` (sync.md § Model): the whole request in one transaction under the
 * sequencer lock. Also used by a join (server/sync/join-routes.ts), where an admin pushes a joining
 * desktop's records as each of their authors.
 */
export async function runPush(
  d: SyncRouteDeps,
  caller: SyncCaller,
  body: { schemaVersion: number; mutations: unknown[] },
): Promise<PushResponse> {
  checkSchema(body.schemaVersion, d.acceptedSchemas);
  // One transaction for the whole request, under the sequencer lock: all of it commits or none of it
  // does (a crash mid-push is retried whole and re-acknowledged mutation by mutation). A refusal is a
  // result, not an error, so one refused mutation never stops the ones after it.
  const validate = d.validatePushes !== false;
  const results = await d.db.transaction().execute(async (trx) => {
    await lockSequencer(trx, d.dialect);
    await faultPoint('push-locked', { device: caller.deviceId, mutations: body.mutations.length });
    const work = new PushWork(trx);
    // HLCs far ahead of the server's time are re-stamped before any rule reads them (sync/clock.ts).
    const clock = new PushClock(d.now());
    // A NUL character is refused before anything reaches the database (PostgreSQL text cannot hold
    // one); the rest is parsed, and the rows the valid changes name are read up front.
    const texts = body.mutations.map((raw) => JSON.stringify(raw) ?? 'null');
    const checked = body.mutations.map((raw, i) =>
      hasNul(texts[i] ?? '') ? null : mutationSchema.safeParse(raw),
    );
    const valid = checked.flatMap((p) => (p?.success ? [p.data] : []));
    await work.prefetch(caller.deviceId, valid);
    const out: MutationResult[] = [];
    for (const [i, raw] of body.mutations.entries()) {
      const parsed = checked[i];
      const rawSeq = (raw as { clientSeq?: unknown } | null)?.clientSeq;
      const clientSeq = typeof rawSeq === 'number' && Number.isSafeInteger(rawSeq) ? rawSeq : -1;
      if (!parsed) {
        out.push({ clientSeq, status: 'refused', reason: refusalText('nulCharacter') });
        continue;
      }
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // A bad clock value (too long, wrong shape) has its own word in the catalog, whichever check
        // caught it: the protocol's bounded schema here, or the envelope check (validate.ts).
        if (issue?.path.length === 1 && issue.path[0] === 'hlc') {
          out.push({ clientSeq, status: 'refused', reason: refusalText('badClock') });
          continue;
        }
        out.push({
          clientSeq,
          status: 'refused',
          reason: refusalText('malformedChange', {
            path: issue?.path.map(String).join('.').slice(0, 80) ?? '',
            problem: issue?.message.slice(0, 200) ?? 'is invalid',
          }),
        });
        continue;
      }
      const m = parsed.data;
      const hash = payloadHash(texts[i] ?? '');
      let result: MutationResult;
      const seen = work.seenResult(m.clientSeq);
      if (seen && seen.payload_hash !== null && seen.payload_hash !== hash) {
        // The same client_seq with other content: not a re-send. Refused, and the first answer stays.
        out.push({
          clientSeq: m.clientSeq,
          status: 'refused',
          reason: refusalText('payloadMismatch', { clientSeq: String(m.clientSeq) }),
        });
        continue;
      }
      if (seen) {
        result = {
          clientSeq: m.clientSeq,
          status: seen.status === 'refused' ? 'refused' : 'duplicate',
          ...(seen.seq !== null ? { seq: Number(seen.seq) } : {}),
          ...(seen.reason ? { reason: seen.reason } : {}),
        };
      } else {
        result = validate
          ? await checkedApply(work, caller, clock.check(m), texts[i] ?? '', d.now().toISOString())
          : await applyMutation(work, caller, clock.check(m), d.now().toISOString(), false);
        work.addResult({
          device_id: caller.deviceId,
          client_seq: m.clientSeq,
          status: result.status,
          seq: result.seq ?? null,
          reason: result.reason ?? null,
          review_fields: result.reviewFields ? JSON.stringify(result.reviewFields) : null,
          author_id: caller.userId,
          committed_at: d.now().toISOString(),
          payload_hash: hash,
        });
      }
      const current = await work.getRow(m.table, m.rowId);
      // The server's row goes back only to someone who may see it (a refusal for another center's
      // record must not hand out that record), and never as a tombstone (pull delivers those).
      out.push(
        current &&
          !current.deleted_at &&
          mayRead(caller, current, m.table) &&
          mayReceiveResult(caller, current)
          ? {
              ...result,
              row: { seq: Number(current.seq), data: JSON.parse(current.data) as Record<string, unknown> },
            }
          : result,
      );
    }
    await work.flush();
    await flushAuditChain(work);
    await clock.flag(trx, caller, d.now().toISOString());
    return out;
  });
  await faultPoint('push-committed', { device: caller.deviceId, results: results.length });
  return { results, serverTime: d.now().toISOString() };
}

export function registerSyncRoutes(app: FastifyInstance, d: SyncRouteDeps): void {
  app.post('/v1/sync/push', async (req): Promise<PushResponse> => {
    const caller = await d.authenticate(req);
    const body = parseOr400(pushRequestSchema, req.body);
    return runPush(d, caller, body);
  });

  app.get('/v1/sync/pull', async (req): Promise<PullResponse> => {
    const caller = await d.authenticate(req);
    const q = parseOr400(pullQuerySchema, req.query);
    checkSchema(q.schemaVersion, d.acceptedSchemas);
    const rows = await rowsAfter(
      d.db,
      { centerCode: caller.centerCode, userId: caller.userId, region: caller.region, role: caller.role },
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
      // The cursor advances over the whole page; an admin receives only the center's settings row.
      rows: page
        .filter((r) => mayReceive(caller, r))
        .map((r) => ({
          table: r.table_name,
          id: r.row_id,
          seq: Number(r.seq),
          data: JSON.parse(r.data) as Record<string, unknown>,
          ...(r.deleted_at ? { deleted: true as const } : {}),
        })),
      cursor: page.length > 0 ? Number(page[page.length - 1]?.seq) : q.cursor,
      hasMore: rows.length > q.limit,
      serverTime: d.now().toISOString(),
    };
  });
}
