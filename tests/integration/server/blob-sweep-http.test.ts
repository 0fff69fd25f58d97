import { existsSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addAttachment,
  openAttachment,
  removeAttachment,
} from '../../../electron/services/attachments/files.ts';
import { createJobseeker } from '../../../electron/services/jobseekers.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { png, tinyPdf } from '../../support/attachment-files.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, type SyncDesk } from '../../support/sync-desktop.ts';
import { tempDir } from '../../support/temp-store.ts';
import { createHash } from 'node:crypto';

// Retention of a removed attachment's bytes (issue 18 item 3, server/blobs/sweep.ts), over real HTTP on
// both dialects: once the last live row naming a file is removed, its bytes leave the server (database
// or folder) and every desktop at their next sync; a file another live row still names is kept, and
// the tombstone and the audit entries keep the hash. PostgreSQL runs with the folder store, SQLite with
// the database store, so both places are swept.

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function serverHas(server: Awaited<ReturnType<typeof startSyncServer>>, sha256: string) {
  const db = server.opened.db;
  const blob = await db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256).execute();
  const chunks = await db.selectFrom('blob_chunks').select('n').where('sha256', '=', sha256).execute();
  return { blob: blob.length, chunks: chunks.length };
}

async function deskHas(desk: SyncDesk, sha256: string): Promise<number> {
  const rows = await desk.store.db
    .selectFrom('attachment_blobs')
    .select('sha256')
    .where('sha256', '=', sha256)
    .execute();
  return rows.length;
}

describe.each(SERVER_DIALECTS)('removed attachments’ bytes (%s)', (dialect) => {
  it('drops a removed file’s bytes on the server and the desktops, and keeps a file still named', async () => {
    const folder = tempDir('caseworker-blob-sweep-');
    cleanups.push(folder.remove);
    const server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'kim01', role: 'counselor', center: 'SEL01' },
        { loginId: 'lee02', role: 'supervisor', center: 'SEL01' },
      ],
      dialect === 'postgres' ? { blobs: { place: { kind: 'folder', dir: folder.dir } } } : {},
    );
    cleanups.push(server.close);
    const a = await openSyncDesk(server.url, 'kim01');
    const b = await openSyncDesk(server.url, 'lee02');
    cleanups.push(a.close, b.close);

    const person = (name: string) => jobseekerFieldsSchema.parse({ name, birthYear: 1990, sido: '11' });
    const one = await createJobseeker(a.store.context, a.session, person('정삭제'), true);
    const two = await createJobseeker(a.store.context, a.session, person('정유지'), true);
    const resume = tinyPdf('resume to be removed');
    const shared = png(320, 200, 5);
    const attach = (jobseekerId: string, fileName: string, bytes: Uint8Array) =>
      addAttachment(a.store.context, a.session, {
        parent: { table: 'jobseekers', id: jobseekerId },
        kind: 'resume',
        fileName,
        bytes,
      });
    const gone = await attach(one.id, '이력서.pdf', resume);
    // The same scan on both cases: one content, two rows.
    const sharedOnOne = await attach(one.id, '자격증.png', shared);
    const sharedOnTwo = await attach(two.id, '자격증.png', shared);
    await a.client.syncOnce();
    await b.client.syncOnce();
    expect(await serverHas(server, sha(resume))).toEqual({ blob: 1, chunks: 1 });
    expect(await deskHas(b, sha(resume))).toBe(1);
    expect(await deskHas(b, sha(shared))).toBe(1);
    if (dialect === 'postgres') expect(readdirSync(folder.dir).length).toBe(2);

    // The résumé is removed on A; the scan is removed from one case only.
    await removeAttachment(a.store.context, a.session, { id: gone.id, reason: '잘못 올린 파일' });
    await removeAttachment(a.store.context, a.session, { id: sharedOnOne.id, reason: '중복' });
    expect(await deskHas(a, sha(resume))).toBe(0);
    expect(await deskHas(a, sha(shared))).toBe(1);
    await a.client.syncOnce();

    // The server: the résumé's bytes are gone wherever they were kept; the scan, still named, stays.
    expect(await serverHas(server, sha(resume))).toEqual({ blob: 0, chunks: 0 });
    expect(await serverHas(server, sha(shared))).toEqual({ blob: 1, chunks: 1 });
    if (dialect === 'postgres') {
      const dir = `${folder.dir}/${sha(resume).slice(0, 2)}/${sha(resume)}`;
      expect(existsSync(dir)).toBe(false);
      expect(existsSync(`${folder.dir}/${sha(shared).slice(0, 2)}/${sha(shared)}`)).toBe(true);
    }
    // Asked for by its row, the removed file answers 410 (no bytes to serve).
    const token = await a.client.token(false);
    const asked = await fetch(`${server.url}/v1/blobs/${sha(resume)}?table=attachments&id=${gone.id}`, {
      headers: { authorization: `Bearer ${token ?? ''}` },
    });
    expect(asked.status).toBe(410);

    // The other desktop: the tombstone arrives with the pull, and the bytes leave that PC too.
    await b.client.syncOnce();
    expect(await deskHas(b, sha(resume))).toBe(0);
    expect(await deskHas(b, sha(shared))).toBe(1);
    const kept = await openAttachment(b.store.context, b.session, {
      id: sharedOnTwo.id,
      purpose: 'download',
    });
    expect(Buffer.from(kept.base64, 'base64').equals(shared)).toBe(true);
    await expect(
      openAttachment(b.store.context, b.session, { id: gone.id, purpose: 'preview' }),
    ).rejects.toMatchObject({ error: { message: 'attachments.error.removed' } });

    // What stays: the tombstone with its hash and reason, and the audit entries with the hash.
    const tomb = await server.opened.db
      .selectFrom('sync_rows')
      .select('data')
      .where('table_name', '=', 'attachments')
      .where('row_id', '=', gone.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(tomb.data)).toMatchObject({
      sha256: sha(resume),
      removed: 1,
      removed_reason: '잘못 올린 파일',
    });
    const audit = await a.store.db
      .selectFrom('audit_entries')
      .select(['action', 'detail'])
      .where('subject_id', '=', gone.id)
      .where('action', 'in', ['attachment.add', 'attachment.remove'])
      .execute();
    expect(audit).toHaveLength(2);
    for (const e of audit) expect(String(e.detail)).toContain(sha(resume));

    // Idempotent: a second sync (and the daily sweep) changes nothing more.
    await a.client.syncOnce();
    expect(await serverHas(server, sha(shared))).toEqual({ blob: 1, chunks: 1 });
  }, 120_000);
});
