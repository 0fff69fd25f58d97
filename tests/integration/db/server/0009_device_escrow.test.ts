import { afterEach, describe, expect, it } from 'vitest';
import { openServerDb, type OpenedServerDb } from '../../../../db/server/connection.ts';
import { serverMigrations } from '../../../../db/server/migrations/index.ts';
import { getEscrow, insertEscrow } from '../../../../db/server/repositories/escrow.ts';
import { runMigrations } from '../../../../db/migrator.ts';
import { freshDatabase, SERVER_DIALECTS, type TestDatabase } from '../../../support/server-db.ts';

// Server migration 0009_device_escrow: a server with devices already registered gains the escrow table;
// one escrow per device, for a device that exists, never replaced by a second enrolment.

const opened: Array<{ db: OpenedServerDb; database: TestDatabase }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.db.close();
    await o.database.drop();
  }
});

const AT = '2026-11-02T09:00:00.000Z';
const DEVICE = '01930000-0000-7000-8000-0000000000e1';

describe.each(SERVER_DIALECTS)('server migration 0009_device_escrow on %s', (dialect) => {
  it('adds one escrow per existing device, and keeps the first', async () => {
    const database = await freshDatabase(dialect);
    const server = await openServerDb(database.url, { migrate: false });
    opened.push({ db: server, database });
    await runMigrations(server.db, dialect, serverMigrations.slice(0, 8), 'server database');
    await server.db
      .insertInto('centers')
      .values({ code: 'SEL01', name: '서울', sido: '11', sigungu: null, created_at: AT })
      .execute();
    await server.db
      .insertInto('users')
      .values({
        id: 'u1',
        login_id: 'counselor1',
        display_name: '김',
        role: 'counselor',
        center_code: 'SEL01',
        password_hash: 'x',
        created_at: AT,
        updated_at: AT,
      } as never)
      .execute();
    await server.db
      .insertInto('devices')
      .values({
        id: DEVICE,
        user_id: 'u1',
        name: 'PC',
        registered_at: AT,
        last_seen_at: AT,
        revoked_at: null,
      })
      .execute();

    await runMigrations(server.db, dialect, serverMigrations, 'server database');
    const entry = { deviceId: DEVICE, centerCode: 'SEL01', publicKey: 'pem', secret: 'a', by: 'u1', now: AT };
    expect(await insertEscrow(server.db, entry)).toBe(true);
    expect(await insertEscrow(server.db, { ...entry, secret: 'b' })).toBe(false);
    expect(await getEscrow(server.db, DEVICE)).toMatchObject({ secret: 'a', releases: 0 });
    // A device the server does not know has no escrow.
    await expect(
      insertEscrow(server.db, { ...entry, deviceId: '01930000-0000-7000-8000-0000000000e2' }),
    ).rejects.toThrow();
  });
});
