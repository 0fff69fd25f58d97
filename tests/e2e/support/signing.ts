import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { pdfText } from '../../support/pdf-text.ts';

// What the e2e files on signed forms (documents, plan-signing) share: a call through the page's bridge,
// printed PDFs saved to a folder of the file's own (removed after it) and read as text, and a signature
// drawn on the pad by mouse strokes.

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value: unknown; error?: unknown }>;

/** A call through the page's bridge, as the screens make it; its value, or it throws. */
export async function bridge<T>(p: Page, channel: string, input: unknown): Promise<T> {
  const r = await p.evaluate(
    async ([c, i]) => (globalThis as unknown as { caseworker: { invoke: Invoke } }).caseworker.invoke(c, i),
    [channel, input] as const,
  );
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export type Download = (p: Page, testId: string, file: string) => Promise<{ text: string; bytes: Buffer }>;

/**
 * Registers a downloads folder for the file (`prefix` names it) and returns how a test saves what
 * clicking `testId` downloads, as `file`, with its text (spaces collapsed) and bytes.
 */
export function pdfDownloads(prefix: string): Download {
  let downloads = '';
  beforeAll(() => {
    downloads = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));
  return async (p, testId, file) => {
    const [d] = await Promise.all([p.waitForEvent('download'), p.getByTestId(testId).first().click()]);
    const path = join(downloads, file);
    await d.saveAs(path);
    return { text: (await pdfText(path)).replace(/\s+/g, ' '), bytes: readFileSync(path) };
  };
}

/** A signature by mouse: three strokes across the pad, as a hand would make them. */
export async function drawSignature(p: Page): Promise<void> {
  const pad = p.getByTestId('signature-pad');
  // The jobseeker scrolls past the form to the pad, at the end of the dialog.
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no pad');
  const strokes = [
    [0.1, 0.6, 0.3, 0.3, 0.45, 0.7],
    [0.45, 0.7, 0.6, 0.35, 0.75, 0.65],
    [0.2, 0.8, 0.5, 0.75, 0.9, 0.8],
  ];
  for (const s of strokes) {
    await p.mouse.move(box.x + box.width * (s[0] ?? 0), box.y + box.height * (s[1] ?? 0));
    await p.mouse.down();
    for (let i = 0; i < s.length; i += 2)
      await p.mouse.move(box.x + box.width * (s[i] ?? 0), box.y + box.height * (s[i + 1] ?? 0), { steps: 8 });
    await p.mouse.up();
  }
}
