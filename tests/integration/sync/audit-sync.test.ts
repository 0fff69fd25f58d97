import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../db/repositories/audit.ts';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { auditList } from '../../../electron/services/audit-review.ts';
import { saveAuditSettings } from '../../../electron/services/audit-trail.ts';
import { login } from '../../../electron/services/auth.ts';
import { createJobseeker, openJobseeker } from '../../../electron/services/jobseekers.ts';
import { openDesktopStore, type DesktopStore } from '../../../electron/services/store.ts';
import { SyncClient } from '../../../electron/services/sync/client.ts';
import { httpTransport } from '../../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { buildServer } from '../../../server/app.ts';
import { DEFAULT_AUDIT_SETTINGS } from '../../../shared/domain/audit.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { freshDatabase, SERVER_DIALECTS, type TestDatabase } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { TEST_STORE_KEY } from '../../support/store-key.ts';

// domain.md §10: audit entries are synced to the server. They travel in the outbox with the entry
// (append-only, scoped to the center); the server keeps them, the center's other desktops get them with
// their own device's hash chain intact, and an admin's entries (account and settings changes) are
// accepted although admins write no case data.

const PASSWORD = 'Sync-pass-2026';

describe.each(SERVER_DIALECTS)('audit entries synced through the server on %s', (dialect) => {
  let database: TestDatabase;
  let opened: OpenedServerDb;
  let server: FastifyInstance;
  let url: string;
  const desktops: Array<{ store: DesktopStore; remove: () => void }> = [];

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'SEL01', name: '서울고용센터', region: '11' }, new Date());
    for (const [id, role] of [
      ['counselor1', 'counselor'],
      ['supervisor1', 'supervisor'],
      ['admin1', 'admin'],
    ] as const) {
      await addUser(
        opened.db,
        { loginId: id, name: `${id} 이름`, role, centerCode: 'SEL01', password: PASSWORD },
        new Date(),
      );
    }
    server = await buildServer({ db: opened.db, dialect: opened.dialect });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await opened.close();
    await database.drop();
    for (const d of desktops) {
      await d.store.close();
      d.remove();
    }
  });

  async function desktop(loginId: string) {
    const t = tempDir('caseworker-audit-sync-');
    const store = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
    desktops.push({ store, remove: t.remove });
    const client = new SyncClient(store.context, httpTransport(url));
    await client.signIn(loginId, PASSWORD, `${loginId}의 PC`);
    const session = await login(store.context, loginId, PASSWORD);
    return { store, client, session };
  }

  async function serverAudit() {
    return opened.db
      .selectFrom('sync_rows')
      .select(['row_id', 'scope_center', 'data'])
      .where('table_name', '=', 'audit_entries')
      .execute();
  }

  it('sends a desktop’s entries to the server and on to the center’s other desktops, chains intact', async () => {
    const a = await desktop('counselor1');
    const fields = jobseekerFieldsSchema.parse({ name: '감사동기', birthYear: 1980, sido: '11' });
    const created = await createJobseeker(a.store.context, a.session, fields, true);
    await openJobseeker(a.store.context, a.session, created.id);
    const local = await a.store.db
      .selectFrom('audit_entries')
      .select(['id', 'hash', 'action', 'person_id'])
      .where('device_id', '=', a.store.context.deviceId)
      .execute();
    expect(local.map((e) => e.action)).toEqual(
      expect.arrayContaining(['jobseeker.create', 'jobseeker.read']),
    );

    const counts = await a.client.syncOnce();
    expect(counts).toMatchObject({ refused: 0 });
    const pending = await a.store.db
      .selectFrom('outbox')
      .select('client_seq')
      .where('table_name', '=', 'audit_entries')
      .where('status', '!=', 'sent')
      .execute();
    expect(pending).toEqual([]);
    const onServer = new Map((await serverAudit()).map((r) => [r.row_id, r]));
    for (const e of local) {
      const row = onServer.get(e.id);
      expect(row, e.action).toBeDefined();
      expect(row?.scope_center).toBe('SEL01');
      expect((JSON.parse(row?.data ?? '{}') as { hash?: string }).hash).toBe(e.hash);
    }

    // The supervisor's desktop pulls them: its screen lists counselor1's reads, from another PC.
    const b = await desktop('supervisor1');
    await b.client.syncOnce();
    const check = await verifyAuditChain(b.store.db);
    expect(check).toMatchObject({ ok: true });
    expect(check.ok && check.devices).toBeGreaterThanOrEqual(2);
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const page = await auditList(b.store.context, b.session, {
      filter: { from: today, to: today, flaggedOnly: false, person: created.id },
      offset: 0,
      limit: 100,
    });
    expect(page.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['jobseeker.read']));
    expect(page.entries.every((e) => !e.thisDevice && e.actorLogin === 'counselor1')).toBe(true);
  });

  it('accepts an admin’s entries (settings and sign-ins), which carry no case data', async () => {
    const admin = await desktop('admin1');
    await saveAuditSettings(admin.store.context, admin.session, {
      ...DEFAULT_AUDIT_SETTINGS,
      manyRecordsPerDay: 80,
    });
    const counts = await admin.client.syncOnce();
    expect(counts.refused).toBe(0);
    const refused = await admin.store.db
      .selectFrom('outbox')
      .select(['table_name', 'error'])
      .where('status', '=', 'refused')
      .execute();
    expect(refused).toEqual([]);
    const actions = (await serverAudit()).map((r) => (JSON.parse(r.data) as { action: string }).action);
    expect(actions).toContain('settings.audit.save');
  });
});
