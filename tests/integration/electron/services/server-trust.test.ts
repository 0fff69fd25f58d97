import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Caller } from '../../../../electron/main/dispatcher.ts';
import { handlers } from '../../../../electron/services/handlers/index.ts';
import { configuredCa } from '../../../../electron/services/server-trust.ts';
import type { SessionInfo } from '../../../../shared/contract/auth.ts';
import { tempDir } from '../../../support/temp-dir.ts';
import { makeTestStore, sessionHolder, type TestStore } from '../../../support/temp-store.ts';
import { makeTestCertificates, type TestCertificates } from '../../../support/tls-certs.ts';

// The CA file setting of this PC (Settings › this PC): admins only, checked before it is kept (an
// absolute path to a PEM certificate), audited, and what the sync transport then trusts.

let t: TestStore;
let certDir: { dir: string; remove: () => void };
let certs: TestCertificates;
let dispatch: ReturnType<typeof createDispatcher>;
let admin: SessionInfo;
let counselor: SessionInfo;
const desk = (s: SessionInfo): Caller => ({ surface: 'desk', session: sessionHolder(s) });

beforeAll(async () => {
  t = await makeTestStore();
  certDir = tempDir('caseworker-ca-');
  certs = makeTestCertificates(certDir.dir);
  dispatch = createDispatcher(handlers, t.store.context, { error: () => undefined });
  admin = await t.signIn('admin');
  counselor = await t.signIn('counselor1');
});
afterAll(async () => {
  await t.cleanup();
  certDir.remove();
});

const auditCount = async () =>
  (
    await t.store.db
      .selectFrom('audit_entries')
      .select('id')
      .where('action', '=', 'settings.serverTrust.save')
      .execute()
  ).length;

describe("this PC's CA file setting", () => {
  it('keeps a readable PEM certificate, audited, and the transport trusts it', async () => {
    expect(await dispatch(desk(admin), 'settings:getServerTrust', {})).toEqual({
      ok: true,
      value: { serverUrl: null, caFile: null },
    });
    expect(await dispatch(desk(admin), 'settings:saveServerTrust', { caFile: certs.ca })).toEqual({
      ok: true,
      value: { serverUrl: null, caFile: certs.ca },
    });
    expect(await configuredCa(t.store.context)).toContain('BEGIN CERTIFICATE');
    expect(await auditCount()).toBe(1);
    expect(await dispatch(desk(admin), 'settings:saveServerTrust', { caFile: null })).toMatchObject({
      ok: true,
      value: { caFile: null },
    });
    expect(await configuredCa(t.store.context)).toBeNull();
    expect(await auditCount()).toBe(2);
  });

  it('refuses a relative path, a missing file or a file that is no certificate, and counselors', async () => {
    const bogus = join(certDir.dir, 'bogus.pem');
    writeFileSync(bogus, 'not a certificate\n');
    const refusals: Array<[string, string]> = [
      ['ca.pem', 'settings.serverTrust.notAbsolute'],
      [join(certDir.dir, 'missing.pem'), 'settings.serverTrust.badCa'],
      [bogus, 'settings.serverTrust.badCa'],
      [certs.key, 'settings.serverTrust.badCa'],
    ];
    const before = await auditCount();
    for (const [caFile, message] of refusals)
      expect(await dispatch(desk(admin), 'settings:saveServerTrust', { caFile })).toEqual({
        ok: false,
        error: { code: 'validation', message, field: 'caFile' },
      });
    expect(await dispatch(desk(counselor), 'settings:saveServerTrust', { caFile: certs.ca })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(desk(counselor), 'settings:getServerTrust', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await auditCount()).toBe(before);
    expect(await configuredCa(t.store.context)).toBeNull();
  });
});
