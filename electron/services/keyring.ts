import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { argon2Cost } from '../../db/hash-cost.ts';

// The store key's keyring (domain.md §10, encrypted at rest). The case store is encrypted with one
// random 32-byte key. That key is never written down in the clear: this file beside the store holds it
// wrapped once per account, with a key derived from that account's password (argon2id), and optionally
// once for the device (a kiosk PC, which has no one to sign in), protected by the OS keyring.
// Stealing the folder gives the encrypted store and these wrapped copies, nothing that opens them
// without a password. The file also counts failed unlocks, because before the store is open there is
// nowhere else to count them.

export const KEYRING_FILE = 'caseworker.keys';
export const STORE_KEY_BYTES = 32;

/**
 * argon2id at OWASP's baseline, 19 MiB and 2 passes (db/hash-cost.ts; lower only inside vitest's
 * workers). About 50 ms here, paid once per sign-in. Each entry records its own `kdf`.
 */
const ARGON2ID = 2;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const wrappedSchema = z.object({ iv: b64, tag: b64, data: b64 }).strict();

const userEntrySchema = z
  .object({
    userId: z.string().nullable(),
    salt: b64,
    kdf: z.object({ m: z.number().int(), t: z.number().int(), p: z.number().int() }).strict(),
    key: wrappedSchema,
    failedUnlocks: z.number().int().min(0),
    lockedUntil: z.string().nullable(),
  })
  .strict();

const deviceEntrySchema = z
  .object({
    /** `os`: sealed by the OS keyring (safeStorage); `plain`: the OS offers none, so only obfuscated. */
    protection: z.enum(['os', 'plain']),
    sealed: b64,
  })
  .strict();

/**
 * This PC's half of its store-key escrow (shared PCs, electron/services/escrow.ts): the store key sealed
 * under a secret only the server keeps, and the private key the server seals that secret to.
 */
const escrowEntrySchema = z
  .object({
    deviceId: z.string().uuid(),
    /** The private key (PKCS#8 PEM), sealed like the device's copy: `os` or only `plain`. */
    protection: z.enum(['os', 'plain']),
    privateKey: b64,
    key: wrappedSchema,
  })
  .strict();

const keyringSchema = z
  .object({
    format: z.literal(1),
    users: z.record(z.string(), userEntrySchema),
    device: deviceEntrySchema.nullable(),
    /** The sync server, needed before the store is open (sign-in goes online first). Not a secret. */
    serverUrl: z.string().max(2048).nullable().default(null),
    escrow: escrowEntrySchema.nullable().default(null),
  })
  .strict();

export type KeyringFile = z.infer<typeof keyringSchema>;
export type UserKeyEntry = z.infer<typeof userEntrySchema>;
export type EscrowEntry = z.infer<typeof escrowEntrySchema>;

/** Seals small secrets with the OS keyring where there is one (Electron's safeStorage in the app). */
export interface SecretProtector {
  /** False where the "protection" is a fixed obfuscation (Linux without a keyring, tests). */
  readonly strong: boolean;
  seal(secret: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

/**
 * Where there is no OS keyring to ask (the command line, tests): the device's copy is stored as is and
 * marked `plain`, so every screen that shows it can say it is not protected.
 */
export const NO_OS_KEYRING: SecretProtector = {
  strong: false,
  seal: (secret) => Buffer.from(secret),
  open: (sealed) => Buffer.from(sealed),
};

export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE);
}

export function emptyKeyring(): KeyringFile {
  return { format: 1, users: {}, device: null, serverUrl: null, escrow: null };
}

export function readKeyring(dataDir: string): KeyringFile | null {
  const file = keyringPath(dataDir);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KeyringError(`The key file ${file} is damaged and cannot be read.`, { cause });
  }
  const checked = keyringSchema.safeParse(parsed);
  if (!checked.success) throw new KeyringError(`The key file ${file} is damaged or from another program.`);
  return checked.data;
}

/** Atomic (write aside, then rename) and owner-only, like the store itself. */
export function writeKeyring(dataDir: string, keyring: KeyringFile): void {
  const file = keyringPath(dataDir);
  const aside = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(aside, JSON.stringify(keyring, null, 1), { mode: 0o600 });
    chmodSync(aside, 0o600);
  } catch (error) {
    // A full disk leaves a partial copy aside; the keyring itself is untouched.
    rmSync(aside, { force: true });
    throw error;
  }
  renameSync(aside, file);
}

export function newStoreKey(): Buffer {
  return randomBytes(STORE_KEY_BYTES);
}

async function passwordKey(password: string, salt: Buffer, kdf: UserKeyEntry['kdf']): Promise<Buffer> {
  return hashRaw(password, {
    algorithm: ARGON2ID,
    memoryCost: kdf.m,
    timeCost: kdf.t,
    parallelism: kdf.p,
    outputLen: 32,
    salt,
  });
}

/** Additional data ties a wrapped copy to its login id: an entry copied under another name won't open. */
function aad(loginId: string): Buffer {
  return Buffer.from(`caseworker-store-key:1:${loginId}`, 'utf8');
}

export async function wrapForUser(
  storeKey: Buffer,
  loginId: string,
  userId: string | null,
  password: string,
): Promise<UserKeyEntry> {
  const salt = randomBytes(16);
  const cost = argon2Cost();
  const kdf = { m: cost.memoryCost, t: cost.timeCost, p: cost.parallelism };
  const kek = await passwordKey(password, salt, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(loginId));
  const data = Buffer.concat([cipher.update(storeKey), cipher.final()]);
  return {
    userId,
    salt: salt.toString('base64'),
    kdf,
    key: {
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    },
    failedUnlocks: 0,
    lockedUntil: null,
  };
}

/** The store key, or null when the password is wrong (GCM's tag check fails). */
export async function unwrapForUser(
  entry: UserKeyEntry,
  loginId: string,
  password: string,
): Promise<Buffer | null> {
  const kek = await passwordKey(password, Buffer.from(entry.salt, 'base64'), entry.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(entry.key.iv, 'base64'));
    decipher.setAAD(aad(loginId));
    decipher.setAuthTag(Buffer.from(entry.key.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(entry.key.data, 'base64')), decipher.final()]);
    return key.length === STORE_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

export function sealForDevice(storeKey: Buffer, protector: SecretProtector): KeyringFile['device'] {
  return {
    protection: protector.strong ? 'os' : 'plain',
    sealed: protector.seal(storeKey).toString('base64'),
  };
}

export function openDeviceSeal(
  device: NonNullable<KeyringFile['device']>,
  protector: SecretProtector,
): Buffer | null {
  try {
    const key = protector.open(Buffer.from(device.sealed, 'base64'));
    return key.length === STORE_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}
