import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SqlDialect } from '../../db/migrations/types.ts';
import type { ServerDb } from '../../db/server/connection.ts';
import {
  checksumsOf,
  consistentRead,
  hasRowsAfter,
  latestSeq,
  scopesOf,
  snapshotRows,
} from '../../db/server/repositories/snapshot.ts';
import { parseScopeName } from '../../shared/sync/checksum.ts';
import {
  scopesQuerySchema,
  snapshotQuerySchema,
  type ScopesResponse,
  type SnapshotEndLine,
} from '../../shared/sync/snapshot.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import type { SyncCaller } from './rows.ts';
import { checkSchema } from './routes.ts';

// First download and checks (sync.md § First download and checks): the scopes of the caller with
// their checksums, and snapshots of one scope's current rows, streamed as newline-delimited JSON.

export interface SnapshotRouteDeps {
  db: ServerDb;
  dialect: SqlDialect;
  now: () => Date;
  authenticate: (req: FastifyRequest) => Promise<SyncCaller>;
  acceptedSchemas: { min: number; max: number };
}

/** Rows read from the database per query while streaming (one index range each). */
const READ_CHUNK = 2000;

export function registerSnapshotRoutes(app: FastifyInstance, d: SnapshotRouteDeps): void {
  app.get('/v1/sync/scopes', async (req): Promise<ScopesResponse> => {
    const caller = await d.authenticate(req);
    const q = parseOr400(scopesQuerySchema, req.query);
    checkSchema(q.schemaVersion, d.acceptedSchemas);
    if (caller.role === 'admin')
      return { scopes: [], upTo: 0, behind: false, serverTime: d.now().toISOString() };
    const scopes = scopesOf(caller);
    // One consistent read: the checksums describe exactly the rows up to `upTo`, and `behind` says
    // whether the desktop has all of those of its scopes.
    const { sums, upTo, behind } = await consistentRead(d.db, d.dialect, async (trx) => ({
      sums: await checksumsOf(trx, scopes, caller.role),
      upTo: await latestSeq(trx),
      behind: await hasRowsAfter(trx, caller, q.cursor),
    }));
    return {
      scopes: scopes.map((scope) => ({ scope, tables: sums.get(scope) ?? {} })),
      upTo,
      behind,
      serverTime: d.now().toISOString(),
    };
  });

  app.get('/v1/sync/snapshot', async (req, reply) => {
    const caller = await d.authenticate(req);
    const q = parseOr400(snapshotQuerySchema, req.query);
    checkSchema(q.schemaVersion, d.acceptedSchemas);
    const parsed = parseScopeName(q.scope);
    if (!parsed || caller.role === 'admin' || !(scopesOf(caller) as string[]).includes(q.scope)) {
      throw new HttpError(403, 'forbidden', 'That scope is not one of this account’s.', 'scope');
    }
    const scope = parsed;
    // Rows are read a chunk at a time and written as they come (the stream waits for the network), so
    // neither side holds a whole scope in memory. `data` is already JSON text: it goes out as it is.
    async function* lines(): AsyncGenerator<string> {
      let after = q.after;
      let sent = 0;
      for (;;) {
        const want = Math.min(READ_CHUNK, q.limit - sent);
        const rows = await snapshotRows(d.db, scope, caller, after, q.upTo, want);
        let out = '';
        for (const r of rows) {
          const deleted = r.deleted_at ? ',"x":1' : '';
          out += `{"t":${JSON.stringify(r.table_name)},"i":${JSON.stringify(r.row_id)},"s":${Number(r.seq)}${deleted},"d":${r.data}}\n`;
        }
        if (rows.length > 0) {
          after = Number(rows[rows.length - 1]?.seq);
          sent += rows.length;
          yield out;
        }
        if (rows.length < want || sent >= q.limit) {
          const end: SnapshotEndLine = { end: true, after, more: rows.length === want && sent >= q.limit };
          yield `${JSON.stringify(end)}\n`;
          return;
        }
      }
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
  });
}
