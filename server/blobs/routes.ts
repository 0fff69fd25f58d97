import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerDb } from '../../db/server/connection.ts';
import { getBlob, presentChunks, recordBlob } from '../../db/server/repositories/blobs.ts';
import { getSyncRow } from '../../db/server/repositories/sync.ts';
import { judgeContent, HEAD_BYTES, TAIL_BYTES } from '../../shared/attachments/content.ts';
import { BLOB_CHUNK_BYTES, SHA256_HEX, chunkCount } from '../../shared/attachments/limits.ts';
import type { Caller } from '../auth/caller.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import { mayRead } from '../sync/rows.ts';
import type { BlobStore } from './store.ts';

// Attachment bytes over HTTP (issue 18 item 3): chunked, resumable, content-addressed, never in the row
// log. Every request names the attachment row it is for (`?table=&id=`): the server serves and accepts
// bytes only for a row the caller may see (its parent's scope, from the database), not removed, whose
// sha256 is the one in the path. A desktop pushes the row first, then the bytes:
//   GET  /v1/blobs/:sha256            what has arrived (chunk numbers) and whether the file is complete
//   PUT  /v1/blobs/:sha256/chunks/:n  one chunk (application/octet-stream, BLOB_CHUNK_BYTES but the last)
//   POST /v1/blobs/:sha256/commit     puts the chunks together: hash, size and type checked, or all dropped
//   GET  /v1/blobs/:sha256/chunks/:n  one chunk of a complete file
// A file over the server's limit, of a type other than PDF, JPEG or PNG, or not matching its hash is
// refused and nothing of it is kept.

export const BLOB_TABLES = ['attachments', 'employer_attachments'] as const;

export interface BlobRouteDeps {
  db: ServerDb;
  now: () => Date;
  authenticate: (req: FastifyRequest) => Promise<Caller>;
  store: BlobStore;
  /** The largest file the server accepts (`--max-attachment-bytes`). */
  maxBytes: number;
}

const shaParam = z.object({ sha256: z.string().regex(SHA256_HEX) }).strict();
const chunkParam = z
  .object({ sha256: z.string().regex(SHA256_HEX), n: z.coerce.number().int().min(0).max(100_000) })
  .strict();
const rowQuery = z.object({ table: z.enum(BLOB_TABLES), id: z.string().uuid() }).strict();

interface AttachmentMeta {
  size: number;
  mime: string;
  fileName: string;
}

