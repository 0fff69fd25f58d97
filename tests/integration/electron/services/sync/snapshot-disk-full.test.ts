import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreDiskFull } from '../../../../../db/errors.ts';
import { openDesktopStore } from '../../../../../electron/services/store.ts';
import { PROGRESS_PREFIX } from '../../../../../electron/services/sync/snapshot-batch.ts';
import { threadWriter } from '../../../../../electron/services/sync/snapshot-thread.ts';
import { TEST_STORE_KEY } from '../../../../support/temp-store.ts';

// A first download written on its own thread (the app's and the CLI's way) onto a really full disk: a
// 16 MiB tmpfs (room for the store with every index of 0022 once the filler is gone). The batch fails with StoreDiskFull on this side of the thread too, the batches before it
// stand with their progress, and a new writer continues once there is room. Mounting needs root; where
// the machine refuses, the test is skipped and says why.

const SCOPE = 'center:T01';
const mountPoint = mkdtempSync(join(tmpdir(), 'caseworker-tmpfs-'));
const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', mountPoint], {
  encoding: 'utf8',
});
const mounted = mount.status === 0;
if (!mounted) {
  console.warn(
    `snapshot-disk-full: skipped, a tmpfs cannot be mounted here (${(mount.stderr || String(mount.error)).trim()})`,
  );
}
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  if (mounted) spawnSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

function caseLine(i: number): string {
  const id = `01990000-0000-7000-8000-${String(i).padStart(12, '0')}`;
  return JSON.stringify({
    t: 'jobseekers',
    i: id,
    s: 10 * i,
    d: {
      id,
      reg_no: `26-T${String(i).padStart(7, '0')}`,
      center_code: 'T01',
      name: `구직자${i}`,
      birth_year: 1980 + (i % 30),
      gender: 'female',
      phone: `010${20_000_000 + i}`,
      sido: '11',
      status: 'active',
      registered_at: '2026-11-01T00:00:00.000Z',
      created_at: '2026-11-01T00:00:00.000Z',
      updated_at: '2026-11-01T00:00:00.000Z',
      archived: 0,
    },
  });
}
const cases = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => caseLine(from + k));

function fillUp(file: string, leaveBytes: number): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) {
      const s = statfsSync(mountPoint);
      const free = s.bavail * s.bsize;
      if (free <= leaveBytes) break;
      writeSync(fd, chunk, 0, Math.min(chunk.length, free - leaveBytes));
    }
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!mounted)('a first download on its own thread, onto a full disk (tmpfs)', () => {
  it('fails the batch with StoreDiskFull, keeps the batches before it, and continues once there is room', async () => {
    const dir = join(mountPoint, 'desk');
    mkdirSync(dir, { mode: 0o700 });
    const store = await openDesktopStore(dir, { key: TEST_STORE_KEY });
    cleanups.push(() => store.close());
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from jobseekers`.execute(store.db)).rows[0]?.n);
    const progress = async () =>
      (
        await store.db
          .selectFrom('sync_cursors')
          .select('cursor')
          .where('scope', '=', PROGRESS_PREFIX + SCOPE)
          .executeTakeFirst()
      )?.cursor ?? null;

    const writer = threadWriter(store.file, TEST_STORE_KEY, store.context.now);
    cleanups.push(() => writer.abort());
    await expect(writer.write(SCOPE, cases(1, 101))).resolves.toMatchObject({ applied: 100 });
    const filler = join(mountPoint, 'filler');
    fillUp(filler, 64 * 1024);
    const failed = await writer.write(SCOPE, cases(101, 2101)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(StoreDiskFull);
    await writer.close();
    expect(await count()).toBe(100);
    expect(Number(await progress())).toBe(1000);

    rmSync(filler);
    const again = threadWriter(store.file, TEST_STORE_KEY, store.context.now);
    cleanups.push(() => again.abort());
    await expect(again.write(SCOPE, cases(101, 2101))).resolves.toMatchObject({ applied: 2000 });
    await again.close();
    expect(await count()).toBe(2100);
    expect(Number(await progress())).toBe(21000);
    expect(store.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
