import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../run-node.ts';

// The processes of the real-fault harness: the real server command and desktops (desktop.ts), each
// read line by line, so the harness acts on what they said (a fault point, a committed write), never
// on the clock.

const SERVER_CLI = resolve(REPO_ROOT, 'server/cli/caseworker-server.ts');
const DESKTOP = resolve(REPO_ROOT, 'tests/support/faults/desktop.ts');
/** Fixed for the whole run, so tokens issued before a restart still hold after it. */
const SERVER_SECRET = 'fault-harness-secret-0123456789abcdef';

interface Waiter {
  match: (line: string) => boolean;
  resolve: (line: string) => void;
}

/** A child process whose output lines can be awaited. */
export class Proc {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  private waiters: Waiter[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  constructor(child: ChildProcess, streams: Array<NodeJS.ReadableStream | null>) {
    this.child = child;
    for (const stream of streams) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        for (const line of parts) this.onLine(line);
      });
    }
    this.exited = new Promise((done) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        done(this.exit);
        for (const w of this.waiters) w.resolve('');
        this.waiters = [];
      });
    });
  }

  private onLine(line: string): void {
    this.lines.push(line);
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.match(line)) w.resolve(line);
      else still.push(w);
    }
    this.waiters = still;
  }

  /** The first line (said already, or to come) that matches; '' if the process ends first. */
  waitLine(match: (line: string) => boolean, fromLine = 0): Promise<string> {
    const said = this.lines.slice(fromLine).find(match);
    if (said !== undefined) return Promise.resolve(said);
    if (this.exit) return Promise.resolve('');
    return new Promise((resolveLine) => this.waiters.push({ match, resolve: resolveLine }));
  }

  async kill(): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  get alive(): boolean {
    return this.exit === null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface FaultLine {
  fault: 'push-locked' | 'push-committed';
  device: string;
}

export function faultLine(line: string): FaultLine | null {
  if (!line.startsWith('{"fault"')) return null;
  return JSON.parse(line) as FaultLine;
}

export class ServerProc extends Proc {
  /** Everything the server said on stderr (its crash message, if it crashed). */
  get stderr(): string {
    return this.lines.join('\n');
  }
  /** Lets a request held at CASEWORKER_FAULT_HOLD go on. */
  release(): void {
    if (this.alive) this.child.kill('SIGUSR2');
  }
}

/** The real server command on a fixed loopback port; resolves once it listens. */
export async function startServer(dbUrl: string, port: number, hold?: string): Promise<ServerProc> {
  const child = spawn(
    process.execPath,
    // No per-device rate: the harness's desktops sync in tight loops on purpose, to widen race windows
    // (server/limits.ts; tests/integration/server/limits.test.ts tests the limits).
    [
      SERVER_CLI,
      ...['--db', dbUrl, '--port', String(port), '--host', '127.0.0.1'],
      ...['--rate-limit', '1000000', '--rate-burst', '1000000'],
    ],
    {
      cwd: REPO_ROOT,
      // Request logs (stdout) are not read; the fault lines and errors come on stderr.
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        CASEWORKER_FAULT_LOG: '1',
        CASEWORKER_FAULT_HOLD: hold ?? '',
        CASEWORKER_SERVER_SECRET: SERVER_SECRET,
      },
    },
  );
  const proc = new ServerProc(child, [child.stderr]);
  const line = await proc.waitLine((l) => l.includes('listening on'));
  if (!line) throw new Error(`the server did not start: ${proc.stderr.slice(0, 800)}`);
  return proc;
}

export interface DesktopOptions {
  dir: string;
  url: string;
  loginId: string;
  password: string;
  mode: 'write' | 'push-only' | 'follow' | 'settle';
  writes?: number;
  syncEvery?: number;
  freezeOnFirstDownload?: boolean;
}

export class DesktopProc extends Proc {
  stop(): void {
    this.child.stdin?.write('stop\n');
  }
  /** Ids of the records it reported written (committed), by table. */
  written(): Array<{ table: string; id: string }> {
    return this.lines
      .filter((l) => l.startsWith('wrote '))
      .map((l) => {
        const [, table, id] = l.split(' ');
        return { table: table ?? '', id: id ?? '' };
      });
  }
}

export function startDesktop(options: DesktopOptions): DesktopProc {
  const child = spawn(process.execPath, [DESKTOP, JSON.stringify(options)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new DesktopProc(child, [child.stdout, child.stderr]);
}
