import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/main/dispatcher.ts';
import { login } from '../../../../electron/services/auth.ts';
import { createDemoStore } from '../../../../electron/services/demo/demo-store.ts';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import { NO_OS_KEYRING } from '../../../../electron/services/keyring.ts';
import { StoreGate } from '../../../../electron/services/store-gate.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import type { JoinPlanView, JoinResultView } from '../../../../shared/contract/join.ts';
import { startSyncServer, SYNC_PASSWORD, type SyncServer } from '../../../support/sync-desktop.ts';
import { tempDir } from '../../../support/temp-dir.ts';

// Settings › Join a server through the app's own dispatcher (join:plan, join:apply) against a real server
// over HTTP: admins only, bad input named by field, the plan first, then the join, after which the PC
// syncs with the server (URL remembered, escrow enrolled, the background loop started).

const LOCAL = 'Demo-pass-2026';
const LOGINS = ['admin', 'supervisor1', 'counselor1', 'counselor2', 'counselor3', 'counselor4', 'counselor5'];

describe('the join screen’s channels', () => {
  let server: SyncServer;
  let folder: ReturnType<typeof tempDir>;
  let gate: StoreGate;
  let admin: SessionInfo;
  let counselor: SessionInfo;

  beforeEach(async () => {
    server = await startSyncServer(
      'sqlite',
      [{ code: 'SEL01', name: '서울강남고용센터', region: '11' }],
      LOGINS.map((loginId) => ({
        loginId,
        role: loginId === 'admin' ? 'admin' : loginId.startsWith('supervisor') ? 'supervisor' : 'counselor',
        center: 'SEL01',
      })),
    );
    folder = tempDir('caseworker-join-screen-');
    await createDemoStore(folder.dir, {
      centerCode: 'DEMO',
      centerName: '데모센터',
      sido: '11',
      sigungu: '11680',
      jobseekers: 10,
      employers: 2,
      seed: 5,
      password: LOCAL,
      anchor: new Date('2026-11-01T00:00:00Z'),
    });
    gate = new StoreGate({ dataDir: folder.dir, protector: NO_OS_KEYRING });
    await gate.unlockFor('admin', LOCAL);
    const ctx = gate.current();
    if (!ctx) throw new Error('not open');
    admin = await login(ctx, 'admin', LOCAL);
    counselor = await login(ctx, 'counselor1', LOCAL);
  });
  afterEach(async () => {
    await gate.close();
    await server.close();
    folder.remove();
  });

  function as(session: SessionInfo) {
    const dispatch = createDispatcher(handlers, gate, { error: () => undefined });
    return (channel: 'join:plan' | 'join:apply', input: unknown) =>
      dispatch({ surface: 'desk', session: { get: () => session, set: () => undefined } }, channel, input);
  }

  it('answers admins only, names bad input by field, and joins after the plan', async () => {
    const input = { server: server.url, loginId: 'admin', password: SYNC_PASSWORD };
    expect(await as(counselor)('join:plan', input)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await as(admin)('join:plan', { ...input, server: 'http://caseworker.example.kr' })).toMatchObject({
      ok: false,
      error: { field: 'server', message: 'join.errors.insecure' },
    });
    expect(await as(admin)('join:plan', { ...input, password: 'Wrong-pass-2026' })).toMatchObject({
      ok: false,
      error: { field: 'password', message: 'join.errors.signIn' },
    });
    expect(await as(admin)('join:plan', { ...input, loginId: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'loginId' },
    });

    const planned = await as(admin)('join:plan', input);
    if (!planned.ok) throw new Error(JSON.stringify(planned.error));
    const plan = planned.value as JoinPlanView;
    expect(plan.pairs).toHaveLength(LOGINS.length);
    expect(plan.problems).toEqual([]);
    expect(plan.joined).toBe(false);

    const applied = await as(admin)('join:apply', input);
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const done = (applied.value as JoinResultView).done;
    expect(done?.queued).toBeGreaterThan(0);
    expect(done?.pushed).toBeGreaterThan(0);
    expect(gate.serverUrl()).toBe(new URL(server.url).toString());
    expect(gate.hasEscrow()).toBe(true);
    expect(gate.current()?.sync).toBeDefined();
  });
});
