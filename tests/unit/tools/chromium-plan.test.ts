import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM, planChromium, type ChromiumFacts } from '../../../tools/chromium-plan.ts';

// Every branch of what `tools/ensure-chromium.ts` does about a missing Chromium (the script itself is
// run for real in tests/integration/tools/ensure-chromium.test.ts).

const base: ChromiumFacts = {
  chosenPath: undefined,
  defaultPath: DEFAULT_CHROMIUM,
  found: false,
  uid: 0,
  aptGet: '/usr/bin/apt-get',
};

describe('planChromium', () => {
  it('uses a Chromium that is there, chosen or Debian’s', () => {
    expect(planChromium({ ...base, found: true })).toEqual({ action: 'ready', path: DEFAULT_CHROMIUM });
    expect(planChromium({ ...base, found: true, chosenPath: '/opt/c/chrome' })).toEqual({
      action: 'ready',
      path: '/opt/c/chrome',
    });
  });

  it('installs Debian’s package as root: apt-get update, then install', () => {
    expect(planChromium(base)).toEqual({
      action: 'install',
      path: DEFAULT_CHROMIUM,
      steps: [
        ['/usr/bin/apt-get', 'update'],
        ['/usr/bin/apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
      ],
    });
  });

  it('stops with the one command to run when not root', () => {
    const plan = planChromium({ ...base, uid: 1000 });
    expect(plan.action).toBe('stop');
    if (plan.action === 'stop')
      expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('never installs over a CHROMIUM_PATH that is wrong, even as root', () => {
    const plan = planChromium({ ...base, chosenPath: '/opt/missing/chrome' });
    expect(plan.action).toBe('stop');
    if (plan.action === 'stop') expect(plan.message).toContain('CHROMIUM_PATH=/opt/missing/chrome');
  });

  it('says to set CHROMIUM_PATH where there is no apt-get', () => {
    const plan = planChromium({ ...base, aptGet: null });
    expect(plan.action).toBe('stop');
    if (plan.action === 'stop') expect(plan.message).toContain('CHROMIUM_PATH=');
  });
});
