import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The packaged app's hardening lives in electron-builder.yml (the Electron security checklist's fuses)
// and cannot be exercised here without the Electron binary; this keeps the settings from being lost.

const config = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

function block(name: string): string {
  const start = config.indexOf(`\n${name}:`);
  if (start < 0) throw new Error(`no ${name} in electron-builder.yml`);
  const rest = config.slice(start + name.length + 3);
  const end = rest.search(/\n\S/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('packaging', () => {
  it('sets the Electron fuses that close Node back doors', () => {
    const fuses = block('electronFuses');
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
      'enableCookieEncryption: true',
    ]) {
      expect(fuses).toContain(line);
    }
  });

  it('unpacks the native modules the app depends on', () => {
    const unpack = block('asarUnpack');
    for (const native of ['better-sqlite3-multiple-ciphers', '@node-rs/argon2']) {
      expect(Object.keys(pkg.dependencies)).toContain(native);
    }
    expect(unpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
    expect(unpack).toContain('node_modules/@node-rs/**');
  });
});
