import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// axe-core in the page under test: serious and critical violations (colour contrast included) fail
// the test, listed with the screen's name and the offending nodes.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}
interface AxeGlobal {
  axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
  document: unknown;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** What to check: the whole page by default; `include` narrows it to parts (a dialog), `exclude`
 * leaves out parts another test answers for. */
export interface AxeScope {
  include?: string[];
  exclude?: string[];
}

export async function seriousViolations(page: Page, scope: AxeScope = {}): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script> tag: the page's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    ({ include, exclude }) => {
      const w = globalThis as unknown as AxeGlobal;
      const context =
        include.length > 0 || exclude.length > 0
          ? {
              include: include.length > 0 ? include.map((e) => [e]) : [w.document],
              exclude: exclude.map((e) => [e]),
            }
          : w.document;
      return w.axe.run(context, { resultTypes: ['violations'] });
    },
    { include: scope.include ?? [], exclude: scope.exclude ?? [] },
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function expectAccessible(page: Page, screen: string, scope: AxeScope = {}): Promise<void> {
  // Let MUI's transitions end so the colours axe measures are the final ones.
  await page.waitForTimeout(300);
  const violations = await seriousViolations(page, scope);
  expect(
    violations.map(
      (v) => `${screen}: ${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    ),
  ).toEqual([]);
}
