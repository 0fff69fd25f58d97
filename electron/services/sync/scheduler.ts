import { storeFaultOf } from '../../../db/errors.ts';
import { SyncError, type SyncCounts } from './client.ts';
import { MAX_RETRY_AFTER_MS, OfflineError } from './transport.ts';

// Background sync (sync.md § Model): on a timer, with exponential backoff after a failure, and at once
// when the network returns or a local write happens. Never only on the next local write: a failed
// upload is retried by the timer whatever the counselor does. Runs in the services layer; main (or
// the CLI) owns one instance. Timers are injected so tests drive time by hand.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncState {
  online: boolean;
  running: boolean;
  lastSuccess: string | null;
  lastError: string | null;
  /** The server's error code of the last failure (`device-revoked`, `schema-unsupported` …), if any. */
  lastErrorCode: string | null;
  /** When the next attempt is due (ISO), for the status line. */
  nextAttempt: string | null;
  failures: number;
  lastCounts: SyncCounts | null;
  /** Rows pulled from the server since the app started: the desk reloads its lists when it grows. */
  received: number;
}

export const SYNC_INTERVAL_MS = 60_000;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;
/** A local write is pushed this long after the last write of a burst (more writes may follow at once)… */
export const WRITE_DEBOUNCE_MS = 2_000;
/** …but no later than this after the first unsent write, so constant writing still syncs every few seconds. */
export const WRITE_MAX_WAIT_MS = 5_000;
/**
 * While the network is down (the server unreachable, not refusing), retries come at least this often:
 * the network coming back is noticed within seconds even when the OS says nothing (the app also kicks
 * on the renderer's `online` event). A server that answers with an error keeps the long backoff.
 */
export const OFFLINE_RETRY_MAX_MS = 10_000;

export class SyncScheduler {
  private state: SyncState = {
    online: false,
    running: false,
    lastSuccess: null,
    lastError: null,
    lastErrorCode: null,
    nextAttempt: null,
    failures: 0,
    received: 0,
    lastCounts: null,
  };
  private handle: unknown = null;
  /** When the pending timer fires (ms, the injected clock). */
  private dueAt: number | null = null;
  /** The first local write not yet covered by a sync that started after it. */
  private firstUnsentWrite: number | null = null;
  /** A local write arrived while a sync was running: push it soon after this run. */
  private writeDuringRun = false;
  /** An urgent write (urgent()) arrived during a run: the next run starts right after this one. */
  private urgentDuringRun = false;
  private stopped = true;
  private readonly sync: () => Promise<SyncCounts>;
  private readonly timers: Timers;
  private readonly now: () => Date;
  private readonly listeners = new Set<(s: SyncState) => void>();

  constructor(sync: () => Promise<SyncCounts>, timers: Timers, now: () => Date = () => new Date()) {
    this.sync = sync;
    this.timers = timers;
    this.now = now;
  }

  get status(): SyncState {
    return { ...this.state };
  }

