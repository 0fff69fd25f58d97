import {
  constants,
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  privateDecrypt,
  randomBytes,
} from 'node:crypto';
import { STORE_KEY_BYTES, type EscrowEntry, type SecretProtector } from './keyring.ts';
import type { SyncTransport } from './sync/transport.ts';

// Shared PCs (issue #19 item 2; the reasoning is in server/README.md § Shared PCs). An account that never
// signed in on this PC has no wrapped copy of the store key here. The key is split in two halves so
// that neither the PC's folder nor the server's database opens the store alone:
//   - this PC keeps the store key sealed (AES-256-GCM) under a random 32-byte secret, and an RSA key pair;
//   - the server keeps the secret and the public key, and gives the secret back only to this device (the
//     access token's device), not revoked, after an online sign-in of an account of its center, sealed
//     to the public key (RSA-OAEP, SHA-256) so a forged device id learns nothing.
// With the key back, the desktop wraps it under the signing-in account's password as usual.

export class EscrowRefused extends Error {
  override readonly name = 'EscrowRefused';
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function aad(deviceId: string): Buffer {
  return Buffer.from(`caseworker-escrow:1:${deviceId}`, 'utf8');
}

function refusal(status: number, body: unknown): EscrowRefused {
  const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return new EscrowRefused(status, e?.code ?? 'http', e?.message ?? `The server answered ${status}.`);
}

/**
 * Puts this PC's store key in escrow: a new key pair and secret, the store key sealed under the secret
 * here, the secret and the public key to the server (with the signed-in account's access token).
 */
export async function enrolEscrow(o: {
  transport: SyncTransport;
  accessToken: string;
  deviceId: string;
  storeKey: Buffer;
  protector: SecretProtector;
}): Promise<EscrowEntry> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const secret = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(aad(o.deviceId));
  const data = Buffer.concat([cipher.update(o.storeKey), cipher.final()]);
  const r = await o.transport.request(
    'POST',
    `/v1/devices/${o.deviceId}/escrow`,
    { publicKey, secret: secret.toString('base64') },
    o.accessToken,
  );
  secret.fill(0);
  if (r.status !== 200) throw refusal(r.status, r.body);
  return {
    deviceId: o.deviceId,
    protection: o.protector.strong ? 'os' : 'plain',
    privateKey: o.protector.seal(Buffer.from(privateKey, 'utf8')).toString('base64'),
    key: {
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    },
  };
}

export interface RecoveredKey {
  storeKey: Buffer;
  userId: string;
}

/**
 * Signs in online as this account on this device and gets the store key back through the escrow.
 * Null when the server refuses the sign-in itself (wrong password, locked: the caller answers as a
 * wrong local password would); EscrowRefused when the sign-in was right but the key is refused (a
 * revoked device, another center, no escrow); OfflineError when the server is out of reach.
 */
export async function recoverStoreKey(o: {
  transport: SyncTransport;
  entry: EscrowEntry;
  protector: SecretProtector;
  loginId: string;
  password: string;
  deviceName: string;
}): Promise<RecoveredKey | null> {
  const login = await o.transport.request('POST', '/v1/auth/login', {
    loginId: o.loginId,
    password: o.password,
    deviceId: o.entry.deviceId,
    deviceName: o.deviceName,
  });
  if (login.status === 401) return null;
  if (login.status !== 200) throw refusal(login.status, login.body);
  const session = login.body as { accessToken: string; user: { id: string } };
  const r = await o.transport.request(
    'POST',
    `/v1/devices/${o.entry.deviceId}/escrow/release`,
    {},
    session.accessToken,
  );
  if (r.status !== 200) throw refusal(r.status, r.body);
  const sealed = Buffer.from((r.body as { sealed: string }).sealed, 'base64');
  const privateKey = o.protector.open(Buffer.from(o.entry.privateKey, 'base64')).toString('utf8');
  const secret = privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    sealed,
  );
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(o.entry.key.iv, 'base64'));
    decipher.setAAD(aad(o.entry.deviceId));
    decipher.setAuthTag(Buffer.from(o.entry.key.tag, 'base64'));
    const storeKey = Buffer.concat([
      decipher.update(Buffer.from(o.entry.key.data, 'base64')),
      decipher.final(),
    ]);
    if (storeKey.length !== STORE_KEY_BYTES) throw new Error('wrong length');
    return { storeKey, userId: session.user.id };
  } catch {
    throw new EscrowRefused(
      409,
      'escrow-mismatch',
      "The server's half of this PC's escrow does not open its store key: an admin must reset the account here.",
    );
  } finally {
    secret.fill(0);
  }
}
