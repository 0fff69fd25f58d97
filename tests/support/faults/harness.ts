import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openServerDb, type OpenedServerDb } from '../../../db/server/connection.ts';
import { addCenter, addUser } from '../../../server/admin.ts';
import { freshDatabase, type TestDatabase } from '../server-db.ts';
import { tempDir } from '../temp-dir.ts';
import { checkInvariants, type CheckedDesktop, type InvariantReport } from './invariants.ts';
import {
  faultLine,
  freePort,
  startDesktop,
  startServer,
  type DesktopOptions,
  type DesktopProc,
  type ServerProc,
} from './processes.ts';

// The world of one real-fault run: the real server process on a fresh PostgreSQL database on a fixed
// loopback port (so it can be killed and started again at the same address), one center, and desktops
// (folders the desktop processes open in turn). Scenarios (scenarios.ts) start and kill processes in
// it; `quiesce` syncs every desktop until nothing moves and checks the invariants.

export const CENTER = 'F01';
export const PASSWORD = 'Fault-pass-2026';
const HARNESS_APP = 'fault-harness';
/**
 * Desktops' accounts: counselors, but the third a supervisor, whose center scope also brings every
 * colleague's audit entries (so those are compared and their chains checked too).
 */
const roleOf = (n: number) => (n === 3 ? 'supervisor' : 'counselor');

export interface Desk {
  name: string;
  loginId: string;
  userId: string;
  role: string;
  dir: string;
  device: string | null;
  written: Array<{ table: string; id: string }>;
}

export interface FaultStats {
  serverKills: number;
  desktopKills: number;
  pgTerminations: number;
  /** The server process died by itself (not killed by the harness). */
  serverCrashes: string[];
  notes: string[];
}

export class World {
  readonly database: TestDatabase;
  readonly opened: OpenedServerDb;
  readonly port: number;
  readonly url: string;
  readonly desks: Desk[] = [];
  server: ServerProc | null = null;
  readonly stats: FaultStats = {
    serverKills: 0,
    desktopKills: 0,
    pgTerminations: 0,
    serverCrashes: [],
    notes: [],
  };
  private readonly temp = tempDir('caseworker-faults-');
  private readonly closers: Array<() => void> = [];

  private constructor(database: TestDatabase, opened: OpenedServerDb, port: number) {
    this.database = database;
    this.opened = opened;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
  }

  static async create(counselors: number): Promise<World> {
    const database = await freshDatabase('postgres');
    // Named, so cutting the server's connections spares the harness's own.
    const opened = await openServerDb(`${database.url}?application_name=${HARNESS_APP}`);
    await addCenter(
      opened.db,
      { code: CENTER, name: '장애시험고용센터', region: '11' },
      new Date(),
      opened.dialect,
    );
    const world = new World(database, opened, await freePort());
    for (let i = 1; i <= counselors; i++) await world.addDesk();
    await world.startServer();
    return world;
  }

  async addDesk(dir?: string): Promise<Desk> {
    const n = this.desks.length + 1;
    const loginId = `fault${n}`;
    const userId = await addUser(
      this.opened.db,
      { loginId, name: `장애시험 상담사 ${n}`, role: roleOf(n), centerCode: CENTER, password: PASSWORD },
      new Date(),
    );
    const deskDir = dir ?? join(this.temp.dir, `desk${n}`);
    mkdirSync(deskDir, { recursive: true });
    const desk: Desk = {
      name: `desk${n}`,
      loginId,
      userId,
      role: roleOf(n),
      dir: deskDir,
      device: null,
      written: [],
    };
    this.desks.push(desk);
    return desk;
  }

  async startServer(hold?: string): Promise<ServerProc> {
    this.server = await startServer(this.database.url, this.port, hold);
    return this.server;
  }

  /** SIGKILL of the server, then the same command again (optionally holding at a fault point). */
  async killServer(restartHold?: string): Promise<ServerProc> {
    await this.server?.kill();
    this.stats.serverKills++;
    return this.startServer(restartHold);
  }

  /** Starts the server again if it died by itself, noting how. */
  async reviveIfCrashed(): Promise<boolean> {
    const s = this.server;
    if (!s || s.alive) return false;
    const said = s.lines
      .filter((l) => !l.startsWith('{"fault"'))
      .slice(-6)
      .join(' | ');
    this.stats.serverCrashes.push(`exit ${s.exit?.code ?? s.exit?.signal}: ${said.slice(0, 400)}`);
    await this.startServer();
    return true;
  }

