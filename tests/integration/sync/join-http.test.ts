import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDb } from '../../../db/connection.ts';
import { countRecords, type StoreCounts } from '../../../db/repositories/stats.ts';
import { createDemoStore } from '../../../electron/services/demo/demo-store.ts';
import { joinPlan, joinServer } from '../../../electron/services/join/join.ts';
import { NO_OS_KEYRING } from '../../../electron/services/keyring.ts';
import { StoreGate } from '../../../electron/services/store-gate.ts';
import { SyncClient } from '../../../electron/services/sync/client.ts';
import { httpTransport } from '../../../electron/services/sync/transport.ts';
import { addUser } from '../../../server/admin.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { openSyncDesk, startSyncServer, SYNC_PASSWORD, type SyncServer } from '../../support/sync-desktop.ts';
import { tempDir } from '../../support/temp-dir.ts';

// Joining a server (issue #19 item 1) over real HTTP, on both server dialects: a demo desktop made
// offline (its own accounts and ids, center DEMO) joins a fresh server whose center SEL01 has accounts
// with the same login ids. The accounts are paired, a local-only account with records stops the join
// with what to do, the records go up in their authors' names, and a second desktop pulls the same counts.

const DEMO_PASSWORD = 'Demo-pass-2026';
const ADMIN = { loginId: 'admin', password: SYNC_PASSWORD, deviceName: '센터 PC' };
/** The server's rules the demo's data run into (shared/sync/refusals.ts), and nothing else. */
const EXPECTED_REFUSALS =
  /region only|is an override|sensitive consent|record it belongs to is not on the server|is not on the server or not yours/;

