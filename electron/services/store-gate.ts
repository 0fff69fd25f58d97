import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../shared/contract/result.ts';
import { startAuditRetention, type RetentionTimer } from './audit-trail.ts';
import type { BackupHost } from './backups/host.ts';
import { StoreBackups } from './backups/manager.ts';
import { checkStoreBeforeOpen } from './backups/startup-check.ts';
import type { ServiceContext } from './context.ts';
import {
  emptyKeyring,
  newStoreKey,
  openDeviceSeal,
  readKeyring,
  sealForDevice,
  unwrapForUser,
  wrapForUser,
  writeKeyring,
  type KeyringFile,
  type SecretProtector,
} from './keyring.ts';
import { hostname } from 'node:os';
import { getMeta } from '../../db/repositories/meta.ts';
import { EscrowRefused, enrolEscrow, recoverStoreKey } from './escrow.ts';
import { log } from './log.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import { openDesktopStore, STORE_FILE, StoreError, type DesktopStore } from './store.ts';
import type { Timers } from './sync/scheduler.ts';
import { threadWriter, type ThreadWriter } from './sync/snapshot-thread.ts';
import { httpTransport, OfflineError, type SyncTransport } from './sync/transport.ts';
import type { SnapshotWriterFactory } from './sync/snapshot-writer.ts';

// The encrypted store's gate (domain.md §10). At start the store is shut: its key exists only wrapped
// in the keyring. A sign-in unwraps it with the password and opens the store; from then on the store
// stays open until the app quits (background sync keeps running while the screen is locked or nobody
// is signed in), and the key lives only in this process's memory. A kiosk PC, where nobody signs in,
// opens with the copy an admin sealed for the device with the OS keyring.

export const MAX_FAILED_UNLOCKS = 5;
export const UNLOCK_LOCKOUT_MINUTES = 30;

export type GateState = 'needs-setup' | 'locked' | 'open';

export interface StoreGateOptions {
  dataDir: string;
  protector: SecretProtector;
  now?: () => Date;
  /** A server given from outside (CASEWORKER_SERVER); otherwise the one saved in the keyring file. */
  serverUrl?: string | null;
  /**
   * Called once when the store opens: the app starts background sync here, writing snapshots with
   * `snapshotWriter` (a thread with its own connection to this store; see snapshotWriter below).
   */
  onOpen?: (
    store: DesktopStore,
    serverUrl: string | null,
    snapshotWriter: SnapshotWriterFactory,
  ) => void | Promise<void>;
  /** The backup schedule's timers (tests drive time by hand); real, unref'd timers by default. */
  backupTimers?: Timers;
  /** How the gate reaches the server before the store is open (the escrow); plain HTTP(S) by default. */
  transport?: (serverUrl: string) => SyncTransport;
}

export class StoreGate {
  readonly dataDir: string;
  private readonly protector: SecretProtector;
  private readonly now: () => Date;
  private readonly fixedServer: string | null;
  private readonly onOpen: StoreGateOptions['onOpen'];
  private readonly transport: (serverUrl: string) => SyncTransport;
  private opened: { store: DesktopStore; key: Buffer } | null = null;
  private retention: RetentionTimer | null = null;
  /** True while the store was made by this sign-in and may be discarded if the sign-in fails. */
  private fresh = false;
  private keyringCache: KeyringFile | undefined;
  /** The store's backups and their schedule (backups/manager.ts). */
  readonly backups: StoreBackups;
  /** The key of a store a sign-in found damaged: it stays shut, and only a restore opens it again. */
  private damagedKey: Buffer | null = null;
  /** Snapshot threads with a connection to the open store: stopped before it closes. */
  private readonly threads = new Set<ThreadWriter>();

  constructor(options: StoreGateOptions) {
    this.dataDir = options.dataDir;
    this.protector = options.protector;
    this.now = options.now ?? (() => new Date());
    this.fixedServer = options.serverUrl ?? null;
    this.onOpen = options.onOpen;
    this.transport = options.transport ?? ((url) => httpTransport(url));
    this.backups = new StoreBackups(this.backupHost(), options.backupTimers);
  }

  get store(): DesktopStore | null {
    return this.opened?.store ?? null;
  }

  current(): ServiceContext | null {
    return this.opened?.store.context ?? null;
  }

  state(): GateState {
    if (this.opened) return 'open';
    // A store nobody holds a key to (setup crashed before the first account, or the keyring was
    // removed) cannot be opened by anyone: setup starts again and sets that file aside.
    const keyring = this.keyring();
    const anyKey = Object.keys(keyring.users).length > 0 || keyring.device !== null;
    return anyKey && existsSync(join(this.dataDir, STORE_FILE)) ? 'locked' : 'needs-setup';
  }