  onChange(listener: (s: SyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.dueAt = null;
    this.firstUnsentWrite = null;
    this.writeDuringRun = false;
  }

  /**
   * A local write was committed (db/local-writes.ts): sync soon, debounced. WRITE_DEBOUNCE_MS after the
   * last write, at most WRITE_MAX_WAIT_MS after the first (the minute timer is brought forward); a sync
   * already due is not put off, and a failure's backoff is left alone (a server in trouble is not
   * hammered by typing; an unreachable one is retried every few seconds anyway).
   */
  noteWrite(): void {
    if (this.stopped) return;
    if (this.state.running) {
      this.writeDuringRun = true;
      return;
    }
    if (this.state.failures > 0) return;
    const now = this.now().getTime();
    this.firstUnsentWrite ??= now;
    const due = Math.min(now + WRITE_DEBOUNCE_MS, this.firstUnsentWrite + WRITE_MAX_WAIT_MS);
    // A sync already due (kicked, waiting for its turn of the event loop) is not put off.
    if (this.dueAt !== null && this.dueAt <= now) return;
    this.schedule(Math.max(0, due - now));
  }

  /**
   * A write others are waiting for (a counselor calling the next ticket, which the lobby display on
   * another PC shows within a second): synced now, not debounced, even during a failure's backoff.
   */
  urgent(): void {
    if (this.stopped) return;
    if (this.state.running) this.urgentDuringRun = true;
    else this.schedule(0);
  }

  /** Sync as soon as possible (a local write, the network coming back, the counselor pressing "sync now"). */
  kick(): void {
    if (!this.stopped && !this.state.running) this.schedule(0);
  }

  /** The delay after `failures` consecutive failures: 2 s, 4 s, 8 s … capped at 5 minutes. */
  static backoff(failures: number): number {
    return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  }

  /**
   * The delay before the next attempt after a failure: the backoff, or the server's Retry-After when it
   * asked for longer (already bounded by the transport to MAX_RETRY_AFTER_MS).
   */
  static retryDelay(failures: number, retryAfterMs: number | null): number {
    const backoff = SyncScheduler.backoff(failures);
    return retryAfterMs === null ? backoff : Math.min(MAX_RETRY_AFTER_MS, Math.max(backoff, retryAfterMs));
  }

  private schedule(ms: number): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.dueAt = this.now().getTime() + ms;
    this.state.nextAttempt = new Date(this.now().getTime() + ms).toISOString();
    this.handle = this.timers.setTimeout(() => void this.run(), ms);
    this.emit();
  }

  private async run(): Promise<void> {
    this.handle = null;
    this.dueAt = null;
    if (this.stopped || this.state.running) return;
    this.state.running = true;
    // Writes made before this run started are pushed by it; later ones are noted during the run.
    this.firstUnsentWrite = null;
    this.writeDuringRun = false;
    this.emit();
    let retryAfter: number | null = null;
    try {
      this.state.lastCounts = await this.sync();
      this.state.received += this.state.lastCounts.pulled;
      this.state.online = true;
      this.state.failures = 0;
      this.state.lastError = null;
      this.state.lastErrorCode = null;
      this.state.lastSuccess = this.now().toISOString();
    } catch (error) {
      this.state.failures += 1;
      // A 503/429 comes from a server that is there but cannot serve now (its database is down): not
      // synced, so shown as offline, and asked again no sooner than it said (Retry-After, bounded).
      const retryable = error instanceof SyncError && error.retryable;
      this.state.online = !(error instanceof OfflineError) && !retryable;
      this.state.lastError = error instanceof Error ? error.message : String(error);
      // A full disk here is named as such (db/errors.ts), whichever layer it surfaced from.
      const code = storeFaultOf(error) ?? (error as { code?: unknown } | null)?.code;
      this.state.lastErrorCode = typeof code === 'string' ? code : null;
      retryAfter = retryable ? error.retryAfterMs : null;
    } finally {
      this.state.running = false;
    }
    if (this.stopped) return;
    if (this.state.failures > 0) {
      const delay = SyncScheduler.retryDelay(this.state.failures, retryAfter);
      // An unreachable server is tried again soon; a server that asked for a wait (Retry-After) gets it.
      this.schedule(this.state.online || retryAfter !== null ? delay : Math.min(delay, OFFLINE_RETRY_MAX_MS));
    } else if (this.writeDuringRun || this.urgentDuringRun) {
      this.writeDuringRun = false;
      this.schedule(this.urgentDuringRun ? 0 : WRITE_DEBOUNCE_MS);
      this.urgentDuringRun = false;
      this.firstUnsentWrite = this.now().getTime();
    } else this.schedule(SYNC_INTERVAL_MS);
  }

  private emit(): void {
    const snapshot = this.status;
    for (const l of this.listeners) l(snapshot);
  }
}
