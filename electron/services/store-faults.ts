import { storeFaultOf, type StoreFaultCode } from '../../db/errors.ts';
import type { AppError } from '../../shared/contract/result.ts';

// A full disk or a failing one, as the window is told: the message keys of renderer/src/i18n. The
// dispatcher uses this for whatever a service throws, so every write through the services says it.

export const STORE_FAULT_MESSAGES: Record<StoreFaultCode, string> = {
  'disk-full': 'errors.diskFull',
  'store-io-error': 'errors.storeIo',
};

/** The error a call ends with when `error` is a storage fault (db/errors.ts); null otherwise. */
export function storeFaultError(error: unknown): AppError | null {
  const fault = storeFaultOf(error);
  return fault ? { code: 'unavailable', message: STORE_FAULT_MESSAGES[fault] } : null;
}