async function rows(db: CaseDb, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

const COMPARED: Array<keyof StoreCounts> = [
  'jobseekers',
  'assessments',
  'notes',
  'competencyItems',
  'consentRecords',
  'employers',
  'employerAssessments',
  'openings',
  'referrals',
  'referralEvents',
  'checkins',
];

describe.each(SERVER_DIALECTS)('joining a server over %s', (dialect) => {
  let server: SyncServer;
  let folder: ReturnType<typeof tempDir>;

  beforeEach(async () => {
    server = await startSyncServer(
      dialect,
      [{ code: 'SEL01', name: '서울강남고용센터', region: '11' }],
      ['admin', 'supervisor1', 'counselor1', 'counselor2', 'counselor3', 'counselor4'].map((loginId) => ({
        loginId,
        role: loginId === 'admin' ? 'admin' : loginId.startsWith('supervisor') ? 'supervisor' : 'counselor',
        center: 'SEL01',
      })),
    );
    folder = tempDir('caseworker-join-');
    await createDemoStore(folder.dir, {
      centerCode: 'DEMO',
      centerName: '데모센터',
      sido: '11',
      sigungu: '11680',
      jobseekers: 40,
      employers: 8,
      seed: 7,
      password: DEMO_PASSWORD,
      anchor: new Date('2026-11-01T00:00:00Z'),
    });
  });
  afterEach(async () => {
    await server.close();
    folder.remove();
  });

  async function openDemo() {
    const gate = new StoreGate({ dataDir: folder.dir, protector: NO_OS_KEYRING });
    await gate.unlockFor('admin', DEMO_PASSWORD);
    const store = gate.store;
    if (!store) throw new Error('not open');
    return { gate, store, client: new SyncClient(store.context, httpTransport(server.url)) };
  }

  it("pairs the accounts, pushes every record in its author's name, and a second desktop pulls the same", async () => {
    const demo = await openDemo();
    // Before joining, a plain sync says what to do instead of failing on the login ids.
    await expect(demo.client.signIn('supervisor1', SYNC_PASSWORD, 'PC')).rejects.toMatchObject({
      code: 'join-needed',
    });

    // counselor5 has records here and no account on the server: the join stops, naming what to do.
    const first = await joinServer(demo.store.context, demo.client, server.url, ADMIN, () =>
      Promise.resolve(true),
    );
    expect(first.applied).toBeNull();
    expect(first.plan.pairs.map((p) => p.loginId)).toEqual([
      'admin',
      'counselor1',
      'counselor2',
      'counselor3',
      'counselor4',
      'supervisor1',
    ]);
    expect(first.plan.localOnly.map((l) => l.loginId)).toEqual(['counselor5']);
    expect(first.plan.problems.join('\n')).toMatch(
      /counselor5 \(counselor\) has \d+ records .* user add --id counselor5/,
    );

    const c5 = await addUser(
      server.opened.db,
      {
        loginId: 'counselor5',
        name: '상담5',
        role: 'counselor',
        centerCode: 'SEL01',
        password: SYNC_PASSWORD,
      },
      new Date(),
    );
    const before = await countRecords(demo.store.db);
    const joined = await joinServer(demo.store.context, demo.client, server.url, ADMIN, () =>
      Promise.resolve(true),
    );
    expect(joined.plan.problems).toEqual([]);
    expect(joined.applied?.queued).toBeGreaterThan(0);
    // Every record went up once: accepted, or refused by a rule of the server with its reason and kept
    // here as a refused change (the demo makes some the server refuses: employers outside the center's
    // region and what hangs off them, an override equal to the rule's result, health answers without the
    // sensitive consent). Nothing is pending, nothing vanished.
    const outcome = await demo.store.db
      .selectFrom('outbox')
      .select(['table_name', 'status', 'error', (eb) => eb.fn.countAll<number>().as('n')])
      .where('table_name', '!=', 'audit_entries')
      .groupBy(['table_name', 'status', 'error'])
      .execute();
    const reasons = new Set(outcome.flatMap((o) => (o.status === 'refused' ? [o.error] : [])));
    for (const reason of reasons) expect(reason).toMatch(EXPECTED_REFUSALS);
    expect(outcome.every((o) => o.status === 'sent' || o.status === 'refused')).toBe(true);
    const sent = new Map<string, number>();
    const queued = new Map<string, number>();
    for (const o of outcome) {
      queued.set(o.table_name, (queued.get(o.table_name) ?? 0) + Number(o.n));
      if (o.status === 'sent') sent.set(o.table_name, (sent.get(o.table_name) ?? 0) + Number(o.n));
    }
    const refusedCount = outcome.filter((o) => o.status === 'refused').reduce((a, o) => a + Number(o.n), 0);
    expect(joined.counts?.refused).toBe(refusedCount);
    expect(joined.counts?.pushed).toBe([...sent.values()].reduce((a, n) => a + n, 0));
    const after = await countRecords(demo.store.db);
    expect(after.pendingChanges).toBe(0);
    for (const k of COMPARED) expect(after[k], k).toBe(before[k]);
    for (const [table, n] of queued) expect(await rows(demo.store.db, table), table).toBe(n);
    // The join itself is in the audit trail, by the admin who confirmed it, and reached the server.
    const entry = await demo.store.db
      .selectFrom('audit_entries')
      .select(['id', 'actor_id'])
      .where('action', '=', 'sync.join')
      .execute();
    expect(entry).toHaveLength(1);
    expect(entry[0]?.actor_id).toBe(server.users.get('admin'));
    const onServer = await server.opened.db
      .selectFrom('sync_rows')
      .select('row_id')
      .where('table_name', '=', 'audit_entries')
      .where('row_id', '=', entry[0]?.id ?? '')
      .execute();
    expect(onServer).toHaveLength(1);
    // Local ids are the server's now, wherever they appear.
    const ids = new Set((await demo.store.db.selectFrom('users').select('id').execute()).map((u) => u.id));
    expect(ids.has(server.users.get('counselor1') ?? '')).toBe(true);
    expect(ids.has(c5)).toBe(true);
    const authors = await demo.store.db
      .selectFrom('counseling_notes')
      .select('author_id')
      .distinct()
      .execute();
    for (const a of authors) expect([...server.users.values(), c5]).toContain(a.author_id);

    // A rerun (as after an interruption) changes nothing and duplicates nothing.
    const serverRows = await server.opened.db
      .selectFrom('sync_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await joinServer(demo.store.context, demo.client, server.url, ADMIN, () =>
      Promise.resolve(true),
    );
    expect(again.plan.joined).toBe(true);
    expect(again.applied).toBeNull();
    expect(again.counts?.pushed).toBe(0);
    const serverRowsAgain = await server.opened.db
      .selectFrom('sync_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(serverRowsAgain.n)).toBe(Number(serverRows.n));
    await demo.gate.close();

    // A supervisor's new desktop pulls every record the server accepted, no more, no fewer.
    const second = await openSyncDesk(server.url, 'supervisor1');
    await second.client.syncOnce();
    for (const table of queued.keys())
      expect(await rows(second.store.db, table), table).toBe(sent.get(table) ?? 0);
    expect(sent.get('jobseekers')).toBe(before.jobseekers);
    expect(sent.get('counseling_notes')).toBe(before.notes);
    await second.close();
  });

  it("refuses a join by an account that is not the server center's admin, and changes nothing", async () => {
    const demo = await openDemo();
    await expect(
      joinPlan(demo.store.context, demo.client, server.url, { ...ADMIN, loginId: 'supervisor1' }),
    ).rejects.toThrow(/done by an admin .* supervisor1 is a supervisor/);
    const denied = await httpTransport(server.url).request('GET', '/v1/join/accounts');
    expect(denied.status).toBe(401);
    await demo.gate.close();
  });
});
