import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNode } from '../../support/run-node.ts';
import { tempDir } from '../../support/temp-dir.ts';

// tools/ensure-chromium.ts run as its own process, as `npm test` runs it. The machine's own Chromium is
// never touched: a missing browser is a path in a temp folder (CASEWORKER_ENSURE_DEFAULT), a non-root
// user is CASEWORKER_ENSURE_UID, and the root install calls a stand-in apt-get (CASEWORKER_APT_GET)
// that logs its arguments and puts an executable where the package would.

const TOOL = 'tools/ensure-chromium.ts';

describe('ensure-chromium', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('caseworker-chromium-');
  });
  afterEach(() => tmp.remove());

  it('passes quietly where Chromium is (a CHROMIUM_PATH that exists)', async () => {
    const browser = join(tmp.dir, 'chromium');
    writeFileSync(browser, '#!/bin/sh\n');
    chmodSync(browser, 0o755);
    const run = await runNode(TOOL, [], { env: { CHROMIUM_PATH: browser } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // At most the note about Korean fonts for screenshots (machines without fonts-noto-cjk).
    expect(run.stdout).not.toContain('Chromium');
  });

  it('stops at once with the one command to run when not root', async () => {
    const run = await runNode(TOOL, [], {
      env: {
        CHROMIUM_PATH: '',
        CASEWORKER_ENSURE_DEFAULT: join(tmp.dir, 'chromium'),
        CASEWORKER_ENSURE_UID: '1000',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('refuses a CHROMIUM_PATH that names nothing, naming the variable', async () => {
    const run = await runNode(TOOL, [], { env: { CHROMIUM_PATH: join(tmp.dir, 'no-such-chrome') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `CHROMIUM_PATH=${join(tmp.dir, 'no-such-chrome')} is not an executable file`,
    );
  });

  it('as root, runs apt-get update then install, printing each step, and checks the result', async () => {
    const target = join(tmp.dir, 'chromium');
    const log = join(tmp.dir, 'apt.log');
    const aptGet = join(tmp.dir, 'apt-get');
    writeFileSync(
      aptGet,
      `#!/bin/sh\necho "$@ DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> '${log}'\n` +
        `if [ "$1" = install ]; then printf '#!/bin/sh\\n' > '${target}'; chmod +x '${target}'; fi\n`,
    );
    chmodSync(aptGet, 0o755);
    const run = await runNode(TOOL, [], {
      env: {
        CHROMIUM_PATH: '',
        CASEWORKER_ENSURE_DEFAULT: target,
        CASEWORKER_ENSURE_UID: '0',
        CASEWORKER_APT_GET: aptGet,
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'update DEBIAN_FRONTEND=noninteractive',
      'install -y --no-install-recommends chromium DEBIAN_FRONTEND=noninteractive',
    ]);
    expect(run.stdout).toContain(`$ ${aptGet} update`);
    expect(run.stdout).toContain(`Chromium installed at ${target}`);
    expect(existsSync(target)).toBe(true);
  });

  it('as root, says so when apt-get fails, and exits 1', async () => {
    const aptGet = join(tmp.dir, 'apt-get');
    writeFileSync(aptGet, '#!/bin/sh\nexit 100\n');
    chmodSync(aptGet, 0o755);
    const run = await runNode(TOOL, [], {
      env: {
        CHROMIUM_PATH: '',
        CASEWORKER_ENSURE_DEFAULT: join(tmp.dir, 'chromium'),
        CASEWORKER_ENSURE_UID: '0',
        CASEWORKER_APT_GET: aptGet,
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`\`${aptGet} update\` failed (exit 100)`);
  });

  it('without apt-get, says to set CHROMIUM_PATH', async () => {
    const run = await runNode(TOOL, [], {
      env: {
        CHROMIUM_PATH: '',
        CASEWORKER_ENSURE_DEFAULT: join(tmp.dir, 'chromium'),
        CASEWORKER_APT_GET: 'none',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('run again with CHROMIUM_PATH=');
  });
});
