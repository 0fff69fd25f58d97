import type { Page } from 'playwright-core';

// In-page timing for the UI benchmark. Each measure runs inside Chromium: it starts the clock, does the
// action (a click, typed text, a route change) and polls on animation frames until the result is in
// the DOM, then waits one more frame so the result has been painted. Measuring in the page keeps the
// DevTools round trips of the driver out of the figures. The page code is plain JavaScript text: the
// Node side of the tests has no DOM types, and the page's CSP refuses inline <script> tags.

const HELPERS = `(() => {
  if (window.__uiBench) return;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const until = async (check, limitMs) => {
    const start = performance.now();
    for (;;) {
      if (check()) { await frame(); return; }
      if (performance.now() - start > limitMs) throw new Error('timed out waiting for the result');
      await frame();
    }
  };
  // React listens to the native value setter plus an input event, as typing does.
  const type = (el, text) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const done = (result) => {
    if (result.hashContains && !location.hash.includes(result.hashContains)) return false;
    if (result.absent && document.querySelector(result.absent)) return false;
    if (result.present && !document.querySelector(result.present)) return false;
    const found = [...document.querySelectorAll(result.selector)];
    if (found.length === 0) return false;
    if (result.firstContains && !(found[0].textContent || '').includes(result.firstContains)) return false;
    const all = result.allContain;
    return !all || found.every((el) => (el.textContent || '').includes(all));
  };
  const measure = async (action, result, limitMs) => {
    const start = performance.now();
    if (action.kind === 'hash') location.hash = action.hash;
    else {
      const el = document.querySelector(action.selector);
      if (!el) throw new Error('no element ' + action.selector);
      if (action.kind === 'type') type(el, action.text);
      else el.click();
    }
    await until(() => done(result), limitMs);
    return performance.now() - start;
  };
  window.__uiBench = { measure };
})()`;

export type Action =
  | { kind: 'type'; selector: string; text: string }
  | { kind: 'click'; selector: string }
  | { kind: 'hash'; hash: string };

export interface Result {
  /** Elements matching this selector… */
  selector: string;
  /** …exist, and (if given) the first one's text contains this… */
  firstContains?: string;
  /** …and, if given, every match's text contains this… */
  allContain?: string;
  /** …and, if given, location.hash contains this… */
  hashContains?: string;
  /** …and, if given, nothing matches this (a spinner or placeholder still showing)… */
  absent?: string;
  /** …and, if given, something matches this. */
  present?: string;
}

interface PageBench {
  __uiBench: { measure(action: Action, result: Result, limitMs: number): Promise<number> };
}

/** Milliseconds from the action to the frame after the result appeared. */
export async function measure(page: Page, action: Action, result: Result, limitMs = 30_000): Promise<number> {
  await page.evaluate(HELPERS);
  return page.evaluate(([a, r, l]) => (globalThis as unknown as PageBench).__uiBench.measure(a, r, l), [
    action,
    result,
    limitMs,
  ] as const);
}

const FIRST_PAINT = (selector: string) => `(() => {
  const check = () => {
    if (window.__firstPaint === undefined && document.querySelector(${JSON.stringify(selector)}))
      requestAnimationFrame(() => (window.__firstPaint = performance.now()));
    else if (window.__firstPaint === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

const SCRIPT_BYTES = `performance.getEntriesByType('resource')
  .filter((e) => e.name.endsWith('.js'))
  .reduce((sum, e) => sum + e.decodedBodySize, 0)`;

/**
 * Milliseconds from the start of navigation to the frame after `selector` appeared, on a fresh page
 * (nothing cached), and the JavaScript it downloaded. An init script watches the DOM from the first
 * byte, so the driver's latency is not counted.
 */
export async function firstPaint(
  page: Page,
  url: string,
  selector: string,
): Promise<{ ms: number; scriptBytes: number }> {
  await page.addInitScript(FIRST_PAINT(selector));
  await page.goto(url, { waitUntil: 'commit' });
  // A function, not a string: the page's CSP refuses eval.
  await page.waitForFunction(() => (globalThis as { __firstPaint?: number }).__firstPaint !== undefined);
  const ms = Number(await page.evaluate('window.__firstPaint'));
  const scriptBytes = Number(await page.evaluate(SCRIPT_BYTES));
  return { ms, scriptBytes };
}
