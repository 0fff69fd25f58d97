import { mkdirSync, writeFileSync } from 'node:fs';
import { build, type BuildOptions } from 'esbuild';

// Bundles the main process and the two preloads. Preloads run sandboxed, where only a bundled CommonJS
// file can load; main is bundled too so that the packaged app does not depend on .ts loading.
// Native and logging packages stay external: electron-builder ships them from node_modules.

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pino'],
};

// CommonJS output with a .js name (what Electron and the security linter both read) inside a folder
// that declares itself CommonJS, since the project root is an ES module package.
mkdirSync('dist-electron', { recursive: true });
writeFileSync('dist-electron/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main/app.main.ts' },
    outdir: 'dist-electron',
    // import.meta.dirname does not exist in CommonJS output; __dirname is the same folder.
    define: { 'import.meta.dirname': '__dirname' },
  }),
  build({
    ...common,
    entryPoints: {
      'desk.preload': 'electron/preload/desk.preload.ts',
      'kiosk.preload': 'electron/preload/kiosk.preload.ts',
      'signing.preload': 'electron/preload/signing.preload.ts',
    },
    outdir: 'dist-electron',
  }),
  // Backups copy and check the store in a worker thread (electron/services/backups/run-job.ts looks
  // for this file beside main.js).
  build({
    ...common,
    entryPoints: { 'backup-worker': 'electron/services/backups/worker.ts' },
    outdir: 'dist-electron',
  }),
  // A snapshot (first download) is written on its own thread (electron/services/sync/snapshot-thread.ts
  // looks for this file beside main.js).
  build({
    ...common,
    entryPoints: { 'sync-snapshot-worker': 'electron/services/sync/snapshot-worker.ts' },
    outdir: 'dist-electron',
  }),
]);
console.log(
  'electron: built dist-electron/main.js, desk.preload.js, kiosk.preload.js, signing.preload.js, backup-worker.js, sync-snapshot-worker.js',
);
