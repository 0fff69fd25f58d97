import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { login } from '../../../electron/services/auth.ts';
import {
  assignJobseeker,
  createJobseeker,
  openJobseeker,
  updateJobseeker,
} from '../../../electron/services/jobseekers.ts';
import { openDesktopStore, type DesktopStore } from '../../../electron/services/store.ts';
import { SyncClient } from '../../../electron/services/sync/client.ts';
import { httpTransport } from '../../../electron/services/sync/transport.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { buildServer } from '../../../server/app.ts';
import { jobseekerFieldsSchema } from '../../../shared/domain/jobseeker.ts';
import { freshDatabase, SERVER_DIALECTS, type TestDatabase } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { TEST_STORE_KEY } from '../../support/store-key.ts';

const PASSWORD = 'Sync-pass-2026';

describe.each(SERVER_DIALECTS)('two desktops syncing over HTTP with the server on %s', (dialect) => {
  let database: TestDatabase;
  let opened: OpenedServerDb;
  let server: FastifyInstance;
  let url: string;
  const desktops: Array<{ store: DesktopStore; remove: () => void }> = [];

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'SEL01', name: '서울고용센터', region: '11' }, new Date());
    for (const id of ['counselor1', 'counselor2', 'counselor3']) {
      await addUser(
        opened.db,
        { loginId: id, name: `${id} 상담사`, role: 'counselor', centerCode: 'SEL01', password: PASSWORD },
        new Date(),
      );
    }
    await addUser(
      opened.db,
      { loginId: 'lead1', name: '팀장', role: 'supervisor', centerCode: 'SEL01', password: PASSWORD },
      new Date(),
    );
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
    const t = tempDir('caseworker-desktop-');
    const store = await openDesktopStore(t.dir, { key: TEST_STORE_KEY });
    desktops.push({ store, remove: t.remove });
    const client = new SyncClient(store.context, httpTransport(url));
    await client.signIn(loginId, PASSWORD, `${loginId}의 PC`);
    const session = await login(store.context, loginId, PASSWORD); // offline verifier now works
    return { store, client, session };
  }

  it('merges a phone edit and raises concurrent counselor reassignments as a review item, losing nothing', async () => {
    // A is the team lead's desktop, B a counselor's; both change the case through the desk's services.
    const a = await desktop('lead1');
    const b = await desktop('counselor2');
    const fields = jobseekerFieldsSchema.parse({
      name: '오세훈',
      birthYear: 1987,
      phone: '010-1000-2000',
      sido: '11',
    });
    const created = await createJobseeker(a.store.context, a.session, fields, true);
    expect(await a.client.syncOnce()).toMatchObject({ pushed: 1, refused: 0, review: 0 });
    await b.client.syncOnce();
    const onB = await openJobseeker(b.store.context, b.session, created.id);
    expect(onB).toMatchObject({ name: '오세훈', phone: '01010002000', assignedCounselorId: null });

    const counselor3 = (
      await a.store.db
        .selectFrom('users')
        .select('id')
        .where('login_id', '=', 'counselor3')
        .executeTakeFirstOrThrow()
    ).id;
    // Offline on both: the lead changes the phone and hands the case to counselor3 (담당 상담사 변경);
    // counselor2 takes the free case for themselves (내가 맡기).
    await updateJobseeker(a.store.context, a.session, created.id, onB.seq, { phone: '01055556666' });
    const aBase = (await openJobseeker(a.store.context, a.session, created.id)).seq;
    await assignJobseeker(a.store.context, a.session, created.id, aBase, counselor3);
    await assignJobseeker(b.store.context, b.session, created.id, onB.seq, b.session.userId);

    const first = await a.client.syncOnce();
    expect(first).toMatchObject({ refused: 0, review: 0 });
    const second = await b.client.syncOnce();
    expect(second).toMatchObject({ refused: 0, review: 1 });
    await a.client.syncOnce();

    for (const d of [a, b]) {
      const j = await openJobseeker(d.store.context, d.session, created.id);
      expect(j.phone).toBe('01055556666'); // the descriptive edit merged everywhere
      expect(j.assignedCounselorId).toBe(counselor3); // the first committed decisive value stays
    }
    const reviews = await opened.db
      .selectFrom('review_items')
      .selectAll()
      .where('row_id', '=', created.id)
      .execute();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      field: 'assigned_counselor_id',
      kept_author: a.session.userId,
      held_author: b.session.userId,
    });
    expect(JSON.parse(reviews[0]?.held_value ?? 'null')).toBe(b.session.userId);
    expect(JSON.parse(reviews[0]?.kept_value ?? 'null')).toBe(counselor3);
    // The reads just above are audit entries waiting for the next sync; no change is left behind.
    const pendingA = await a.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('table_name', '!=', 'audit_entries')
      .execute();
    expect(pendingA).toEqual([]);
  });

  it('keeps a revoked device’s outbox and refuses it', async () => {
    const c = await desktop('counselor3');
    const fields = jobseekerFieldsSchema.parse({ name: '표지훈', birthYear: 1990, sido: '11' });
    await createJobseeker(c.store.context, c.session, fields, true);
    await opened.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', c.store.context.deviceId)
      .execute();
    await expect(c.client.syncOnce()).rejects.toMatchObject({ code: 'device-revoked' });
    const pending = await c.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('table_name', '!=', 'audit_entries')
      .execute();
    expect(pending).toHaveLength(1);
  });
});