export function registerBlobRoutes(app: FastifyInstance, d: BlobRouteDeps): void {
  // Chunks arrive as raw bytes; the bound is one chunk (and a little), whatever the JSON routes allow.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: BLOB_CHUNK_BYTES + 1024 },
    (_req, body, done) => done(null, body),
  );

  /** The attachment row the request names, if the caller may see it and it is about this content. */
  async function attachment(
    req: FastifyRequest,
    sha256: string,
  ): Promise<AttachmentMeta & { caller: Caller }> {
    const caller = await d.authenticate(req);
    const q = parseOr400(rowQuery, req.query);
    const row = await getSyncRow(d.db, q.table, q.id);
    const data = row ? (JSON.parse(row.data) as Record<string, unknown>) : null;
    if (!row || !data || row.deleted_at || !mayRead(caller, row, q.table) || data['sha256'] !== sha256)
      throw new HttpError(404, 'not-found', 'No such attachment in your scopes.');
    if (data['removed'] === 1) throw new HttpError(410, 'removed', 'This attachment was removed.');
    const size = Number(data['size']);
    if (!(size > 0) || size > d.maxBytes)
      throw new HttpError(
        413,
        'too-large',
        `The file is larger than this server accepts (${d.maxBytes} bytes).`,
      );
    return { caller, size, mime: String(data['mime']), fileName: String(data['file_name']) };
  }

  function expectedLength(size: number, n: number): number {
    return n === chunkCount(size) - 1 ? size - n * BLOB_CHUNK_BYTES : BLOB_CHUNK_BYTES;
  }

  app.get('/v1/blobs/:sha256', async (req) => {
    const { sha256 } = parseOr400(shaParam, req.params);
    const a = await attachment(req, sha256);
    const complete = (await getBlob(d.db, sha256)) !== undefined;
    return {
      sha256,
      size: a.size,
      chunkSize: BLOB_CHUNK_BYTES,
      chunkCount: chunkCount(a.size),
      complete,
      present: complete ? [] : await presentChunks(d.db, sha256),
    };
  });

  app.put('/v1/blobs/:sha256/chunks/:n', async (req) => {
    const { sha256, n } = parseOr400(chunkParam, req.params);
    const a = await attachment(req, sha256);
    if (!Buffer.isBuffer(req.body))
      throw new HttpError(415, 'bad-body', 'Send the chunk as application/octet-stream.');
    if (n >= chunkCount(a.size)) throw new HttpError(400, 'validation', 'No such chunk in this file.', 'n');
    if (req.body.length !== expectedLength(a.size, n))
      throw new HttpError(400, 'validation', 'The chunk has the wrong length.', 'body');
    if (await getBlob(d.db, sha256)) return { stored: false, complete: true };
    await d.store.put(sha256, n, req.body, d.now().toISOString());
    return { stored: true, complete: false };
  });

  app.post('/v1/blobs/:sha256/commit', async (req) => {
    const { sha256 } = parseOr400(shaParam, req.params);
    const a = await attachment(req, sha256);
    if (await getBlob(d.db, sha256)) return { complete: true };
    const count = chunkCount(a.size);
    const present = new Set(await presentChunks(d.db, sha256));
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !present.has(i));
    if (missing.length > 0)
      throw new HttpError(409, 'incomplete', `Chunks still missing: ${missing.slice(0, 20).join(', ')}.`);
    const hash = createHash('sha256');
    let total = 0;
    let head: Uint8Array = new Uint8Array();
    let tail: Uint8Array = new Uint8Array();
    for (let n = 0; n < count; n++) {
      const bytes = await d.store.get(sha256, n);
      if (!bytes) throw new HttpError(409, 'incomplete', `Chunk ${n} is missing.`);
      hash.update(bytes);
      total += bytes.length;
      if (n === 0) head = bytes.subarray(0, HEAD_BYTES);
      tail = Buffer.concat([tail, bytes]).subarray(-TAIL_BYTES);
    }
    const refuse = async (status: number, code: string, message: string): Promise<never> => {
      await d.store.drop(sha256);
      throw new HttpError(status, code, message);
    };
    if (total !== a.size || hash.digest('hex') !== sha256)
      return refuse(422, 'hash-mismatch', 'The file does not match its hash; send it again.');
    const verdict = judgeContent(a.fileName, total, head, tail);
    if (!verdict.ok || verdict.type !== a.mime)
      return refuse(415, 'type-refused', 'Only whole PDF, JPEG and PNG files are kept.');
    await recordBlob(d.db, {
      sha256,
      size: total,
      mime: verdict.type,
      chunkCount: count,
      at: d.now().toISOString(),
      by: a.caller.userId,
    });
    return { complete: true };
  });

  app.get('/v1/blobs/:sha256/chunks/:n', async (req, reply) => {
    const { sha256, n } = parseOr400(chunkParam, req.params);
    await attachment(req, sha256);
    const blob = await getBlob(d.db, sha256);
    if (!blob) throw new HttpError(409, 'incomplete', 'The file has not been uploaded whole yet.');
    if (n >= Number(blob.chunk_count)) throw new HttpError(400, 'validation', 'No such chunk.', 'n');
    const bytes = await d.store.get(sha256, n);
    if (!bytes) throw new HttpError(500, 'internal', 'A stored chunk is missing.');
    return reply.type('application/octet-stream').send(Buffer.from(bytes));
  });
}