  desktop(desk: Desk, options: Partial<DesktopOptions> & Pick<DesktopOptions, 'mode'>): DesktopProc {
    const p = startDesktop({
      dir: desk.dir,
      url: this.url,
      loginId: desk.loginId,
      password: PASSWORD,
      ...options,
    });
    void p
      .waitLine((l) => l.startsWith('ready '))
      .then((l) => {
        if (l) desk.device = l.slice('ready '.length);
      });
    return p;
  }

  /** Waits for a desktop to end by itself and keeps what it reported written. */
  async finish(desk: Desk, p: DesktopProc): Promise<void> {
    await p.exited;
    desk.written.push(...p.written());
    this.noteErrors(desk, p);
  }

  /** What went wrong for a desktop (the first write error and how many syncs failed), for the report. */
  private noteErrors(desk: Desk, p: DesktopProc): void {
    const writeError = p.lines.find((l) => l.startsWith('write-error '));
    if (writeError) this.stats.notes.push(`${desk.name}: ${writeError}`);
    const syncErrors = p.lines.filter((l) => l.startsWith('sync-error '));
    if (syncErrors.length > 0)
      this.stats.notes.push(`${desk.name}: ${syncErrors.length} failed syncs, first: ${syncErrors[0]}`);
    if (p.exit?.code !== 0 && p.exit?.signal !== 'SIGKILL')
      this.stats.notes.push(`${desk.name}: exited ${p.exit?.code}: ${p.lines.slice(-2).join(' | ')}`);
  }

  /** SIGKILL of a desktop; what it reported before still counts as committed. */
  async killDesktop(desk: Desk, p: DesktopProc): Promise<void> {
    await p.kill();
    this.stats.desktopKills++;
    desk.written.push(...p.written());
  }

  /** The next fault line of the server (from `from` on) that matches. */
  async faultAt(point: string, device?: string, from = 0): Promise<boolean> {
    const s = this.server;
    if (!s) return false;
    const line = await s.waitLine((l) => {
      const f = faultLine(l);
      return f !== null && f.fault === point && (device === undefined || f.device === device);
    }, from);
    return line !== '';
  }

  /** Cuts every PostgreSQL connection of the server (pg_terminate_backend), the harness's own excepted. */
  async terminateServerConnections(): Promise<number> {
    const r = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and application_name <> ${HARNESS_APP}`.execute(this.opened.db);
    const n = r.rows[0]?.n ?? 0;
    this.stats.pgTerminations += n;
    return n;
  }

  /**
   * Quiescence: with the server up, every desktop syncs until nothing moves, twice round (what one
   * pushed in the first round reaches the others in the second); then the invariants.
   */
  async quiesce(): Promise<InvariantReport> {
    // Rounds until one in which the server's log did not move (at least two: what one desktop pushed in
    // the first reaches the others in the second).
    for (let round = 0, before = -1; round < 6; round++) {
      const top = await this.maxSeq();
      if (round >= 2 && top === before) break;
      before = top;
      for (const desk of this.desks) {
        for (;;) {
          await this.reviveIfCrashed();
          const p = this.desktop(desk, { mode: 'settle' });
          await this.finish(desk, p);
          if (p.exit?.code === 0) break;
          // It could not settle: the server died under it (noted), or the desktop failed; once more.
          if (!(await this.reviveIfCrashed())) {
            this.stats.notes.push(`${desk.name} did not settle: ${p.lines.slice(-3).join(' | ')}`);
            break;
          }
        }
      }
    }
    const checked: CheckedDesktop[] = this.desks.map((d) => ({
      name: d.name,
      dir: d.dir,
      userId: d.userId,
      role: d.role,
      written: d.written,
    }));
    return checkInvariants(this.opened, CENTER, checked);
  }

  private async maxSeq(): Promise<number> {
    const r = await this.opened.db
      .selectFrom('sync_rows')
      .select((eb) => eb.fn.max('seq').as('top'))
      .executeTakeFirst();
    return Number(r?.top ?? 0);
  }

  /** Runs at close, after every process ended (unmounting a scenario's disk). */
  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    if (this.server?.alive) {
      this.server.child.kill('SIGTERM');
      await this.server.exited;
    }
    await this.opened.close();
    await this.database.drop();
    for (const fn of this.closers) fn();
    this.temp.remove();
  }
}
