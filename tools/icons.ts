import { Resvg } from '@resvg/resvg-js';

// The app icon's raster forms, made from resources/icon.svg by `npm run icons` (tools/build-icons.ts)
// and committed under resources/icons/ so that builds and the preview need not run it.

/** Square PNG sizes: window and taskbar (16–256), Linux desktops (up to 512), macOS (1024). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** The sizes inside the Windows .ico (256 is the largest an .ico holds). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** The browser favicon: the sizes a tab, a bookmark and a desktop shortcut ask for. */
export const FAVICON_SIZES = [16, 32, 48] as const;

export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' })
    .render()
    .asPng();
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (view.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/**
 * An .ico holding the given PNGs as they are (PNG entries, read by Windows since Vista and by every
 * browser): a 6-byte header, a 16-byte directory entry per image, then the images.
 */
export function packIco(pngs: Buffer[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    const entry = 6 + 16 * i;
    header.writeUInt8(width >= 256 ? 0 : width, entry); // 0 means 256
    header.writeUInt8(height >= 256 ? 0 : height, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

/** The directory of an .ico: each image's size and its bytes. */
export function readIco(ico: Buffer): Array<{ width: number; height: number; data: Buffer }> {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico');
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = ico.readUInt32LE(entry + 8);
    const start = ico.readUInt32LE(entry + 12);
    return {
      width: ico.readUInt8(entry) || 256,
      height: ico.readUInt8(entry + 1) || 256,
      data: ico.subarray(start, start + length),
    };
  });
}

/** Every file `npm run icons` writes, by path relative to the repository root. */
export function iconFiles(svg: string): Map<string, Buffer> {
  const pngs = new Map<number, Buffer>(PNG_SIZES.map((size) => [size, renderPng(svg, size)]));
  const pick = (sizes: readonly number[]) => sizes.map((size) => pngs.get(size) ?? renderPng(svg, size));
  const files = new Map<string, Buffer>();
  // NxN.png is the naming electron-builder reads from an icon folder for Linux.
  for (const [size, png] of pngs) files.set(`resources/icons/${size}x${size}.png`, png);
  files.set('resources/icons/icon.ico', packIco(pick(ICO_SIZES)));
  // Vite copies renderer/public/ to the build's root: the preview and the app get /favicon.ico.
  files.set('renderer/public/favicon.ico', packIco(pick(FAVICON_SIZES)));
  return files;
}
