import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORE_FAULT_MESSAGES, storeFaultError } from '../../../electron/services/store-faults.ts';
import { StoreDiskFull, StoreIoError } from '../../../db/errors.ts';
import { getContrastRatio } from '@mui/material/styles';
import {
  CHIP_BACKGROUND,
  CHIP_BACKGROUND_HOVER,
  CHIP_HELP,
  CHIP_LABEL,
  CHIP_TEXT,
  chipState,
  chipTone,
  isLocalFault,
  type ChipTone,
} from '../../../renderer/src/shell/sync-chip.ts';
import { theme } from '../../../renderer/src/theme.ts';
import type { SyncStatus } from '../../../shared/contract/sync.ts';

// The words a counselor sees for a full or failing disk: the sync chip's state from the status, and the
// message keys (chip, dialog, a failed save) present in both languages.

const base: SyncStatus = {
  configured: true,
  online: true,
  running: false,
  lastSuccess: null,
  lastError: null,
  lastErrorCode: null,
  nextAttempt: null,
  pending: 0,
  refused: [],
  openReviews: 0,
  revoked: false,
  unsent: 0,
  mismatchedScopes: [],
  clockOffsetMs: 0,
  received: 0,
};

type Tree = { [key: string]: string | Tree };
function text(lang: 'ko' | 'en', key: string): string | undefined {
  const file = new URL(`../../../renderer/src/i18n/${lang}.json`, import.meta.url);
  let node: string | Tree | undefined = JSON.parse(readFileSync(file, 'utf8')) as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('the sync chip', () => {
  it('names a full disk, a failing disk and an unavailable server database', () => {
    expect(chipState({ ...base, lastErrorCode: 'disk-full' })).toBe('disk-full');
    expect(chipState({ ...base, online: false, lastErrorCode: 'disk-full' })).toBe('disk-full');
    expect(chipState({ ...base, lastErrorCode: 'store-io-error' })).toBe('store-io');
    expect(chipState({ ...base, online: false, lastErrorCode: 'database-unavailable' })).toBe(
      'server-unavailable',
    );
    expect(chipState({ ...base, online: false, lastErrorCode: null })).toBe('offline');
    expect(chipState(base)).toBe('online');
    expect(chipState({ ...base, configured: false })).toBe('local');
  });

  it('says "디스크 공간 부족 / Disk full", and every key it uses exists in Korean and English', () => {
    expect(text('ko', CHIP_LABEL['disk-full'])).toMatch(/^디스크 공간 부족/);
    expect(text('en', CHIP_LABEL['disk-full'])).toMatch(/^Disk full/);
    const keys = [...Object.values(CHIP_LABEL), ...Object.values(CHIP_HELP).filter((k) => k !== null)];
    for (const key of [...keys, ...Object.values(STORE_FAULT_MESSAGES)]) {
      expect(text('ko', key), `ko ${key}`).toBeTruthy();
      expect(text('en', key), `en ${key}`).toBeTruthy();
    }
  });
});

describe('a storage fault thrown by a service', () => {
  it('ends the call as "unavailable" with the message of its kind', () => {
    expect(storeFaultError(new StoreDiskFull('SQLITE_FULL'))).toEqual({
      code: 'unavailable',
      message: 'errors.diskFull',
    });
    expect(storeFaultError(new StoreIoError('SQLITE_IOERR_WRITE'))).toEqual({
      code: 'unavailable',
      message: 'errors.storeIo',
    });
    // As better-sqlite3 raises them, and wrapped.
    const raw = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(storeFaultError(new Error('wrapped', { cause: raw }))?.message).toBe('errors.diskFull');
    const readonly = Object.assign(new Error('readonly'), { code: 'SQLITE_READONLY_DBMOVED' });
    expect(storeFaultError(readonly)?.message).toBe('errors.storeIo');
    const cantopen = Object.assign(new Error('cannot open'), { code: 'SQLITE_CANTOPEN' });
    expect(storeFaultError(cantopen)?.message).toBe('errors.storeIo');
    // A file beside the store (the key file) on a full disk.
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(storeFaultError(enospc)?.message).toBe('errors.diskFull');
    const constraint = Object.assign(new Error('UNIQUE'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(storeFaultError(constraint)).toBeNull();
    expect(storeFaultError(new Error('cannot rollback - no transaction is active'))).toBeNull();
  });
});

describe('the sync chip’s colours on the app bar', () => {
  const problemsOf = (s: SyncStatus) =>
    s.refused.length + s.openReviews + (s.revoked ? 1 : 0) + (isLocalFault(chipState(s)) ? 1 : 0);
  const toneOf = (s: SyncStatus) => chipTone(s, chipState(s), problemsOf(s));

  it('has a tone for each state: ok, syncing, offline, error, conflict', () => {
    expect(toneOf(base)).toBe('ok');
    expect(toneOf({ ...base, running: true })).toBe('syncing');
    expect(toneOf({ ...base, online: false })).toBe('offline');
    expect(toneOf({ ...base, configured: false, online: false })).toBe('offline');
    expect(toneOf({ ...base, online: false, lastErrorCode: 'database-unavailable' })).toBe('offline');
    expect(toneOf({ ...base, lastErrorCode: 'disk-full' })).toBe('error');
    expect(toneOf({ ...base, lastErrorCode: 'store-io-error', running: true })).toBe('error');
    expect(toneOf({ ...base, revoked: true })).toBe('error');
    expect(toneOf({ ...base, openReviews: 1, running: true })).toBe('conflict');
  });

  for (const tone of Object.keys(CHIP_TEXT) as ChipTone[]) {
    it(`${tone}: its words reach 4.5:1 on the chip, at rest and hovered or focused`, () => {
      expect(getContrastRatio(CHIP_TEXT[tone], CHIP_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
      expect(getContrastRatio(CHIP_TEXT[tone], CHIP_BACKGROUND_HOVER)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('is opaque, and stands out from the app bar by 3:1 or more', () => {
    for (const c of [CHIP_BACKGROUND, CHIP_BACKGROUND_HOVER]) {
      expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(getContrastRatio(c, theme.palette.primary.main)).toBeGreaterThanOrEqual(3);
    }
  });
});
