// What `tools/ensure-chromium.ts` does about the browser the e2e tests drive, decided from facts the
// script gathers (pure, so every branch is tested without touching the machine's own Chromium).

/** Where tests/e2e/support/browser.ts looks unless CHROMIUM_PATH says otherwise: Debian's package. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Debian package with Chromium, and the one that gives screenshots their Korean glyphs. */
export const CHROMIUM_PACKAGE = 'chromium';
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

export interface ChromiumFacts {
  /** CHROMIUM_PATH when set (a person chose a browser: never install over that choice). */
  chosenPath: string | undefined;
  /** Where Debian's package puts it (DEFAULT_CHROMIUM; another folder only in the tool's own tests). */
  defaultPath: string;
  /** Whether the path to be used names an executable file. */
  found: boolean;
  /** Effective user id; 0 is root. */
  uid: number;
  /** apt-get on this machine (Debian or a derivative), or null. */
  aptGet: string | null;
}

export type ChromiumPlan =
  | { action: 'ready'; path: string }
  | { action: 'install'; path: string; steps: string[][] }
  | { action: 'stop'; message: string };

export function planChromium(facts: ChromiumFacts): ChromiumPlan {
  const path = facts.chosenPath ?? facts.defaultPath;
  if (facts.found) return { action: 'ready', path };
  if (facts.chosenPath !== undefined) {
    return {
      action: 'stop',
      message: `CHROMIUM_PATH=${facts.chosenPath} is not an executable file: correct it, or unset it to use Debian's ${facts.defaultPath}`,
    };
  }
  if (facts.aptGet === null) {
    return {
      action: 'stop',
      message: `Chromium not found at ${facts.defaultPath} and this is not a Debian system: install Chromium and run again with CHROMIUM_PATH=/path/to/chromium`,
    };
  }
  if (facts.uid !== 0) {
    return {
      action: 'stop',
      message: `Chromium not found at ${facts.defaultPath}; the e2e tests need it. Run:\n  sudo apt-get update && sudo apt-get install -y ${CHROMIUM_PACKAGE}`,
    };
  }
  return {
    action: 'install',
    path,
    steps: [
      [facts.aptGet, 'update'],
      [facts.aptGet, 'install', '-y', '--no-install-recommends', CHROMIUM_PACKAGE],
    ],
  };
}
