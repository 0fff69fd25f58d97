import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../../../electron/services/auth.ts';
import { openDesktopStore, type DesktopStore } from '../../../../../electron/services/store.ts';
import {
  SYNC_INTERVAL_MS,
  WRITE_DEBOUNCE_MS,
  type SyncScheduler,
  type Timers,
} from '../../../../../electron/services/sync/scheduler.ts';
import { startDesktopSync } from '../../../../../electron/services/sync/start.ts';
import type { DesktopSync } from '../../../../../electron/services/sync/desktop-sync.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import { startSyncServer, SYNC_PASSWORD, type SyncServer } from '../../../../support/sync-desktop.ts';
import { dispatcherFor, tempDir, TEST_STORE_KEY } from '../../../../support/temp-store.ts';

// Sync soon (issue 13 item 11): a change made through the services wakes the background loop within
// seconds (debounced), not at the next minute tick. The app's own wiring (startDesktopSync) on a real
// store against a real server; only the timers are in the test's hand, and nothing waits on the clock.

/** Timers the test fires by hand; remembers the delay each was set for. */
function handTimers() {
  const pending = new Map<number, { ms: number; fn: () => void }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { ms, fn });
      return next++;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return {
    timers,
    /** The delay of the one timer set (the scheduler keeps exactly one). */
    delay(): number | undefined {
      return [...pending.values()].at(-1)?.ms;
    },
    fire(): void {
      const [id, t] = [...pending.entries()].at(-1) ?? [];
      if (id === undefined || !t) throw new Error('no timer set');
      pending.delete(id);
      t.fn();
    },
  };
}

/** Resolves when the scheduler's next run ends. */
function runEnd(scheduler: SyncScheduler): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    const off = scheduler.onChange((s) => {
      if (s.running) started = true;
      else if (started) {
        off();
        resolve();
      }
    });
  });
}

const turn = () => new Promise((r) => setImmediate(r));

let server: SyncServer;
let store: DesktopStore;
let sync: DesktopSync;
let session: SessionInfo;
let removeDir: () => void;
const timers = handTimers();

beforeAll(async () => {
  server = await startSyncServer(
    'sqlite',
    [{ code: 'SEL01', name: '서울고용센터', region: '11' }],
    [{ loginId: 'kim01', role: 'counselor', center: 'SEL01' }],
  );
  const t = tempDir('caseworker-soon-');
  removeDir = t.remove;
  store = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
  sync = startDesktopSync(store, server.url, undefined, null, timers.timers);
  await sync.client.signIn('kim01', SYNC_PASSWORD, '김상담의 PC');
  session = await login(store.context, 'kim01', SYNC_PASSWORD);
  // The first sync at start.
  expect(timers.delay()).toBe(0);
  const ended = runEnd(sync.scheduler);
  timers.fire();
  await ended;
  expect(sync.scheduler.status.lastError).toBeNull();
});

afterAll(async () => {
  sync.scheduler.stop();
  await store.close();
  removeDir();
  await server.close();
});

describe('a local write through the services', () => {
  it('brings the next push forward to seconds after it, and the change reaches the server', async () => {
    expect(timers.delay()).toBe(SYNC_INTERVAL_MS);
    const { dispatch, desk } = dispatcherFor(store);
    const caller = desk(session);

    // A read is audited (an outbox row of the audit trail) but is not a change to hurry with.
    expect(await dispatch(caller, 'jobseekers:list', { query: '', mine: false })).toMatchObject({ ok: true });
    await turn();
    expect(timers.delay()).toBe(SYNC_INTERVAL_MS);

    const created = await dispatch(caller, 'jobseekers:create', {
      fields: { name: '이빠름', birthYear: 1991, sido: '11' },
      confirmedNotDuplicate: true,
    });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    const createdId = (created.value as { id: string }).id;
    await turn();
    expect(timers.delay()).toBe(WRITE_DEBOUNCE_MS);

    const ended = runEnd(sync.scheduler);
    timers.fire();
    await ended;
    const onServer = await server.opened.db
      .selectFrom('sync_rows')
      .select('row_id')
      .where('table_name', '=', 'jobseekers')
      .where('row_id', '=', createdId)
      .executeTakeFirst();
    expect(onServer?.row_id).toBe(createdId);
    expect(sync.scheduler.status.lastCounts?.pushed).toBeGreaterThan(0);
    // Back to the minute timer once nothing is waiting.
    expect(timers.delay()).toBe(SYNC_INTERVAL_MS);
  });
});
