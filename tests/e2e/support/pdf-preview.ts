import type { Page } from 'playwright-core';

// What the attachment preview drew (renderer/src/attachments/PdfPages.tsx): a PDF shown as a dark,
// empty frame has no ink on its pages.

/** Dark pixels on the preview's first drawn page (a blank or undrawn canvas has none). */
export async function inkedPixels(p: Page): Promise<number> {
  await p.locator('[data-testid="attachment-preview-pdf"][aria-busy="false"]').waitFor();
  return p
    .getByTestId('attachment-pdf-page')
    .first()
    .evaluate((el) => {
      const canvas = el as unknown as {
        width: number;
        height: number;
        getContext(k: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128 && (data[i + 3] ?? 0) > 0) dark++;
      return dark;
    });
}
