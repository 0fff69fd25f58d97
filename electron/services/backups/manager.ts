import type { SessionInfo } from '../../../shared/contract/auth.ts';
import type {
  BackupInfo,
  BackupJob,
  BackupSettings,
  BackupsView,
  DamagedStoreView,
  RestoreResult,
} from '../../../shared/contract/backups.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import type { Timers } from '../sync/scheduler.ts';
import { auditBackup, type BackupActor } from './audit.ts';
import { verifyBackup } from './check.ts';
import { listBackups, removeBackup } from './folder.ts';
import type { BackupHost } from './host.ts';
import { makeBackup } from './make.ts';
import { restoreBackup } from './restore.ts';
import { backupsToRemove } from './rotate.ts';
import { DEFAULT_BACKUP_SETTINGS, getBackupSettings, saveBackupSettings } from './settings.ts';

// The store's backups while the app runs: one job at a time (make, verify or restore), its progress for
// the settings page, and the schedule. The schedule looks a minute after each sign-in and then every
// hour, and makes a backup when the newest good one is older than the interval setting (24 h by
// default); each new backup is followed by rotation. All file work runs in a worker thread, so neither
// the window's calls nor sign-in wait for it. The gate owns one instance and stops it before it closes
// the store.

export const AFTER_SIGN_IN_MS = 60_000;
export const CHECK_EVERY_MS = 60 * 60_000;

/** Real timers that never keep the process alive on their own (the CLI and tests end when done). */
export const UNREF_TIMERS: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface RunningJob extends BackupJob {
  abort: AbortController | null;
  done: Promise<unknown>;
}

export class StoreBackups {
  private readonly host: BackupHost;
  private readonly timers: Timers;
  private job: RunningJob | null = null;
  private lastError: string | null = null;
  private handle: unknown = null;
  private nextCheck: Date | null = null;

  constructor(host: BackupHost, timers: Timers = UNREF_TIMERS) {
    this.host = host;
    this.timers = timers;
  }

  // ---- the schedule ----

  /** The store opened: look at the backups every hour from now on. */
  storeOpened(): void {
    this.plan(CHECK_EVERY_MS);
  }

  /** Someone signed in: look soon (not at once: the first screens come first). */
  afterSignIn(): void {
    if (!this.nextCheck || this.nextCheck.getTime() - this.host.now().getTime() > AFTER_SIGN_IN_MS) {
      this.plan(AFTER_SIGN_IN_MS);
    }
  }

  /** Before the store closes: no more timers; a running copy or check is stopped and awaited. */
  async stop(): Promise<void> {
    this.clearPlan();
    const job = this.job;
    if (job?.abort) {
      job.abort.abort();
      await job.done.catch(() => undefined);
    }
  }

  /** The scheduled look: a backup if the newest good one is older than the interval, then rotation. */
  async runSchedule(): Promise<BackupInfo | null> {
    this.clearPlan();
    const open = this.host.openStore();
    if (!open) return null;
    try {
      if (this.job) return null;
      const settings = await getBackupSettings(open.store.context);
      const newest = listBackups(this.host.dataDir).find((b) => b.status === 'ok');
      const age = newest ? this.host.now().getTime() - Date.parse(newest.createdAt) : Infinity;
      if (age < settings.intervalHours * 3_600_000) return null;
      const made = await this.make(null, 'scheduled');
      this.lastError = null;
      return made;
    } catch (error) {
      if (error instanceof AppFailure && error.error.message === 'backups.busy') return null; // someone's job
      // Shown on the admin's page until the next backup works; never the error's text (paths, SQL).
      this.lastError = error instanceof AppFailure ? error.error.message : 'backups.scheduledFailed';
      return null;
    } finally {
      if (this.host.openStore()) this.plan(CHECK_EVERY_MS);
    }
  }

  private plan(ms: number): void {
    this.clearPlan();
    this.nextCheck = new Date(this.host.now().getTime() + ms);
    this.handle = this.timers.setTimeout(() => void this.runSchedule(), ms);
  }

  private clearPlan(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.nextCheck = null;
  }

  // ---- what the admin's page calls ----

  async view(): Promise<BackupsView> {
    const open = this.host.openStore();
    return {
      backups: listBackups(this.host.dataDir),
      settings: open ? await getBackupSettings(open.store.context) : DEFAULT_BACKUP_SETTINGS,
      job: this.job
        ? { kind: this.job.kind, startedAt: this.job.startedAt, progress: this.job.progress }
        : null,
      lastError: this.lastError,
      nextCheck: this.nextCheck?.toISOString() ?? null,
    };
  }

