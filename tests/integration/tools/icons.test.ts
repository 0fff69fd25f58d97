import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FAVICON_SIZES,
  ICO_SIZES,
  iconFiles,
  packIco,
  PNG_SIZES,
  pngSize,
  readIco,
  renderPng,
} from '../../../tools/icons.ts';

// The committed icons under resources/icons/ and renderer/public/ are exactly what `npm run icons`
// makes from resources/icon.svg (rendered again here with resvg), at the sizes it declares, and every
// icon electron-builder.yml names exists.

const ROOT = resolve(import.meta.dirname, '../../..');
const svg = readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8');

describe('app icon', () => {
  const made = iconFiles(svg);

  it('commits what the script makes from the SVG (run `npm run icons` after changing it)', () => {
    expect([...made.keys()].sort()).toEqual(
      [
        ...PNG_SIZES.map((s) => `resources/icons/${s}x${s}.png`),
        'resources/icons/icon.ico',
        'renderer/public/favicon.ico',
      ].sort(),
    );
    for (const [path, bytes] of made) {
      const committed = readFileSync(join(ROOT, path));
      expect(committed.equals(bytes), `${path} differs from the script's output`).toBe(true);
    }
  });

  it('renders each PNG at its declared size', () => {
    for (const size of PNG_SIZES) {
      const png = readFileSync(join(ROOT, `resources/icons/${size}x${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
  });

  it('packs the .ico and the favicon with their sizes, each image a PNG of that size', () => {
    for (const [file, sizes] of [
      ['resources/icons/icon.ico', ICO_SIZES],
      ['renderer/public/favicon.ico', FAVICON_SIZES],
    ] as const) {
      const entries = readIco(readFileSync(join(ROOT, file)));
      expect(entries.map((e) => e.width)).toEqual([...sizes]);
      for (const e of entries) expect(pngSize(e.data)).toEqual({ width: e.width, height: e.height });
    }
  });

  it('writes 256 px as 0 in the .ico directory, as the format says', () => {
    const ico = packIco([renderPng(svg, 256)]);
    expect(ico.readUInt8(6)).toBe(0);
    expect(readIco(ico)[0]?.width).toBe(256);
  });

  it('is named by electron-builder.yml for Linux, Windows and macOS, with files that exist', () => {
    const config = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    const icons = [...config.matchAll(/^ {2}icon: (.+)$/gm)].map((m) => m[1] ?? '');
    expect(icons).toEqual(['resources/icons', 'resources/icons/icon.ico', 'resources/icons/1024x1024.png']);
    for (const icon of icons) expect(existsSync(join(ROOT, icon))).toBe(true);
  });
});
