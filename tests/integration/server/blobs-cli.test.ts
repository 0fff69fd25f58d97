import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../db/server/connection.ts';
import { recordBlob, recordChunk } from '../../../db/server/repositories/blobs.ts';
import { insertSyncRow } from '../../../db/server/repositories/sync.ts';
import { runNode } from '../../support/run-node.ts';
import { freshDatabase, SERVER_DIALECTS } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';

// `caseworker-server blobs sweep` (server/blobs/sweep.ts), the way an operator runs it after a manual
// change: a file whose only row is a tombstone loses its bytes (a whole file, and chunks of an upload that
// was never put together), a file a live row still names keeps them; the rows stay. Over the database
// store and over a `--blob-dir` folder, on both dialects.

const CLI = 'server/cli/caseworker-server.ts';
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const LIVE = 'a'.repeat(64);
const REMOVED = 'b'.repeat(64);
const HALF = 'c'.repeat(64);
const AT = '2026-12-01T00:00:00.000Z';

function attachmentRow(id: string, sha256: string, removed: 0 | 1) {
  return {
    table_name: 'attachments',
    row_id: id,
    seq: removed ? 11 : 10,
    scope_center: 'SEL01',
    scope_owner: null,
    scope_region: null,
    parent_key: null,
    data: JSON.stringify({ id, sha256, removed, file_name: `${id}.pdf` }),
    field_meta: '{}',
    updated_at: AT,
  };
}

describe.each(SERVER_DIALECTS)('caseworker-server blobs sweep over %s', (dialect) => {
  for (const where of ['database', 'folder'] as const)
    it(`drops only what no live row names, kept in the ${where}`, async () => {
      const database = await freshDatabase(dialect);
      cleanups.push(database.drop);
      const { dir, remove } = tempDir('caseworker-blob-sweep-');
      cleanups.push(remove);
      const file = (sha: string) => join(dir, sha.slice(0, 2), sha, '0');
      const opened = await openServerDb(database.url);
      try {
        for (const [sha, whole] of [
          [LIVE, true],
          [REMOVED, true],
          [HALF, false],
        ] as const) {
          const bytes = new TextEncoder().encode(`%PDF-1.7 ${sha}`);
          await recordChunk(opened.db, {
            sha256: sha,
            n: 0,
            size: bytes.length,
            bytes: where === 'database' ? bytes : null,
            at: AT,
          });
          if (where === 'folder') {
            mkdirSync(join(dir, sha.slice(0, 2), sha), { recursive: true });
            writeFileSync(file(sha), bytes);
          }
          if (whole)
            await recordBlob(opened.db, {
              sha256: sha,
              size: bytes.length,
              mime: 'application/pdf',
              chunkCount: 1,
              at: AT,
              by: 'kim01',
            });
        }
        await insertSyncRow(opened.db, attachmentRow('01960000-0000-7000-8000-00000000000a', LIVE, 0));
        await insertSyncRow(opened.db, attachmentRow('01960000-0000-7000-8000-00000000000b', REMOVED, 1));
      } finally {
        await opened.close();
      }

      const args = [
        'blobs',
        'sweep',
        '--db',
        database.url,
        ...(where === 'folder' ? ['--blob-dir', dir] : []),
      ];
      const run = await runNode(CLI, args);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe('dropped 1 removed files and 1 unfinished uploads');

      const check = await openServerDb(database.url);
      try {
        const blobs = await check.db.selectFrom('blobs').select('sha256').orderBy('sha256').execute();
        expect(blobs.map((b) => b.sha256)).toEqual([LIVE]);
        const chunks = await check.db.selectFrom('blob_chunks').select('sha256').execute();
        expect(chunks.map((c) => c.sha256)).toEqual([LIVE]);
        // The rows stay: the tombstone keeps the hash.
        const rows = await check.db.selectFrom('sync_rows').select('data').orderBy('row_id').execute();
        expect(rows.map((r) => (JSON.parse(r.data) as { sha256: string }).sha256)).toEqual([LIVE, REMOVED]);
      } finally {
        await check.close();
      }
      if (where === 'folder') {
        expect(existsSync(file(LIVE))).toBe(true);
        expect(existsSync(file(REMOVED))).toBe(false);
        expect(existsSync(file(HALF))).toBe(false);
      }

      // Run again: nothing left to drop.
      const again = await runNode(CLI, args);
      expect(again.code).toBe(0);
      expect(again.stdout.trim()).toBe('dropped 0 removed files and 0 unfinished uploads');
    });

  it('refuses a missing database url on one line', async () => {
    const run = await runNode(CLI, ['blobs', 'sweep']);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
