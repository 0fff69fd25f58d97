import { safeStorage } from 'electron';
import type { SecretProtector } from '../services/keyring.ts';

// Electron's safeStorage seals the kiosk device's copy of the store key with the OS keyring (DPAPI,
// Keychain, libsecret/kwallet). On Linux without a keyring it falls back to a fixed password
// ("basic_text"): that is obfuscation, not protection, so it reports itself as weak and the admin
// screen says so. It is never the only protection of a counselor's store: those keys are wrapped
// with the counselors' passwords.

export function safeStorageProtector(): SecretProtector {
  const available = safeStorage.isEncryptionAvailable();
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return {
    strong: available && !weak,
    seal: (secret) =>
      available ? safeStorage.encryptString(secret.toString('base64')) : Buffer.from(secret),
    open: (sealed) =>
      available ? Buffer.from(safeStorage.decryptString(sealed), 'base64') : Buffer.from(sealed),
  };
}
