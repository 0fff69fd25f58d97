import { generateKeyPairSync, privateDecrypt, constants } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getServerUser } from '../../../db/server/repositories/accounts.ts';
import { getEscrow } from '../../../db/server/repositories/escrow.ts';
import { NO_OS_KEYRING, readKeyring } from '../../../electron/services/keyring.ts';
import { StoreGate } from '../../../electron/services/store-gate.ts';
import { SyncClient } from '../../../electron/services/sync/client.ts';
import { httpTransport } from '../../../electron/services/sync/transport.ts';
import { applyAccountChange } from '../../../server/auth/account-changes.ts';
import { startSyncServer, SYNC_PASSWORD, type SyncServer } from '../../support/sync-desktop.ts';
import { SERVER_DIALECTS } from '../../support/server-db.ts';
import { tempDir } from '../../support/temp-dir.ts';

// Shared PCs (issue #19 item 2) over real HTTP, on both server dialects: the first account to sign in
// online puts the PC's store key in escrow; another account of the center, new to this PC, opens the
// same store through it; a password changed on the server re-wraps the local copy at the next online
// sign-in; a revoked PC, another center's account and a forged device id get nothing.

const NEW_PASSWORD = 'Changed-pass-2026';

describe.each(SERVER_DIALECTS)('store key escrow over %s', (dialect) => {
  let server: SyncServer;
  let folder: ReturnType<typeof tempDir>;

  beforeEach(async () => {
    server = await startSyncServer(
      dialect,
      [
        { code: 'SEL01', name: '서울고용센터', region: '11' },
        { code: 'BUS01', name: '부산고용센터', region: '26' },
      ],
      [
        { loginId: 'counselor1', role: 'counselor', center: 'SEL01' },
        { loginId: 'counselor2', role: 'counselor', center: 'SEL01' },
        { loginId: 'supervisor1', role: 'supervisor', center: 'SEL01' },
        { loginId: 'busan1', role: 'counselor', center: 'BUS01' },
      ],
    );
    folder = tempDir('caseworker-shared-pc-');
  });
  afterEach(async () => {
    await server.close();
    folder.remove();
  });

  const gate = () => new StoreGate({ dataDir: folder.dir, protector: NO_OS_KEYRING, serverUrl: server.url });

  /** The PC's first user: signs in online (making the store), syncs, and puts the key in escrow. */
  async function firstSignIn(): Promise<string> {
    const g = gate();
    await g.unlockFor('counselor1', SYNC_PASSWORD);
    const store = g.store;
    if (!store) throw new Error('not open');
    const client = new SyncClient(store.context, httpTransport(server.url));
    const user = await client.signIn('counselor1', SYNC_PASSWORD, '상담석 공용 PC');
    await g.rememberPassword('counselor1', user.id, SYNC_PASSWORD);
    g.keep();
    expect(await g.ensureEscrow()).toBe(true);
    const deviceId = store.context.deviceId;
    await g.close();
    return deviceId;
  }

  it('lets a second account of the center open the PC through the escrow, then offline with its own copy', async () => {
    const deviceId = await firstSignIn();
    const escrow = await getEscrow(server.opened.db, deviceId);
    expect(escrow).toMatchObject({ center_code: 'SEL01', releases: 0 });
    // The folder holds the store key only sealed: under the secret the server keeps, and per password.
    const keyring = readKeyring(folder.dir);
    expect(keyring?.escrow?.deviceId).toBe(deviceId);
    expect(Object.keys(keyring?.users ?? {})).toEqual(['counselor1']);

    const second = gate();
    await second.unlockFor('counselor2', SYNC_PASSWORD);
    expect(second.store?.context.deviceId).toBe(deviceId); // the same store, not a new one
    expect(second.knows('counselor2')).toBe(true);
    await second.close();
    expect((await getEscrow(server.opened.db, deviceId))?.releases).toBe(1);

    // Its own copy now opens the store with the server gone.
    const offline = new StoreGate({
      dataDir: folder.dir,
      protector: NO_OS_KEYRING,
      serverUrl: 'http://127.0.0.1:9',
    });
    await offline.unlockFor('counselor2', SYNC_PASSWORD);
    expect(offline.store?.context.deviceId).toBe(deviceId);
    await offline.close();
  });

  it('re-wraps the local copy at the next online sign-in after a password change on the server', async () => {
    await firstSignIn();
    const target = await getServerUser(server.opened.db, server.users.get('counselor1') ?? '');
    if (!target) throw new Error('no account');
    await applyAccountChange(
      server.opened.db,
      { kind: 'command' },
      target,
      { action: 'reset-password', password: NEW_PASSWORD },
      new Date(),
    );
    const before = readKeyring(folder.dir)?.users['counselor1'];

    const g = gate();
    await g.unlockFor('counselor1', NEW_PASSWORD);
    expect(g.store).not.toBeNull();
    await g.close();
    const after = readKeyring(folder.dir)?.users['counselor1'];
    expect(after?.salt).not.toBe(before?.salt);

    // The old password no longer opens it (the server refuses it too): a wrong password, counted.
    const old = gate();
    await expect(old.unlockFor('counselor1', SYNC_PASSWORD)).rejects.toMatchObject({
      error: { message: 'auth.wrongCredentials' },
    });
    expect(readKeyring(folder.dir)?.users['counselor1']?.failedUnlocks).toBe(1);
  });

  it('refuses the escrow to a revoked PC, with a named error', async () => {
    const deviceId = await firstSignIn();
    // A session on the PC from before the revocation.
    const login = await httpTransport(server.url).request('POST', '/v1/auth/login', {
      loginId: 'supervisor1',
      password: SYNC_PASSWORD,
      deviceId,
      deviceName: '상담석 공용 PC',
    });
    const token = (login.body as { accessToken: string }).accessToken;
    const revoke = await httpTransport(server.url).request(
      'POST',
      `/v1/devices/${deviceId}/revoke`,
      {},
      token,
    );
    expect(revoke.status).toBe(200);

    const release = await httpTransport(server.url).request(
      'POST',
      `/v1/devices/${deviceId}/escrow/release`,
      {},
      token,
    );
    expect(release.status).toBe(403);
    expect(release.body).toMatchObject({ error: { code: 'device-revoked' } });

    const g = gate();
    await expect(g.unlockFor('counselor2', SYNC_PASSWORD)).rejects.toMatchObject({
      error: { message: 'escrow.deviceRevoked' },
    });
    expect(g.store).toBeNull();
    expect((await getEscrow(server.opened.db, deviceId))?.releases).toBe(0);
  });

  it("gives nothing to another center's account or a forged device id", async () => {
    const deviceId = await firstSignIn();
    const http = httpTransport(server.url);

    // Another center's account cannot sign in on the PC at all, so the desktop opens nothing.
    const g = gate();
    await expect(g.unlockFor('busan1', SYNC_PASSWORD)).rejects.toMatchObject({
      error: { message: 'escrow.otherCenter' },
    });
    expect(g.store).toBeNull();

    // Signed in on a PC of its own, it asks for this PC's key by id: refused, by name.
    const busan = await http.request('POST', '/v1/auth/login', {
      loginId: 'busan1',
      password: SYNC_PASSWORD,
      deviceId: '01930000-0000-7000-8000-00000000b001',
      deviceName: '부산 PC',
    });
    const busanToken = (busan.body as { accessToken: string }).accessToken;
    const fromElsewhere = await http.request(
      'POST',
      `/v1/devices/${deviceId}/escrow/release`,
      {},
      busanToken,
    );
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.body).toMatchObject({ error: { code: 'escrow-wrong-device' } });
    // Nor may it replace this PC's escrow with a key of its own.
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const replace = await http.request(
      'POST',
      `/v1/devices/${deviceId}/escrow`,
      { publicKey, secret: Buffer.alloc(32, 7).toString('base64') },
      busanToken,
    );
    expect(replace.body).toMatchObject({ error: { code: 'escrow-wrong-device' } });

    // A colleague of the center claiming this PC's id from another machine (a forged device id) signs
    // in, but the secret comes sealed to the PC's own key: their key opens nothing, and the store key
    // itself never left the PC.
    const forged = await http.request('POST', '/v1/auth/login', {
      loginId: 'counselor2',
      password: SYNC_PASSWORD,
      deviceId,
      deviceName: '다른 PC',
    });
    const forgedToken = (forged.body as { accessToken: string }).accessToken;
    const released = await http.request('POST', `/v1/devices/${deviceId}/escrow/release`, {}, forgedToken);
    expect(released.status).toBe(200);
    const sealed = Buffer.from((released.body as { sealed: string }).sealed, 'base64');
    const escrow = await getEscrow(server.opened.db, deviceId);
    expect(sealed.includes(Buffer.from(escrow?.secret ?? '', 'base64'))).toBe(false);
    expect(() =>
      privateDecrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        sealed,
      ),
    ).toThrow();
    // And the forged enrolment over the existing one is refused: the escrow is never replaced.
    const overwrite = await http.request(
      'POST',
      `/v1/devices/${deviceId}/escrow`,
      { publicKey, secret: Buffer.alloc(32, 7).toString('base64') },
      forgedToken,
    );
    expect(overwrite.status).toBe(409);
    expect(overwrite.body).toMatchObject({ error: { code: 'escrow-exists' } });
  });
});
