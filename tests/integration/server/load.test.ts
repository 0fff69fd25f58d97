import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../bench/load/scenario.ts';

// The load test's CI form (issue #19 item 4; the full one is `npm run bench -- --only load`): 50
// simulated desktops in 10 centers for about 20 seconds against the real server command with
// --workers 2 over PostgreSQL. No timing is asserted (the machine is shared): only that nothing failed
// and that every desktop ends holding exactly what a fresh download gives.

describe('load, small form', () => {
  it('50 desktops sign in, download, pull and push through two workers: no errors, all converge', async () => {
    const r = await loadScenario({
      desktops: 50,
      centers: 10,
      casesPerCenter: 40,
      workers: 2,
      seconds: 20,
      rampMs: 6000,
      minuteMs: 3000,
      pushChance: 0.8,
      burstMax: 8,
    });
    expect(r.errorSamples).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.held).toBe(50);
    expect(r.divergent).toEqual([]);
    expect(r.converged).toBe(50);
    // The run did real work: every desktop downloaded, the counselors pushed and everybody pulled.
    expect(r.byKind.login.count).toBe(50);
    expect(r.mutations).toBeGreaterThan(0);
    expect(r.byKind.pull.count).toBeGreaterThan(50);
  }, 300_000);
});
