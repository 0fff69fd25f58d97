import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/run-node.ts';
import { tempDir } from '../../support/temp-dir.ts';

// tools/parallel.ts (how `npm test` runs lint and typecheck side by side) as its own process, on a
// package whose scripts prove they overlap: `waits` ends only once `signals` has written its file, so
// run one after the other the pair would never end (the script gives up after a minute and fails).

const TOOL = join(REPO_ROOT, 'tools/parallel.ts');

function runParallel(cwd: string, scripts: string[]) {
  return spawnSync(process.execPath, [TOOL, ...scripts], { cwd, encoding: 'utf8', timeout: 120_000 });
}

describe('tools/parallel.ts', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('caseworker-parallel-');
    const flag = JSON.stringify(join(tmp.dir, 'flag'));
    const waits =
      `const fs=require('fs');let n=0;const t=setInterval(()=>{if(fs.existsSync(${flag})){clearInterval(t);` +
      `console.log('waits saw the flag')}else if(++n>600){console.error('never saw the flag');process.exit(4)}},100)`;
    writeFileSync(
      join(tmp.dir, 'package.json'),
      JSON.stringify({
        name: 'parallel-fixture',
        private: true,
        scripts: {
          waits: `node -e ${JSON.stringify(waits)}`,
          signals: `node -e ${JSON.stringify(`require('fs').writeFileSync(${flag},'');console.log('signals wrote')`)}`,
          fails: 'node -e "console.error(\'fails says why\');process.exit(3)"',
        },
      }),
    );
  });
  afterEach(() => tmp.remove());

  it('runs the scripts side by side and prints each one’s output whole', () => {
    const run = runParallel(tmp.dir, ['waits', 'signals']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('waits saw the flag');
    expect(run.stdout).toMatch(/parallel: npm run signals passed in/);
    expect(run.stdout).toMatch(/parallel: npm run waits passed in/);
  });

  it('fails with the failing script’s exit code and output, after the others end', () => {
    const run = runParallel(tmp.dir, ['fails', 'signals']);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('fails says why');
    expect(run.stdout).toMatch(/parallel: npm run fails failed \(exit 3\)/);
    expect(run.stdout).toMatch(/parallel: npm run signals passed in/);
  });

  it('says how to use it when given no script', () => {
    const run = runParallel(tmp.dir, []);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: node tools/parallel.ts');
  });
});
