// Reasons a store cannot be used. Each carries a message a person can act on; callers show it as is.

export type StoreProblem =
  | 'newer-version'
  | 'locked'
  | 'corrupt'
  | 'not-a-store'
  | 'missing'
  | 'migration-failed'
  | 'wrong-key'
  | 'disk-full'
  | 'io-error';

export class StoreError extends Error {
  readonly problem: StoreProblem;
  constructor(problem: StoreProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.problem = problem;
  }
}

// Storage faults: the disk under the store is full, or reading or writing it failed. Not the store's
// fault and not the person's: nothing of the failed write was kept, everything committed before is, and
// the same action works again once the disk has room (or the device is back). SQLite reports these with
// extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …); the named errors carry the original
// as `cause` and its code as `sqliteCode`, for logs.

/** The code a storage fault is known by outside this layer (sync status, the dispatcher's mapping). */
export type StoreFaultCode = 'disk-full' | 'store-io-error';

export class StoreDiskFull extends StoreError {
  readonly code: StoreFaultCode = 'disk-full';
  readonly sqliteCode: string;
  constructor(sqliteCode: string, options?: { cause?: unknown }) {
    super(
      'disk-full',
      'The disk is full: the last change was not saved. Free some disk space; everything saved before is kept.',
      options,
    );
    this.name = 'StoreDiskFull';
    this.sqliteCode = sqliteCode;
  }
}

export class StoreIoError extends StoreError {
  readonly code: StoreFaultCode = 'store-io-error';
  readonly sqliteCode: string;
  constructor(sqliteCode: string, options?: { cause?: unknown }) {
    super(
      'io-error',
      'The case store could not be read or written (a disk or file error): the last change was not saved. ' +
        'Check the disk; everything saved before is kept.',
      options,
    );
    this.name = 'StoreIoError';
    this.sqliteCode = sqliteCode;
  }
}

function faultOfCode(code: string): StoreFaultCode | null {
  // SQLite's, and Node's for the files beside the store (the keyring, backups).
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN)(_|$)/.test(code) || code === 'EIO' || code === 'EROFS')
    return 'store-io-error';
  return null;
}

/**
 * The storage fault an error is (or wraps, through `cause`): a named error, an SQLite error with one of
 * the codes above, or such an error that crossed a thread as `{ code }`. Null for anything else.
 */
export function storeFaultOf(error: unknown, depth = 0): StoreFaultCode | null {
  if (depth > 5 || error === null || typeof error !== 'object') return null;
  const code = (error as { code?: unknown }).code;
  if (code === 'disk-full' || code === 'store-io-error') return code;
  if (typeof code === 'string') {
    const fault = faultOfCode(code);
    if (fault) return fault;
  }
  return storeFaultOf((error as { cause?: unknown }).cause, depth + 1);
}

/** The named error for a storage fault (the error itself when it already is one); null otherwise. */
export function namedStoreFault(error: unknown): StoreDiskFull | StoreIoError | null {
  if (error instanceof StoreDiskFull || error instanceof StoreIoError) return error;
  const fault = storeFaultOf(error);
  if (!fault) return null;
  const code =
    (error as { sqliteCode?: unknown; code?: unknown }).sqliteCode ?? (error as { code?: unknown }).code;
  const sqliteCode = typeof code === 'string' ? code : fault;
  return fault === 'disk-full'
    ? new StoreDiskFull(sqliteCode, { cause: error })
    : new StoreIoError(sqliteCode, { cause: error });
}
