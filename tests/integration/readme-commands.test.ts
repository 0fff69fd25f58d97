import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-node.ts';
import { tempDir } from '../support/temp-dir.ts';
import {
  runInUserShell,
  startInUserShell,
  userShellNodeVersion,
  type BackgroundCommand,
} from '../support/user-shell.ts';

// Every command in the README's `sh` blocks works as written on a machine whose own `node` is Debian's
// 20: the test reads the blocks, fills the placeholders (`…`, DIR, ID, [optional parts], a|b choices)
// with a temp folder, a temp SQLite server database, a free port and a password, and runs each command
// with bash from the project folder, the machine's node first on the PATH (tests/support/user-shell.ts).
// Servers and the preview run in the background until their block ends and must answer HTTP. The few
// that cannot run here are in SKIPPED with the reason; a command added to the README is run by default.

const PASSWORD = 'Readme-Test-2026!';

const SKIPPED: Array<[RegExp, string]> = [
  [/^npm ci\b/, 'the test runs inside the tree `npm ci` installed; a fresh clone runs it in .ci/run'],
  [/^npm test\b/, 'the whole suite, of which this test is a part'],
  [/^npm start\b/, "needs Electron's binary, which the build machines cannot download"],
  [/^npm run bench\b/, 'minutes of benchmarks (figures, not a check)'],
  [/^export CASEWORKER_SERVER_SECRET=/, 'sets a variable for the TLS server command below'],
  [
    /--tls-cert/,
    'needs a certificate and port 443; integration/server/tls.test.ts runs the server over HTTPS',
  ],
  [/^pg_(dump|restore)\b/, "PostgreSQL's own tools against a production database"],
  [
    / -- join\b/,
    'needs a desktop made without a server and a server holding its accounts; ' +
      'integration/electron/cli/join.test.ts runs `caseworker join` over HTTP',
  ],
  [/--workers\b/, 'needs PostgreSQL (refused on SQLite); integration/server/workers.test.ts runs it'],
  [
    / -- verify CODE\b/,
    'needs the code of a certificate or 알선장 issued in that store (an unknown code exits 1 by design); ' +
      'integration/electron/cli/verify.test.ts runs `caseworker verify` on a demo store',
  ],
];

/** The commands of each `sh` block, continuation lines joined and trailing comments dropped. */
export function readmeCommands(markdown: string): string[][] {
  const blocks: string[][] = [];
  for (const match of markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    const commands: string[] = [];
    let pending = '';
    for (const line of (match[1] ?? '').split('\n')) {
      const joined = pending + line;
      if (joined.endsWith('\\')) {
        pending = joined.slice(0, -1);
        continue;
      }
      pending = '';
      const command = joined
        .replace(/\s+#\s.*$/, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (command !== '') commands.push(command);
    }
    blocks.push(commands);
  }
  return blocks;
}

interface Fill {
  dir: string;
  db: string;
  port: number;
}

/** The README's placeholders filled in for this run. */
function concrete(command: string, fill: Fill): string {
  return command
    .replace(/CASEWORKER_PASSWORD='…'/g, `CASEWORKER_PASSWORD='${PASSWORD}'`)
    .replace(/ \[[^\]]*\]/g, '') // optional parts
    .replace(/\b([\w-]+)(\|[\w-]+)+/g, '$1') // a|b|c: the first choice
    .replace(/--db \S+/g, `--db sqlite:${fill.db}`)
    .replace(/\bDIR\b/g, fill.dir)
    .replace(/--user ID\b/g, '--user supervisor1')
    .replace(/--report NAME\b/g, '--report caseload')
    .replace(/--out FILE\b/g, `--out ${join(fill.dir, '..', 'report.xlsx')}`)
    .replace(/--purpose TEXT\b/g, "--purpose '분기 점검'")
    .replace(/\b8787\b/g, String(fill.port));
}

const isServer = (c: string) =>
  /^(npm run (-s )?server --|npx caseworker-server) (?!center|user|audit|record)/.test(c);
const isPreview = (c: string) => /^npm run preview\b/.test(c);

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const blocks = readmeCommands(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));

describe(`README commands from a shell on the machine's node (${userShellNodeVersion()})`, () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('caseworker-readme-');
  });
  afterAll(() => tmp.remove());

  it('finds the blocks: quick start, command line, server and sync, production', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    expect(blocks.flat()).toContain('npm ci');
    expect(blocks.flat()).toContain('npm run preview');
    expect(blocks.flat().some((c) => c.includes('node server/cli'))).toBe(false);
  });

  it.each(blocks.map((commands, i) => [i + 1, commands[0] ?? '', commands] as const))(
    'block %i (%s …) runs as written',
    { timeout: 900_000 },
    async (index, _first, commands) => {
      const fill: Fill = {
        dir: join(tmp.dir, `block${index}`, 'data'),
        db: join(tmp.dir, `block${index}`, 'server.db'),
        port: await freePort(),
      };
      const background: BackgroundCommand[] = [];
      try {
        for (const command of commands) {
          if (SKIPPED.some(([pattern]) => pattern.test(command))) continue;
          const line = concrete(command, fill);
          if (isPreview(command)) {
            const preview = startInUserShell(line, {
              PORT: String(fill.port),
              CASEWORKER_DATA: join(tmp.dir, `block${index}`, 'preview'),
            });
            background.push(preview);
            const url = /preview: (http:\/\/\S+)/.exec(await preview.waitFor(/preview: http:\/\/\S+/))?.[1];
            const page = await fetch(`${url}/`);
            expect(page.status, line).toBe(200);
            expect(await page.text()).toContain('rel="icon"');
            const icon = await fetch(`${url}/favicon.ico`);
            expect(icon.status, line).toBe(200);
            expect(icon.headers.get('content-type')).toMatch(/^image\//);
            continue;
          }
          if (isServer(command)) {
            const server = startInUserShell(line);
            background.push(server);
            const url = /listening on (http:\/\/\S+)/.exec(
              await server.waitFor(/listening on http:\/\/\S+/),
            )?.[1];
            const health = await fetch(`${url}/health`);
            expect(health.status, line).toBe(200);
            expect(await health.json()).toMatchObject({ ok: true });
            continue;
          }
          const run = await runInUserShell(line, { stdin: `${PASSWORD}\n`, timeoutMs: 300_000 });
          expect(run.code, `${line}\n${run.stdout}\n${run.stderr}`).toBe(0);
          if (/ sync --data/.test(command)) expect(run.stdout).toMatch(/pushed \d+, pulled \d+/);
          if (/ audit verify/.test(command)) expect(run.stdout).toContain('audit chain intact');
          if (/ export --data/.test(command))
            expect(existsSync(join(fill.dir, '..', 'report.xlsx'))).toBe(true);
        }
      } finally {
        for (const command of background) await command.stop();
      }
    },
  );
});
