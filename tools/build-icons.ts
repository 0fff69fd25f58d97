import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { iconFiles } from './icons.ts';

// `npm run icons`: the PNG sizes, the Windows .ico and the favicon from resources/icon.svg. Run it after
// changing the SVG and commit the output (tests/integration/tools/icons.test.ts checks they agree).

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'resources/icon.svg'), 'utf8');
for (const [path, bytes] of iconFiles(svg)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), bytes);
  console.log(`icons: ${path} (${bytes.length} bytes)`);
}
