import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_FILE } from '../../electron/services/store.ts';
import { createDemoStore } from '../../electron/services/demo/demo-store.ts';
import { startTestHost } from './host.ts';

// `npm run preview`: the UI in a browser against the test host (interfaces.md). A new data folder is
// filled with demo data first; every demo account has the password below (preview only).

const PREVIEW_PASSWORD = 'Preview-2026!';
const dataDir = process.env['CASEWORKER_DATA'] ?? join(tmpdir(), 'caseworker-preview');
const port = Number(process.env['PORT'] ?? 4173);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`preview: PORT must be a port number, not ${process.env['PORT']}`);
  process.exit(2);
}

if (!existsSync(join(dataDir, STORE_FILE))) {
  console.log(`preview: filling ${dataDir} with demo data…`);
  await createDemoStore(
    dataDir,
    {
      centerCode: 'DEMO',
      centerName: '서울강남고용센터',
      sido: '11',
      sigungu: '11680',
      jobseekers: 5000,
      employers: 500,
      seed: 1,
      password: PREVIEW_PASSWORD,
      anchor: new Date(),
    },
    { deviceUnlock: true },
  );
}

const host = await startTestHost({ dataDir, port });
console.log(`preview: ${host.url}  (kiosk: ${host.url}/kiosk.html#/kiosk)`);
console.log(
  `preview: sign in as counselor1 … counselor5, supervisor1 or admin with password ${PREVIEW_PASSWORD}`,
);
const stop = () => void host.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
