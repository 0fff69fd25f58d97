import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DEFAULT_CHROMIUM, planChromium } from './chromium-plan.ts';
import { koreanFontWarning } from './cjk-fonts.ts';

// Run before the e2e tests (`npm test`, `npm run test:e2e`): where Debian's Chromium is missing it
// installs the package when run as root (printing each step), or stops at once with the one command to
// run, rather than letting the suite fail test by test. Exit 0 when Chromium is ready, 1 otherwise.
// CHROMIUM_PATH is the same variable the e2e tests read. Overrides for this tool's own tests only (so
// they never touch the machine's Chromium): CASEWORKER_ENSURE_UID (act as that user id),
// CASEWORKER_APT_GET (the apt-get to call, "none" for a machine without one) and
// CASEWORKER_ENSURE_DEFAULT (where the package would put Chromium).

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findAptGet(): string | null {
  const override = process.env['CASEWORKER_APT_GET'];
  if (override !== undefined) return override === 'none' ? null : override;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'apt-get'))) return join(dir, 'apt-get');
  }
  return null;
}

const chosenPath = process.env['CHROMIUM_PATH'] || undefined;
const uidOverride = process.env['CASEWORKER_ENSURE_UID'];
const defaultPath = process.env['CASEWORKER_ENSURE_DEFAULT'] || DEFAULT_CHROMIUM;
const facts = {
  chosenPath,
  defaultPath,
  found: executable(chosenPath ?? defaultPath),
  uid: uidOverride !== undefined ? Number(uidOverride) : (process.getuid?.() ?? -1),
  aptGet: findAptGet(),
};
const plan = planChromium(facts);

if (plan.action === 'stop') {
  console.error(`ensure-chromium: ${plan.message}`);
  process.exit(1);
}
if (plan.action === 'install') {
  console.log(
    `ensure-chromium: Chromium not found at ${plan.path}; installing Debian's package (running as root)`,
  );
  for (const [command, ...args] of plan.steps) {
    console.log(`ensure-chromium: $ ${[command, ...args].join(' ')}`);
    const run = spawnSync(command ?? '', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      console.error(
        `ensure-chromium: \`${[command, ...args].join(' ')}\` failed (${run.error?.message ?? `exit ${run.status}`}); install Chromium and run again`,
      );
      process.exit(1);
    }
  }
  if (!executable(plan.path)) {
    console.error(`ensure-chromium: the package installed, but ${plan.path} is still missing`);
    process.exit(1);
  }
  console.log(`ensure-chromium: Chromium installed at ${plan.path}`);
}

// Not needed by the tests; said so that screenshots without Korean glyphs are not a surprise.
const fonts = koreanFontWarning();
if (fonts) console.log(`ensure-chromium: note: ${fonts}`);
