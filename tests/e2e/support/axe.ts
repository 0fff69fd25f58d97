import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core in a page under test: only serious and critical violations count (colour contrast
// included), each reported as one readable line naming the screen, the rule and the elements.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}
interface AxeGlobals {
  axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
  document: unknown;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** One line per serious or critical violation on the page as it is now. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  // Evaluated rather than added as a <script> tag: the page's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => {
    const w = globalThis as unknown as AxeGlobals;
    return w.axe.run(w.document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.slice(0, 5).map((n) => [n.target, (n.failureSummary ?? '').slice(0, 200)]))}`,
    );
}

/**
 * `seriousViolations` once the screen has settled: a dialog fading in (a colour caught mid-transition,
 * 1.01:1) is not a violation, so a finding is looked at again a second later and only what stays counts
 * (as the axe walk does, e2e/axe-desk.test.ts).
 */
export async function settledViolations(page: Page, screen: string): Promise<string[]> {
  const first = await seriousViolations(page, screen);
  if (first.length === 0) return first;
  await page.waitForTimeout(1000); // let transitions end (not an assertion)
  return seriousViolations(page, screen);
}