  serverUrl(): string | null {
    return this.fixedServer ?? this.keyring().serverUrl;
  }

  /** Whether this PC can open its store without anyone signing in (it was set up as a kiosk). */
  hasDeviceUnlock(): boolean {
    return this.keyring().device !== null;
  }

  /** The device's copy is only obfuscated where the OS has no keyring: the admin screen says so. */
  deviceProtection(): 'os' | 'plain' | null {
    return this.keyring().device?.protection ?? null;
  }

  /**
   * Makes the store open for this person, or fails as a wrong sign-in would. Does not sign anyone in:
   * the caller still checks the account (roles, lock, server) against the opened store.
   */
  async unlockFor(loginId: string, password: string): Promise<void> {
    if (this.opened) return;
    const keyring = this.keyring();
    if (this.state() === 'needs-setup') {
      // A new desktop with a server: the first online sign-in creates the store (sync.md); without a
      // server, first-run setup must make the admin account first.
      if (!this.serverUrl()) throw new AppFailure({ code: 'unauthenticated', message: 'auth.needsSetup' });
      await this.create(keyring);
      this.fresh = true;
      return;
    }
    // This account's own copy first; then, on a shared PC, the escrow (an account new to this PC, or a
    // password changed on the server since the copy was made); else a wrong password, counted as before.
    const entry = keyring.users[loginId];
    const locked = entry?.lockedUntil ? new Date(entry.lockedUntil) > this.now() : false;
    const own = entry && !locked ? await unwrapForUser(entry, loginId, password) : null;
    if (own) {
      if (entry && (entry.failedUnlocks > 0 || entry.lockedUntil)) this.clearFailures(loginId);
      await this.openWith(own);
      return;
    }
    if (!locked && (await this.unlockThroughEscrow(keyring, loginId, password))) return;
    await this.openWith(await this.unwrapKey(keyring, loginId, password));
  }

  /**
   * The store key from the escrow after an online sign-in (electron/services/escrow.ts), wrapped at once
   * under this password (replacing an older copy made with a password since changed on the server).
   * False when there is no escrow, no server, the server is out of reach or refuses the sign-in itself.
   */
  private async unlockThroughEscrow(
    keyring: KeyringFile,
    loginId: string,
    password: string,
  ): Promise<boolean> {
    const server = this.serverUrl();
    if (!keyring.escrow || !server) return false;
    let recovered;
    try {
      recovered = await recoverStoreKey({
        transport: this.transport(server),
        entry: keyring.escrow,
        protector: this.protector,
        loginId,
        password,
        deviceName: hostname(),
      });
    } catch (error) {
      if (error instanceof OfflineError) return false;
      if (error instanceof EscrowRefused) {
        log.warn({ code: error.code }, 'store key escrow refused');
        // The sign-in was right and the server said why not (a revoked device, another center): named.
        throw new AppFailure({
          code: 'unauthenticated',
          message:
            error.code === 'device-revoked'
              ? 'escrow.deviceRevoked'
              : error.code === 'device-other-center'
                ? 'escrow.otherCenter'
                : 'escrow.refused',
        });
      }
      throw error;
    }
    if (!recovered) return false;
    await this.openWith(recovered.storeKey);
    await this.rememberPassword(loginId, recovered.userId, password);
    return true;
  }

  /** Whether this PC's store key is in escrow with the server (shared PCs). */
  hasEscrow(): boolean {
    return this.keyring().escrow !== null;
  }

  /**
   * After an online sign-in with the store open: puts the store key in escrow once (with the session's
   * access token), so that other accounts of the center can open this PC later. A failure is logged and
   * tried again at the next sign-in; it never stops this one.
   */
  async ensureEscrow(): Promise<boolean> {
    const server = this.serverUrl();
    const opened = this.opened;
    if (!server || !opened || this.hasEscrow()) return this.hasEscrow();
    const accessToken = await getMeta(opened.store.db, 'sync.access');
    if (!accessToken) return false;
    try {
      const entry = await enrolEscrow({
        transport: this.transport(server),
        accessToken,
        deviceId: opened.store.context.deviceId,
        storeKey: opened.key,
        protector: this.protector,
      });
      this.save({ ...this.keyring(), escrow: entry });
      return true;
    } catch (error) {
      log.warn(
        {
          code: error instanceof EscrowRefused ? error.code : error instanceof Error ? error.name : 'unknown',
        },
        'store key escrow not enrolled',
      );
      return false;
    }
  }

