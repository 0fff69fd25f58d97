import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../db/credentials.ts';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { runNode } from '../../support/run-node.ts';
import { freshDatabase, SERVER_DIALECTS, type TestDatabase } from '../../support/server-db.ts';

// `caseworker-server user unlock|reset-password|deactivate|reactivate|role`: each works on the real
// database, is audited as the server command, and refuses bad input with one line and no change.

const CLI = 'server/cli/caseworker-server.ts';
const PASSWORD = 'Server-pass-2026';
const NEW_PASSWORD = 'Renewed-pass-2027';

describe.each(SERVER_DIALECTS)('caseworker-server user … over %s', (dialect) => {
  let database: TestDatabase;
  let opened: OpenedServerDb;
  let kimId = '';

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    opened = await openServerDb(database.url);
    await addCenter(opened.db, { code: 'SEL01', name: '서울고용센터', region: '11' }, new Date());
    kimId = await addUser(
      opened.db,
      { loginId: 'kim01', name: '김상담', role: 'counselor', centerCode: 'SEL01', password: PASSWORD },
      new Date(),
    );
  });
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  const run = (args: string[], stdin?: string, env?: Record<string, string>) =>
    runNode(CLI, ['user', ...args, '--db', database.url], {
      ...(stdin ? { stdin } : {}),
      ...(env ? { env } : {}),
    });
  const kim = () =>
    opened.db.selectFrom('users').selectAll().where('id', '=', kimId).executeTakeFirstOrThrow();
  const audit = () =>
    opened.db
      .selectFrom('account_audit')
      .selectAll()
      .where('target_id', '=', kimId)
      .orderBy('at')
      .orderBy('id')
      .execute();

  it('unlocks, resets the password (stdin or env), deactivates, reactivates and changes the role', async () => {
    await opened.db
      .updateTable('users')
      .set({ failed_logins: 7, locked_until: '2999-01-01T00:00:00.000Z' })
      .where('id', '=', kimId)
      .execute();
    const unlock = await run(['unlock', '--id', 'kim01']);
    expect([unlock.code, unlock.stdout.trim(), unlock.stderr]).toEqual([0, 'user kim01 unlocked', '']);
    expect(await kim()).toMatchObject({ failed_logins: 0, locked_until: null });

    const epoch = (await kim()).session_epoch;
    const reset = await run(['reset-password', '--id', 'kim01'], `${NEW_PASSWORD}\n`);
    expect([reset.code, reset.stderr]).toEqual([0, '']);
    expect(reset.stdout.trim()).toBe('user kim01 has a new password; its sessions have ended');
    const after = await kim();
    expect(await verifyPassword(after.password_hash, NEW_PASSWORD)).toBe(true);
    expect(after.session_epoch).toBe(epoch + 1);
    const byEnv = await run(['reset-password', '--id', 'kim01'], undefined, {
      CASEWORKER_PASSWORD: PASSWORD,
    });
    expect(byEnv.code).toBe(0);
    expect(await verifyPassword((await kim()).password_hash, PASSWORD)).toBe(true);

    expect((await run(['deactivate', '--id', 'kim01'])).stdout.trim()).toBe(
      'user kim01 deactivated; its sessions have ended',
    );
    expect((await kim()).active).toBe(0);
    expect((await run(['reactivate', '--id', 'kim01'])).stdout.trim()).toBe('user kim01 reactivated');
    expect((await kim()).active).toBe(1);
    expect((await run(['role', '--id', 'kim01', '--role', 'supervisor'])).stdout.trim()).toBe(
      'user kim01 is now supervisor',
    );
    expect((await kim()).role).toBe('supervisor');

    const entries = await audit();
    expect(entries.map((e) => [e.action, e.actor_id, e.actor_label, e.device_id])).toEqual([
      ['unlock', null, 'server command', null],
      ['reset-password', null, 'server command', null],
      ['reset-password', null, 'server command', null],
      ['deactivate', null, 'server command', null],
      ['reactivate', null, 'server command', null],
      ['role', null, 'server command', null],
    ]);
    expect(JSON.stringify(entries)).not.toContain(NEW_PASSWORD);
  });

  it('prints one clear line and changes nothing on bad input', async () => {
    const before = await kim();
    const count = (await audit()).length;
    const cases: Array<[string[], string | undefined, string]> = [
      [['unlock', '--id', 'nobody'], undefined, 'caseworker-server: No account with the login id nobody.'],
      [
        ['role', '--id', 'kim01', '--role', 'root'],
        undefined,
        'caseworker-server: The role is counselor, supervisor or admin.',
      ],
      [['reset-password', '--id', 'kim01'], 'short\n', ''],
      [
        ['reset-password', '--id', 'kim01'],
        undefined,
        'caseworker-server: No password: set CASEWORKER_PASSWORD or pipe it on standard input.',
      ],
      [['unlock'], undefined, ''],
    ];
    for (const [args, stdin, line] of cases) {
      const r = await run(args, stdin);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      if (line) expect(r.stderr.trim()).toBe(line);
    }
    expect(await kim()).toEqual(before);
    expect(await audit()).toHaveLength(count);
  });
});