  async saveSettings(actor: SessionInfo, settings: BackupSettings): Promise<BackupSettings> {
    return saveBackupSettings(this.requireOpen().store.context, actor, settings);
  }

  /** A backup now (`actor` null: the schedule), then rotation. */
  async make(actor: BackupActor | null, kind: 'scheduled' | 'manual' = 'manual'): Promise<BackupInfo> {
    return this.exclusive('make', true, async (job, signal) => {
      const { store, key } = this.requireOpen();
      const made = await makeBackup({
        dataDir: this.host.dataDir,
        storeFile: store.file,
        key,
        now: () => this.host.now(),
        kind,
        signal,
        onProgress: (p) => (job.progress = p),
      });
      await auditBackup(store.context, actor, 'backup.make', { backup: made.name, kind, bytes: made.bytes });
      await this.rotate();
      return made;
    });
  }

  async verify(actor: BackupActor, name: string): Promise<BackupInfo> {
    return this.exclusive('verify', true, async (_job, signal) => {
      const { store, key } = this.requireOpen();
      const { info } = await verifyBackup(this.host.dataDir, name, key, this.host.now(), signal);
      await auditBackup(store.context, actor, 'backup.verify', { backup: name, status: info.status });
      return info;
    });
  }

  /** The signed-in admin restores a backup; the caller ends the session afterwards. */
  async restore(actor: SessionInfo, name: string): Promise<RestoreResult> {
    return this.exclusive('restore', false, async () => {
      const open = this.requireOpen();
      const previousDevice = open.store.context.deviceId;
      const key = Buffer.from(open.key); // the gate wipes its own copy when it closes the store
      try {
        const { result, actor: restorer } = await restoreBackup(this.host, name, key, actor.loginId);
        await this.auditRestore(restorer, result, previousDevice);
        return result;
      } finally {
        key.fill(0);
      }
    });
  }

  /** The store was found damaged at sign-in: which backups could replace it. */
  damagedView(): DamagedStoreView {
    if (!this.host.isDamaged()) return { damaged: false, backups: [], latestGood: null };
    const backups = listBackups(this.host.dataDir);
    return { damaged: true, backups, latestGood: backups.find((b) => b.status === 'ok')?.name ?? null };
  }

  /** Restores over a damaged store, with the password given again (no session exists). */
  async restoreDamaged(loginId: string, password: string, name: string): Promise<RestoreResult> {
    if (!this.host.isDamaged()) {
      throw new AppFailure({ code: 'conflict', message: 'backups.storeNotDamaged' });
    }
    return this.exclusive('restore', false, async () => {
      const key = await this.host.proveKey(loginId, password);
      try {
        const { result, actor } = await restoreBackup(this.host, name, key, loginId);
        await this.auditRestore(actor, result, null);
        return result;
      } finally {
        key.fill(0);
      }
    });
  }

  // ---- inside ----

  private async auditRestore(actor: BackupActor, result: RestoreResult, previousDevice: string | null) {
    const open = this.requireOpen();
    await auditBackup(open.store.context, actor, 'backup.restore', {
      backup: result.restored,
      setAside: result.setAside,
      previousDevice,
    });
  }

  /** Removes good backups that rotation no longer keeps (each removal is an audit entry). */
  private async rotate(): Promise<void> {
    const { store } = this.requireOpen();
    const settings = await getBackupSettings(store.context);
    const gone = backupsToRemove(listBackups(this.host.dataDir), settings);
    for (const name of gone) removeBackup(this.host.dataDir, name);
    if (gone.length > 0) await auditBackup(store.context, null, 'backup.remove', { backups: gone });
  }

  private requireOpen(): { store: NonNullable<ReturnType<BackupHost['openStore']>>['store']; key: Buffer } {
    const open = this.host.openStore();
    if (!open) throw new AppFailure({ code: 'unauthenticated', message: 'auth.required' });
    return open;
  }

  private async exclusive<T>(
    kind: BackupJob['kind'],
    abortable: boolean,
    work: (job: RunningJob, signal: AbortSignal | undefined) => Promise<T>,
  ): Promise<T> {
    if (this.job) throw new AppFailure({ code: 'conflict', message: 'backups.busy' });
    const abort = abortable ? new AbortController() : null;
    let settle: () => void = () => undefined;
    const job: RunningJob = {
      kind,
      startedAt: this.host.now().toISOString(),
      progress: null,
      abort,
      done: new Promise<void>((resolve) => (settle = resolve)),
    };
    this.job = job;
    try {
      return await work(job, abort?.signal);
    } finally {
      this.job = null;
      settle();
    }
  }
}