  /** The store key for this account's password, counting wrong passwords toward the lockout. */
  private async unwrapKey(keyring: KeyringFile, loginId: string, password: string): Promise<Buffer> {
    const entry = keyring.users[loginId];
    if (!entry) {
      await verifyPassword(DUMMY_HASH, password); // same time whether or not the account has a key here
      throw new AppFailure({ code: 'unauthenticated', message: 'auth.wrongCredentials' });
    }
    const now = this.now();
    if (entry.lockedUntil && new Date(entry.lockedUntil) > now) {
      throw new AppFailure({ code: 'unauthenticated', message: 'auth.locked' });
    }
    const key = await unwrapForUser(entry, loginId, password);
    if (!key) {
      const failures = (entry.lockedUntil ? 0 : entry.failedUnlocks) + 1;
      const locked = failures >= MAX_FAILED_UNLOCKS;
      keyring.users[loginId] = {
        ...entry,
        failedUnlocks: failures,
        lockedUntil: locked ? new Date(now.getTime() + UNLOCK_LOCKOUT_MINUTES * 60_000).toISOString() : null,
      };
      this.save(keyring);
      throw new AppFailure({
        code: 'unauthenticated',
        message: locked ? 'auth.locked' : 'auth.wrongCredentials',
      });
    }
    if (entry.failedUnlocks > 0 || entry.lockedUntil) {
      keyring.users[loginId] = { ...entry, failedUnlocks: 0, lockedUntil: null };
      this.save(keyring);
    }
    return key;
  }

  /** Opens a kiosk PC's store with the device's sealed copy; false when this PC has none. */
  async unlockAsDevice(): Promise<boolean> {
    if (this.opened) return true;
    const device = this.keyring().device;
    if (!device) return false;
    const key = openDeviceSeal(device, this.protector);
    if (!key) return false;
    await this.openWith(key);
    return true;
  }

  /** First-run setup: a new store with a new key, wrapped for the admin who is being created. */
  async createForSetup(): Promise<void> {
    if (this.state() !== 'needs-setup') {
      throw new AppFailure({ code: 'conflict', message: 'setup.alreadyDone' });
    }
    await this.create(this.keyring());
    this.fresh = true;
  }

  /** The sign-in that made the store succeeded: keep it. */
  keep(): void {
    this.fresh = false;
  }

