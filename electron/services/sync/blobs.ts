import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CaseDb } from '../../../db/connection.ts';
import { dropUnusedBlobs } from '../../../db/repositories/attachments.ts';
import { BLOB_CHUNK_BYTES, chunkCount } from '../../../shared/attachments/limits.ts';
import type { BlobHttp } from './blob-http.ts';

// Moves attachment bytes between this desktop and the server after the rows are in sync (issue 18
// item 3). Uploads: files added here whose row the server has accepted (seq > 0) and that it does not
// hold whole yet; it says which chunks it has, only the rest is sent, then it checks the hash. Downloads:
// files named by rows this desktop holds but not their bytes; each chunk commits on its own, so a cut
// connection resumes with the next missing chunk; the file is kept only once its hash matches. A file
// whose row was removed is neither sent nor fetched, and its bytes leave this PC once no live row here
// names them (the tombstone, and the audit entries, keep the hash).

type FileTable = 'attachments' | 'employer_attachments';

interface Want {
  table: FileTable;
  id: string;
  sha256: string;
  size: number;
}

export interface BlobCounts {
  uploaded: number;
  downloaded: number;
  chunksSent: number;
  chunksReceived: number;
  /** Files the server refused (over its limit, wrong type, hash): said, kept here, tried again later. */
  refused: number;
  /** Files whose last live row was removed or purged, dropped from this PC (bytes only; rows stay). */
  dropped: number;
}

interface Status {
  complete: boolean;
  present: number[];
  chunkCount: number;
}

export class BlobSync {
  private readonly db: CaseDb;
  private readonly http: BlobHttp;
  private readonly token: (stale: boolean) => Promise<string | undefined>;

  constructor(db: CaseDb, http: BlobHttp, token: (stale: boolean) => Promise<string | undefined>) {
    this.db = db;
    this.http = http;
    this.token = token;
  }

  private async call(method: 'GET' | 'PUT' | 'POST', path: string, body?: Uint8Array) {
    let r = await this.http.request(method, path, await this.token(false), body);
    if (r.status === 401) r = await this.http.request(method, path, await this.token(true), body);
    return r;
  }

  private async status(w: Want): Promise<Status | null> {
    const r = await this.call('GET', `/v1/blobs/${w.sha256}?${query(w)}`);
    if (r.status !== 200) return null;
    return JSON.parse(r.body.toString('utf8')) as Status;
  }

  async transfer(): Promise<BlobCounts> {
    const counts: BlobCounts = {
      uploaded: 0,
      downloaded: 0,
      chunksSent: 0,
      chunksReceived: 0,
      refused: 0,
      dropped: 0,
    };
    // A removal that arrived with the pull (another PC's) takes the file's bytes off this PC too.
    counts.dropped = await dropUnusedBlobs(this.db);
    await this.upload(counts);
    await this.download(counts);
    return counts;
  }

  private async wanted(uploads: boolean): Promise<Want[]> {
    const rows = await sql<Want>`
      select 'attachments' as "table", a.id, a.sha256, a.size from attachments a
        ${uploads ? sql`join attachment_blobs b on b.sha256 = a.sha256 and b.uploaded = 0` : sql``}
        where a.removed = 0 and ${uploads ? sql`a.seq > 0` : sql`a.sha256 not in (select sha256 from attachment_blobs)`}
      union all
      select 'employer_attachments' as "table", a.id, a.sha256, a.size from employer_attachments a
        ${uploads ? sql`join attachment_blobs b on b.sha256 = a.sha256 and b.uploaded = 0` : sql``}
        where a.removed = 0 and ${uploads ? sql`a.seq > 0` : sql`a.sha256 not in (select sha256 from attachment_blobs)`}
    `.execute(this.db);
    // One transfer per content, whatever number of rows name it.
    const seen = new Set<string>();
    return rows.rows.filter((w) => !seen.has(w.sha256) && seen.add(w.sha256));
  }

  private async upload(counts: BlobCounts): Promise<void> {
    for (const w of await this.wanted(true)) {
      const s = await this.status(w);
      if (!s) continue; // the row is not (yet) the server's, or was removed: nothing to send for it
      if (!s.complete) {
        const row = await this.db
          .selectFrom('attachment_blobs')
          .select('bytes')
          .where('sha256', '=', w.sha256)
          .executeTakeFirst();
        if (!row) continue;
        const bytes = Buffer.from(row.bytes);
        const have = new Set(s.present);
        for (let n = 0; n < chunkCount(bytes.length); n++) {
          if (have.has(n)) continue;
          const chunk = bytes.subarray(n * BLOB_CHUNK_BYTES, (n + 1) * BLOB_CHUNK_BYTES);
          const r = await this.call('PUT', `/v1/blobs/${w.sha256}/chunks/${n}?${query(w)}`, chunk);
          if (r.status !== 200) throw new Error(`The server refused a chunk (${r.status}).`);
          counts.chunksSent++;
        }
        const c = await this.call('POST', `/v1/blobs/${w.sha256}/commit?${query(w)}`);
        if (c.status !== 200) {
          counts.refused++;
          continue;
        }
      }
      await this.db
        .updateTable('attachment_blobs')
        .set({ uploaded: 1 })
        .where('sha256', '=', w.sha256)
        .execute();
      counts.uploaded++;
    }
  }

  private async download(counts: BlobCounts): Promise<void> {
    for (const w of await this.wanted(false)) {
      const s = await this.status(w);
      if (!s?.complete) continue; // not uploaded whole yet: the next sync looks again
      const have = new Set(
        (
          await this.db.selectFrom('attachment_chunks').select('n').where('sha256', '=', w.sha256).execute()
        ).map((r) => Number(r.n)),
      );
      for (let n = 0; n < s.chunkCount; n++) {
        if (have.has(n)) continue;
        const r = await this.call('GET', `/v1/blobs/${w.sha256}/chunks/${n}?${query(w)}`);
        if (r.status !== 200) throw new Error(`The server did not send a chunk (${r.status}).`);
        await this.db
          .insertInto('attachment_chunks')
          .values({ sha256: w.sha256, n, bytes: r.body })
          .onConflict((oc) => oc.columns(['sha256', 'n']).doNothing())
          .execute();
        counts.chunksReceived++;
      }
      await this.assemble(w, s.chunkCount, counts);
    }
  }

  /** Puts the chunks together; keeps the file only when its hash and size match the row's. */
  private async assemble(w: Want, count: number, counts: BlobCounts): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const chunks = await trx
        .selectFrom('attachment_chunks')
        .select(['n', 'bytes'])
        .where('sha256', '=', w.sha256)
        .orderBy('n')
        .execute();
      const bytes = Buffer.concat(chunks.slice(0, count).map((c) => c.bytes));
      const hash = createHash('sha256').update(bytes).digest('hex');
      await trx.deleteFrom('attachment_chunks').where('sha256', '=', w.sha256).execute();
      if (chunks.length !== count || hash !== w.sha256 || bytes.length !== Number(w.size)) return;
      await trx
        .insertInto('attachment_blobs')
        .values({ sha256: w.sha256, size: bytes.length, bytes, uploaded: 1 })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      counts.downloaded++;
    });
  }
}

function query(w: Want): string {
  return `table=${w.table}&id=${encodeURIComponent(w.id)}`;
}
