import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { addAttachment, openAttachment } from '../../../electron/services/attachments/files.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { BLOB_CHUNK_BYTES, chunkCount } from '../../../shared/attachments/limits.ts';
import { pngOfSize, tinyPdf } from '../../support/attachment-files.ts';
import { cuttingProxy } from '../../support/cutting-proxy.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk } from '../../support/sync-desktop.ts';
import type { BlobSync } from '../../../electron/services/sync/blobs.ts';

// Issue 18 item 3, as the issue proves it: a 50 MB set of attachments goes from one desktop to the
// server and on to another desktop over real HTTP, on SQLite and on PostgreSQL; the connection is cut
// half-way through the upload and again half-way through the download (a real TCP cut, by a proxy);
// each resumes from the chunks already across, and what arrives is byte for byte what was attached.

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const MB = 1024 * 1024;

function blobsOf(desk: SyncDesk): BlobSync {
  if (!desk.client.blobs) throw new Error('the desk has no blob sync');
  return desk.client.blobs;
}

describe.each(SERVER_DIALECTS)('attachment sync over HTTP (%s)', (dialect) => {
  it('moves a 50 MB set through cut connections, resumed, byte-identical', async () => {
    const server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'kim01', role: 'counselor', center: 'SEL01' },
        { loginId: 'lee02', role: 'counselor', center: 'SEL01' },
      ],
    );
    cleanups.push(server.close);
    const upProxy = await cuttingProxy(server.url);
    const downProxy = await cuttingProxy(server.url);
    cleanups.push(
      () => upProxy.close(),
      () => downProxy.close(),
    );
    const a = await openSyncDesk(server.url, 'kim01', { blobUrl: upProxy.url });
    const b = await openSyncDesk(server.url, 'lee02', { blobUrl: downProxy.url });
    cleanups.push(a.close, b.close);

    const js = await createJobseeker(
      a.store.context,
      a.session,
      {
        name: '한서류',
        birthYear: 1988,
        gender: null,
        phone: null,
        email: null,
        sido: '11',
        sigungu: null,
        desiredOccupation: null,
        desiredWage: null,
        mobile: false,
      },
      true,
    );
    // Six scans of about 8.4 MB (incompressible) = a little over 50 MB, and a small PDF résumé.
    const files = [
      ...Array.from({ length: 6 }, (_, i) => ({ name: `scan-${i}.png`, bytes: pngOfSize(8.4 * MB, i + 7) })),
      { name: '이력서.pdf', bytes: tinyPdf('resume of 한서류') },
    ];
    const total = files.reduce((s, f) => s + f.bytes.length, 0);
    expect(total).toBeGreaterThan(50 * MB);
    const ids: string[] = [];
    for (const f of files) {
      const view = await addAttachment(a.store.context, a.session, {
        parent: { table: 'jobseekers', id: js.id },
        kind: f.name.endsWith('.pdf') ? 'resume' : 'form',
        fileName: f.name,
        bytes: f.bytes,
      });
      ids.push(view.id);
    }
    const totalChunks = files.reduce((s, f) => s + chunkCount(f.bytes.length), 0);

    // Upload, cut after about half of the bytes have left the desktop.
    upProxy.cutAfter(Math.floor(total / 2), 'up');
    await expect(a.client.syncOnce()).rejects.toThrow(/broke off|cannot be reached/);
    expect(upProxy.cut).toBe(true);
    const arrived = await server.opened.db
      .selectFrom('blob_chunks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(arrived.n)).toBeGreaterThan(totalChunks / 4);
    expect(Number(arrived.n)).toBeLessThan(totalChunks);
    // The rows went (they are not bytes); no file was taken whole past the cut.
    const whole = await server.opened.db.selectFrom('blobs').select('sha256').execute();
    expect(whole.length).toBeLessThan(files.length);

    // The network returns: only the missing chunks are sent.
    upProxy.heal();
    const resumed = await blobsOf(a).transfer();
    expect(resumed.refused).toBe(0);
    expect(resumed.chunksSent).toBe(totalChunks - Number(arrived.n));
    expect(await server.opened.db.selectFrom('blobs').select('sha256').execute()).toHaveLength(files.length);

    // The other desktop: rows first, then the bytes, cut half-way and resumed.
    downProxy.cutAfter(Math.floor(total / 2), 'down');
    await expect(b.client.syncOnce()).rejects.toThrow(/broke off|cannot be reached/);
    const partial = await b.store.db.selectFrom('attachment_chunks').select('n').execute();
    expect(partial.length).toBeGreaterThan(0);
    downProxy.heal();
    const fetched = await blobsOf(b).transfer();
    expect(fetched.downloaded).toBeGreaterThan(0);
    // Chunks already here were not fetched again.
    expect(fetched.chunksReceived).toBeLessThan(totalChunks);
    expect(await b.store.db.selectFrom('attachment_chunks').select('n').execute()).toHaveLength(0);

    for (const [i, f] of files.entries()) {
      const content = await openAttachment(b.store.context, b.session, {
        id: ids[i] ?? '',
        purpose: 'download',
      });
      const bytes = Buffer.from(content.base64, 'base64');
      expect(bytes.length).toBe(f.bytes.length);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(
        createHash('sha256').update(f.bytes).digest('hex'),
      );
      expect(bytes.equals(f.bytes)).toBe(true);
      expect(content.fileName).toBe(f.name);
    }
    // Never in the row log: no synced row carries more than its metadata.
    const biggest = await server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('table_name', '=', 'attachments')
      .execute();
    for (const r of biggest) expect(r.data.length).toBeLessThan(BLOB_CHUNK_BYTES / 1000);
  }, 240_000);
});
