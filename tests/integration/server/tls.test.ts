import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../../electron/services/store.ts';
import { openServerDb } from '../../../db/server/connection.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { buildServer } from '../../../server/app.ts';
import {
  httpTransport,
  InsecureServerError,
  ServerTrustError,
} from '../../../electron/services/sync/transport.ts';
import { REPO_ROOT, runNode } from '../../support/run-node.ts';
import { freshDatabase, type TestDatabase } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { makeTestCertificates, type TestCertificates } from '../../support/tls-certs.ts';

// TLS (issue #13 item 8): the server serves HTTPS with a center's own certificate; the desktop CLI
// trusts that center's CA only when told (--ca), says so clearly when it does not, and never sends a
// password over http:// to another machine. The server refuses plain HTTP off loopback.

const SERVER_CLI = 'server/cli/caseworker-server.ts';
const DESK_CLI = 'electron/cli/caseworker.ts';
const PASSWORD = 'Strong-pass-2026';

let t: { dir: string; remove: () => void };
let certs: TestCertificates;
let database: TestDatabase;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  t = tempDir('caseworker-tls-');
  certs = makeTestCertificates(t.dir);
  database = await freshDatabase('sqlite');
  const opened = await openServerDb(database.url);
  await addCenter(opened.db, { code: 'SEL01', name: '서울고용센터', region: '11' }, new Date());
  await addUser(
    opened.db,
    { loginId: 'kim01', name: '김상담', role: 'counselor', centerCode: 'SEL01', password: PASSWORD },
    new Date(),
  );
  await opened.close();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await database.drop();
  t.remove();
});

