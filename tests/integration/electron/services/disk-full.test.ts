import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getMeta } from '../../../../db/repositories/meta.ts';
import { createJobseeker } from '../../../../electron/services/jobseekers.ts';
import { syncStatus } from '../../../../electron/services/sync/desktop-sync.ts';
import { SyncScheduler, type SyncState } from '../../../../electron/services/sync/scheduler.ts';
import { StoreDiskFull } from '../../../../db/errors.ts';
import { jobseekerFieldsSchema } from '../../../../shared/domain/jobseeker.ts';
import { counts, diskFull, integrity, roomAgain } from '../../../support/disk-full.ts';
import { openSyncDesk, startSyncServer, type SyncServer } from '../../../support/sync-desktop.ts';
import { dispatcherFor, makeTestStore, type TestStore } from '../../../support/temp-store.ts';

// A full disk on the desktop (issue #14 item 4), made for real with `PRAGMA max_page_count`: the write
// fails with the disk named (not "cannot rollback - no transaction is active"), nothing of it stays,
// the store is intact, and the same work succeeds once there is room again.

describe('a write through the services while the disk is full', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await makeTestStore();
  });
  afterEach(() => t.cleanup());

  it('answers errors.diskFull, keeps nothing of it, and works again once there is room', async () => {
    const counselor = await t.signIn('counselor1');
    const { dispatch, desk, errors } = dispatcherFor(t.store);
    const created = await dispatch(desk(counselor), 'jobseekers:create', {
      fields: { name: '윤서준', birthYear: 1988, sido: '11', phone: '010-7777-8888' },
      confirmedNotDuplicate: true,
    });
    expect(created.ok).toBe(true);
    const jobseekerId = (created as { value: { id: string } }).value.id;
    const body = '고용24 구직신청 완료, 다음 주 면접 준비를 함께 하기로 함. '.repeat(60);
    const before = await counts(t.store.db);

    diskFull(t.store.raw);
    const refused = await dispatch(desk(counselor), 'casework:addNote', {
      jobseekerId,
      kind: 'phone',
      body,
    });
    expect(refused).toEqual({ ok: false, error: { code: 'unavailable', message: 'errors.diskFull' } });
    expect(await counts(t.store.db)).toEqual(before);
    expect(integrity(t.store.raw)).toBe('ok');
    // Logged by name and code, without what was typed.
    expect(errors.at(-1)?.['err']).toMatchObject({ name: 'StoreDiskFull', code: 'disk-full' });
    expect(JSON.stringify(errors)).not.toContain('면접');

    roomAgain(t.store.raw);
    const saved = await dispatch(desk(counselor), 'casework:addNote', { jobseekerId, kind: 'phone', body });
    expect(saved.ok).toBe(true);
    expect((await counts(t.store.db))['counseling_notes']).toBe((before['counseling_notes'] ?? 0) + 1);
    expect(integrity(t.store.raw)).toBe('ok');
  });
});

describe('sync while the disk is full', () => {
  let server: SyncServer;
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  async function setup() {
    server = await startSyncServer(
      'sqlite',
      [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
      [
        { loginId: 'kim01', role: 'counselor', center: 'SEL01' },
        { loginId: 'lee01', role: 'counselor', center: 'SEL01' },
      ],
    );
    closers.push(server.close);
    const writer = await openSyncDesk(server.url, 'kim01');
    closers.push(writer.close);
    return writer;
  }

  async function writeCases(writer: Awaited<ReturnType<typeof setup>>, n: number, from = 0) {
    for (let i = from; i < from + n; i++) {
      const fields = jobseekerFieldsSchema.parse({
        name: `구직자${i}`,
        birthYear: 1980 + (i % 20),
        phone: `010-${String(1000 + i).padStart(4, '0')}-${String(2000 + i).padStart(4, '0')}`,
        sido: '11',
      });
      await createJobseeker(writer.store.context, writer.session, fields, true);
    }
    await writer.client.syncOnce();
  }

  it('a pull page: StoreDiskFull, the cursor stays, the next sync after room returns completes', async () => {
    const writer = await setup();
    const reader = await openSyncDesk(server.url, 'lee01');
    closers.push(reader.close);
    await writer.client.syncOnce();
    await reader.client.syncOnce(); // its first download, while there is room
    const cursorBefore = await reader.store.db.selectFrom('sync_cursors').selectAll().execute();
    await writeCases(writer, 40);

    // The background sync, as the app runs it, with its timers driven by hand.
    let due: (() => void) | null = null;
    const scheduler = new SyncScheduler(() => reader.client.syncOnce(), {
      setTimeout: (fn) => ((due = fn), 1),
      clearTimeout: () => (due = null),
    });
    const runOnce = () =>
      new Promise<SyncState>((resolve) => {
        const off = scheduler.onChange((s) => {
          if (!s.running && s.nextAttempt !== null && due !== null && started) {
            off();
            resolve(s);
          }
          if (s.running) started = true;
        });
        let started = false;
        const fire = due;
        due = null;
        fire?.();
      });
    scheduler.start();

    diskFull(reader.store.raw);
    const beforeRows = await counts(reader.store.db);
    const failed = await runOnce();
    expect(failed).toMatchObject({ lastErrorCode: 'disk-full', failures: 1 });
    expect(failed.lastError).toMatch(/disk is full/);
    expect(await reader.store.db.selectFrom('sync_cursors').selectAll().execute()).toEqual(cursorBefore);
    expect((await counts(reader.store.db))['jobseekers']).toBe(beforeRows['jobseekers']);
    expect(integrity(reader.store.raw)).toBe('ok');
    // What the desk's chip is given.
    const status = await syncStatus(reader.store.db, { client: reader.client, scheduler });
    expect(status.lastErrorCode).toBe('disk-full');
    // Straight through the client too: the named error, not the failed ROLLBACK.
    await expect(reader.client.syncOnce()).rejects.toBeInstanceOf(StoreDiskFull);

    roomAgain(reader.store.raw);
    const ok = await runOnce();
    expect(ok).toMatchObject({ lastErrorCode: null, failures: 0 });
    scheduler.stop();
    const jobseekers = async (db: typeof reader.store.db) =>
      (await db.selectFrom('jobseekers').select(['id', 'name']).orderBy('id').execute()).map(
        (r) => `${r.id}:${r.name}`,
      );
    expect(await jobseekers(reader.store.db)).toEqual(await jobseekers(writer.store.db));
    expect(integrity(reader.store.raw)).toBe('ok');
  });

  it('a first download: StoreDiskFull, no cursor, it completes once there is room', async () => {
    const writer = await setup();
    await writeCases(writer, 120);
    const reader = await openSyncDesk(server.url, 'lee01');
    closers.push(reader.close);
    // Room for a few batches, not for the whole download.
    diskFull(reader.store.raw, 8);
    const error = await reader.client.syncOnce().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreDiskFull);
    expect(await reader.store.db.selectFrom('sync_cursors').selectAll().execute()).toEqual([]);
    expect(await getMeta(reader.store.db, 'sync.lastSuccess')).toBeUndefined();
    expect(integrity(reader.store.raw)).toBe('ok');

    roomAgain(reader.store.raw);
    await reader.client.syncOnce();
    const ids = async (db: typeof reader.store.db) =>
      (await db.selectFrom('jobseekers').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(await ids(reader.store.db)).toEqual(await ids(writer.store.db));
    expect((await ids(reader.store.db)).length).toBe(120);
    expect(integrity(reader.store.raw)).toBe('ok');
  });
});
