import { createHash } from 'node:crypto';
import { openSync, readFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import { applyStoreKey } from '../../../../../db/connection.ts';
import { createDispatcher, type Caller } from '../../../../../electron/main/dispatcher.ts';
import { createAccount } from '../../../../../electron/services/accounts.ts';
import { handlers } from '../../../../../electron/services/handlers/index.ts';
import { createJobseeker } from '../../../../../electron/services/jobseekers.ts';
import { NO_OS_KEYRING, readKeyring, unwrapForUser } from '../../../../../electron/services/keyring.ts';
import { StoreGate } from '../../../../../electron/services/store-gate.ts';
import type { Timers } from '../../../../../electron/services/sync/scheduler.ts';
import type { SessionInfo } from '../../../../../shared/contract/auth.ts';
import type { ChannelName } from '../../../../../shared/contract/index.ts';
import { jobseekerFieldsSchema } from '../../../../../shared/domain/jobseeker.ts';
import { sessionHolder, tempDir } from '../../../../support/temp-store.ts';

// Backups are about files, keys and the gate, so these tests run the real gate on a real folder, as the
// app and the test host do: first-run setup makes the admin, sign-ins unlock the key, and the dispatcher
// carries every call. The backup schedule's timers are driven by hand.

export const ADMIN = { loginId: 'itadmin', password: 'Setup-pass-2026' };
export const COUNSELOR = { loginId: 'counsel1', password: 'Counsel-pass-2026' };
export const SETUP = {
  centerCode: 'B01',
  centerName: '백업고용센터',
  sido: '11',
  loginId: ADMIN.loginId,
  displayName: '관리자 한명',
  password: ADMIN.password,
};

/** People whose names and phones must never appear in a file's raw bytes. */
export const PEOPLE = [
  { name: '탁문희', birthYear: 1979, sido: '11', phone: '010-4826-1357' },
  { name: '변정숙', birthYear: 1985, sido: '26', phone: '010-7395-2846' },
] as const;

export class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((p) => p.ms);
  }
}

export interface Harness {
  dir: string;
  gate: StoreGate;
  desk: Caller;
  timers: ManualTimers;
  errors: unknown[];
  clock: { now: number };
  call(
    channel: ChannelName,
    input?: unknown,
    caller?: Caller,
  ): ReturnType<ReturnType<typeof createDispatcher>>;
  /** A new gate on the same folder (the app started again); the old one must be closed first. */
  restart(): Harness;
  close(): Promise<void>;
}

export function harness(dir: string, clock = { now: Date.parse('2026-11-02T09:00:00Z') }): Harness {
  const timers = new ManualTimers();
  const gate = new StoreGate({
    dataDir: dir,
    protector: NO_OS_KEYRING,
    now: () => new Date(clock.now),
    backupTimers: timers,
  });
  const errors: unknown[] = [];
  const dispatch = createDispatcher(handlers, gate, { error: (e) => errors.push(e) }, () => clock.now);
  const desk: Caller = { surface: 'desk', session: sessionHolder() };
  return {
    dir,
    gate,
    desk,
    timers,
    errors,
    clock,
    call: (channel, input = {}, caller = desk) => dispatch(caller, channel, input),
    restart: () => harness(dir, clock),
    close: () => gate.close(),
  };
}

export function newDir(cleanups: Array<() => unknown>): string {
  const { dir, remove } = tempDir('caseworker-backups-');
  cleanups.push(remove);
  return dir;
}

/** Setup (admin), a counselor account, and the people above registered by the counselor. */
export async function setUpStore(h: Harness, people: number = PEOPLE.length): Promise<SessionInfo> {
  expect(await h.call('auth:setup', SETUP)).toMatchObject({ ok: true });
  const services = h.gate.current();
  if (!services) throw new Error('store not open');
  const admin = h.desk.session.get() as SessionInfo;
  await createAccount(services, {
    loginId: COUNSELOR.loginId,
    displayName: '상담사 한명',
    role: 'counselor',
    centerCode: SETUP.centerCode,
    password: COUNSELOR.password,
  });
  await h.gate.rememberPassword(COUNSELOR.loginId, null, COUNSELOR.password);
  for (const person of PEOPLE.slice(0, people)) await addPerson(h, person.name, person.phone);
  return admin;
}

export async function addPerson(h: Harness, name: string, phone: string): Promise<void> {
  const services = h.gate.current();
  if (!services) throw new Error('store not open');
  const admin = h.desk.session.get() as SessionInfo;
  await createJobseeker(
    services,
    { ...admin, role: 'counselor' },
    jobseekerFieldsSchema.parse({ name, birthYear: 1980, sido: '11', phone }),
    true,
  );
}

export async function storeKey(dir: string): Promise<Buffer> {
  const entry = readKeyring(dir)?.users[ADMIN.loginId];
  if (!entry) throw new Error('no keyring entry');
  const key = await unwrapForUser(entry, ADMIN.loginId, ADMIN.password);
  if (!key) throw new Error('wrong password');
  return key;
}

/** Names of the jobseekers in a store file, read with the key (or throws when it will not open). */
export function namesIn(file: string, key: Uint8Array | null): string[] {
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyStoreKey(raw, key);
    return (raw.prepare('select name from jobseekers order by name').all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
  } finally {
    raw.close();
  }
}

/** Overwrites pages in the middle of a closed file with junk: a disk that did not keep them. */
export function damagePages(file: string, pages = 3, pageSize = 4096): void {
  const size = statSync(file).size;
  const first = Math.floor(size / pageSize / 2);
  const fd = openSync(file, 'r+');
  try {
    for (let p = 0; p < pages; p++) {
      const junk = Buffer.alloc(pageSize, (p * 37 + 11) & 0xff);
      writeSync(fd, junk, 0, pageSize, (first + p) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function backupPath(dir: string, name: string): string {
  return join(dir, 'backups', name);
}