/** Starts `caseworker-server` with these arguments and resolves with the address it prints. */
async function serve(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [resolve(REPO_ROOT, SERVER_CLI), '--port', '0', ...args], {
    cwd: REPO_ROOT,
  });
  children.push(child);
  return new Promise<string>((resolvePromise, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (https?:\/\/[^\s]+)/.exec(err);
      if (m?.[1]) resolvePromise(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}: ${err}`)));
  });
}

const sync = (data: string, server: string, extra: string[] = []) =>
  runNode(DESK_CLI, ['sync', '--data', data, '--server', server, '--user', 'kim01', ...extra], {
    env: { CASEWORKER_PASSWORD: PASSWORD },
  });

describe('caseworker-server over HTTPS and caseworker sync --ca', () => {
  it("syncs over https with the center's CA, and refuses without it in one clear line", async () => {
    const address = await serve(['--db', database.url, '--tls-cert', certs.cert, '--tls-key', certs.key]);
    expect(address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    const untrusted = await sync(join(t.dir, 'desk-a'), address);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr.trim().split('\n')).toHaveLength(1);
    expect(untrusted.stderr).toMatch(
      /^caseworker: The certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \(/,
    );
    expect(untrusted.stderr).toContain('--ca FILE');
    // Nothing was made on the PC by the failed attempt.
    expect(existsSync(join(t.dir, 'desk-a', STORE_FILE))).toBe(false);

    const trusted = await sync(join(t.dir, 'desk-b'), address, ['--ca', certs.ca]);
    expect(trusted.stderr).toBe('');
    expect(trusted.code).toBe(0);
    expect(trusted.stdout.trim()).toBe('pushed 0, pulled 1, refused 0, review 0');
    expect(existsSync(join(t.dir, 'desk-b', STORE_FILE))).toBe(true);
  });

  it('refuses a CA file that is not a certificate, before reading the password', async () => {
    const bogus = join(t.dir, 'bogus.pem');
    writeFileSync(bogus, 'not a certificate\n');
    const r = await sync(join(t.dir, 'desk-c'), 'https://127.0.0.1:9', ['--ca', bogus]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`caseworker: The CA file ${bogus} is not a PEM certificate.`);
  });

  it('refuses http:// to another machine before any request, and allows it to loopback', async () => {
    const r = await sync(join(t.dir, 'desk-d'), 'http://192.0.2.10:8787');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'caseworker: Refusing http://192.0.2.10:8787: the password would cross the network unencrypted. Use https:// (plain http:// only to this machine).',
    );
    expect(existsSync(join(t.dir, 'desk-d'))).toBe(false);
    // The transport itself refuses at construction, before it could send anything.
    for (const url of [
      'http://192.0.2.10',
      'http://caseworker.example.kr',
      'http://[2001:db8::1]',
      'ftp://127.0.0.1',
    ])
      expect(() => httpTransport(url)).toThrow(InsecureServerError);
    for (const url of [
      'http://127.0.0.1:1',
      'http://127.8.9.10',
      'http://localhost:8787',
      'http://[::1]:8787',
      'https://192.0.2.10',
    ])
      expect(() => httpTransport(url)).not.toThrow();
  });

  it('tells an untrusted certificate from an unreachable server in the transport', async () => {
    const address = await serve(['--db', database.url, '--tls-cert', certs.cert, '--tls-key', certs.key]);
    await expect(httpTransport(address).request('GET', '/health')).rejects.toBeInstanceOf(ServerTrustError);
    const { readFileSync } = await import('node:fs');
    const ok = await httpTransport(address, { ca: readFileSync(certs.ca, 'utf8') }).request('GET', '/health');
    expect(ok).toMatchObject({ status: 200, body: { ok: true } });
    // The name must match too: the same CA does not vouch for another host name.
    const wrongName = address.replace('127.0.0.1', '127.0.0.2');
    await expect(
      httpTransport(wrongName, { ca: readFileSync(certs.ca, 'utf8') }).request('GET', '/health'),
    ).rejects.toThrow();
  });
});

describe('caseworker-server listening', () => {
  it('refuses plain HTTP on a non-loopback address unless --insecure-http', async () => {
    const refused = await runNode(SERVER_CLI, ['--db', database.url, '--host', '0.0.0.0', '--port', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(
      'caseworker-server: Refusing plain HTTP on 0.0.0.0: give --tls-cert and --tls-key, or listen on 127.0.0.1 behind a TLS proxy (--trust-proxy), or add --insecure-http.',
    );
    const allowed = await serve(['--db', database.url, '--host', '0.0.0.0', '--insecure-http']);
    expect(allowed).toMatch(/^http:\/\//);
    const half = await runNode(SERVER_CLI, ['--db', database.url, '--tls-cert', certs.cert]);
    expect(half.code).toBe(2);
    expect(half.stderr.trim()).toBe('caseworker-server: Give both --tls-cert and --tls-key (PEM files).');
    const swapped = await runNode(SERVER_CLI, [
      '--db',
      database.url,
      '--tls-cert',
      certs.key,
      '--tls-key',
      certs.key,
    ]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr.trim().split('\n')).toHaveLength(1);
    expect(swapped.stderr).toMatch(/^caseworker-server: The TLS certificate or key is not usable: /);
  });

  it('believes X-Forwarded-* only from the trusted proxy', async () => {
    const opened = await openServerDb(database.url);
    const behind = await buildServer({ db: opened.db, dialect: opened.dialect, trustProxy: ['loopback'] });
    const direct = await buildServer({ db: opened.db, dialect: opened.dialect, trustProxy: ['192.0.2.1'] });
    for (const app of [behind, direct])
      app.get('/test/origin', (req) => ({ ip: req.ip, protocol: req.protocol }));
    try {
      const headers = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };
      const a = await fetch(`${await behind.listen({ port: 0, host: '127.0.0.1' })}/test/origin`, {
        headers,
      });
      expect(await a.json()).toEqual({ ip: '203.0.113.7', protocol: 'https' });
      const b = await fetch(`${await direct.listen({ port: 0, host: '127.0.0.1' })}/test/origin`, {
        headers,
      });
      expect(await b.json()).toEqual({ ip: '127.0.0.1', protocol: 'http' });
    } finally {
      await behind.close();
      await direct.close();
      await opened.close();
    }
  });
});