  /** The sign-in (or setup) that made the store failed: remove the empty store so the next try starts clean. */
  async discardIfFresh(): Promise<void> {
    if (!this.fresh || !this.opened) return;
    this.fresh = false;
    await this.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(this.dataDir, STORE_FILE + suffix), { force: true });
    this.save({ ...emptyKeyring(), serverUrl: this.keyring().serverUrl });
  }

  /** Wraps the open store's key for an account (after its first sign-in here, or when an admin creates it). */
  async rememberPassword(loginId: string, userId: string | null, password: string): Promise<void> {
    const key = this.requireKey();
    const entry = await wrapForUser(key, loginId, userId, password);
    const keyring = this.keyring();
    keyring.users[loginId] = entry;
    this.save(keyring);
  }

  /** Whether the account already has its own wrapped copy here. */
  knows(loginId: string): boolean {
    return this.keyring().users[loginId] !== undefined;
  }

  forget(loginId: string): void {
    const keyring = this.keyring();
    if (!(loginId in keyring.users)) return;
    delete keyring.users[loginId];
    this.save(keyring);
  }

  /** An admin's unlock also clears the count of failed unlocks kept before the store opens. */
  clearFailures(loginId: string): void {
    const keyring = this.keyring();
    const entry = keyring.users[loginId];
    if (!entry) return;
    keyring.users[loginId] = { ...entry, failedUnlocks: 0, lockedUntil: null };
    this.save(keyring);
  }

  setDeviceUnlock(enabled: boolean): 'os' | 'plain' | null {
    const keyring = this.keyring();
    keyring.device = enabled ? sealForDevice(this.requireKey(), this.protector) : null;
    this.save(keyring);
    return keyring.device?.protection ?? null;
  }

  saveServerUrl(url: string | null): void {
    const keyring = this.keyring();
    // Every `caseworker sync` saves its URL: unchanged, nothing is written (a full disk must not stop a
    // sync that has nothing new to keep here).
    if (keyring.serverUrl === url) return;
    keyring.serverUrl = url;
    this.save(keyring);
  }

  async close(): Promise<void> {
    await this.backups.stop();
    this.damagedKey?.fill(0);
    this.damagedKey = null;
    const opened = this.opened;
    this.opened = null;
    const retention = this.retention;
    this.retention = null;
    if (retention) {
      retention.stop();
      await retention.first;
    }
    if (opened) {
      opened.store.context.sync?.scheduler.stop();
      // A download in progress stops here; what it committed stays, and it continues at the next open.
      await Promise.all([...this.threads].map((t) => t.abort()));
      this.threads.clear();
      await opened.store.close();
      opened.key.fill(0);
    }
  }

  /**
   * The keyring file, read once and then kept in step by `save` (this process is its only writer:
   * the single-instance lock keeps a second app away). Callers get a copy they may change and save.
   */
  private keyring(): KeyringFile {
    this.keyringCache ??= readKeyring(this.dataDir) ?? emptyKeyring();
    return structuredClone(this.keyringCache);
  }

  private save(keyring: KeyringFile): void {
    writeKeyring(this.dataDir, keyring);
    this.keyringCache = structuredClone(keyring);
  }

  private requireKey(): Buffer {
    if (!this.opened) throw new AppFailure({ code: 'unauthenticated', message: 'auth.required' });
    return this.opened.key;
  }

  private async create(keyring: KeyringFile): Promise<void> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['', '-wal', '-shm']) {
      const file = join(this.dataDir, STORE_FILE + suffix);
      if (existsSync(file)) renameSync(file, `${file}.unopenable-${stamp}`);
    }
    const key = newStoreKey();
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    await this.openWith(key);
    // The keyring file exists from the start so a crash between here and the first wrap is visible as
    // a store nobody can open, which the next setup replaces (no users were made, no data lost).
    this.save({ ...keyring, serverUrl: keyring.serverUrl ?? this.fixedServer });
  }

  private async openWith(key: Buffer): Promise<void> {
    await this.refuseDamaged(key);
    let store: DesktopStore;
    try {
      store = await openDesktopStore(this.dataDir, { key, now: this.now });
    } catch (error) {
      // A store that is damaged, newer or in use is reported as such (the sign-in was right); the
      // message says what to do, and nothing was written.
      if (error instanceof StoreError) {
        // The key itself was verified when it was unwrapped: a file it cannot read is damaged.
        const problem = error.problem === 'wrong-key' ? 'corrupt' : error.problem;
        if (problem === 'corrupt') this.damaged(key);
        throw new AppFailure({ code: 'unavailable', message: `store.${problem}` });
      }
      throw error;
    }
    if (this.protector.strong) store.context.secrets = this.protector;
    this.opened = { store, key };
    this.damagedKey?.fill(0);
    this.damagedKey = null;
    this.backups.storeOpened();
    // The audit trail's retention purge: now, then daily while the store is open (domain.md §10).
    this.retention = startAuditRetention(store.context, (error) =>
      log.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'audit retention purge failed'),
    );
    await this.onOpen?.(store, this.serverUrl(), () => this.snapshotWriter());
  }

  /**
   * A snapshot writer on its own thread and connection to the open store (sync/snapshot-thread.ts),
   * given a copy of the key. The gate keeps it until it ends, and stops it before the store closes.
   */
  snapshotWriter(): ThreadWriter {
    const opened = this.opened;
    if (!opened) throw new Error('The store is not open.');
    const writer = threadWriter(opened.store.file, opened.key, this.now);
    this.threads.add(writer);
    const forget = () => this.threads.delete(writer);
    return {
      write: (scope, lines) => writer.write(scope, lines),
      close: () => writer.close().finally(forget),
      abort: () => writer.abort().finally(forget),
    };
  }

  // ---- Integrity at start and restores (issue 8: backups/) ----

  /** Before the store opens for writing: `PRAGMA quick_check` with the key, read-only, off this thread. */
  private async refuseDamaged(key: Buffer): Promise<void> {
    if ((await checkStoreBeforeOpen(join(this.dataDir, STORE_FILE), key)) === 'damaged') this.damaged(key);
  }

  /** Keeps the store shut and remembers the key (the password proved it) for the restore screen. */
  private damaged(key: Buffer): never {
    if (this.damagedKey !== key) this.damagedKey?.fill(0);
    this.damagedKey = key;
    throw new AppFailure({ code: 'unavailable', message: 'store.damaged' });
  }

  private backupHost(): BackupHost {
    return {
      dataDir: this.dataDir,
      now: () => this.now(),
      openStore: () => this.opened,
      isDamaged: () => this.damagedKey !== null && this.opened === null,
      proveKey: (loginId, password) => this.unwrapKey(this.keyring(), loginId, password),
      reopenAround: async (key, swap) => {
        await this.close();
        swap();
        // The gate keeps (and at close wipes) its own copy of the key.
        await this.openWith(Buffer.from(key));
      },
    };
  }
}
