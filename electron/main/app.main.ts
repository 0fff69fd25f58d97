import { join } from 'node:path';
import { app, dialog } from 'electron';
import { handlers } from '../services/handlers/index.ts';
import { log } from '../services/log.ts';
import { StoreGate } from '../services/store-gate.ts';
import { StoreError } from '../services/store.ts';
import { configuredCa } from '../services/server-trust.ts';
import { configuredServer, startDesktopSync } from '../services/sync/start.ts';
import { InsecureServerError } from '../services/sync/transport.ts';
import { createDispatcher } from './dispatcher.ts';
import { safeStorageProtector } from './secret-protector.main.ts';
import { bindIpc } from './ipc.main.ts';
import { printPdf } from './print.main.ts';
import { bindSigning } from './signing.main.ts';
import { appIcon, isDisplayStart, startupSurface } from './security.ts';
import { installSessionGuards, Windows } from './windows.main.ts';

// The Electron entry point: one instance per user, the store in the user profile, then the desk window
// (or, with --kiosk, CASEWORKER_KIOSK=1 or the admin's setting for this PC, the locked-down lobby
// window; --desk overrides the setting for IT staff).

// A touch swipe must not navigate back to a previous visitor's screen (desk windows lose nothing).
app.commandLine.appendSwitch('overscroll-history-navigation', '0');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let gate: StoreGate | undefined;
  const windows = new Windows();

  app.on('second-instance', () => {
    // A second launch focuses the running window instead of opening the store twice.
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  app
    .whenReady()
    .then(async () => {
      installSessionGuards();
      const dataDir = process.env['CASEWORKER_DATA'] ?? join(app.getPath('userData'), 'store');
      // The store is encrypted and stays shut until a sign-in unwraps its key (or, on a kiosk PC, the
      // key an admin sealed for the device with the OS keyring). A configured server (CASEWORKER_SERVER
      // or the one saved by the first online sign-in) turns on background sync once it is open.
      gate = new StoreGate({
        dataDir,
        protector: safeStorageProtector(),
        serverUrl: process.env['CASEWORKER_SERVER'] ?? null,
        onOpen: async (store, serverUrl, snapshotWriter) => {
          const url = serverUrl ?? (await configuredServer(store));
          if (!url) return;
          try {
            startDesktopSync(store, url, snapshotWriter, await configuredCa(store.context));
          } catch (error) {
            // http:// to another machine: the desk works offline rather than send passwords in clear.
            if (!(error instanceof InsecureServerError)) throw error;
            log.error({ reason: error.message }, 'sync not started');
          }
        },
      });
      const dispatch = createDispatcher(handlers, gate, log);
      bindIpc(dispatch, windows, printPdf);
      const here = import.meta.dirname;
      bindSigning(dispatch, windows, {
        preload: join(here, 'signing.preload.js'),
        indexHtml: join(here, '..', 'dist', 'renderer', 'index.html'),
        icon: join(here, '..', appIcon(process.platform)),
      });
      const surface = startupSurface({
        argv: process.argv,
        env: process.env,
        storedKioskMode: gate.hasDeviceUnlock(),
      });
      // The lobby call display (`--display`) is the kiosk's locked window at /kiosk/display.
      const display = isDisplayStart(process.argv, process.env);
      const kioskMode = surface === 'kiosk' || display;
      if (kioskMode && !(await gate.unlockAsDevice())) {
        dialog.showErrorBox(
          'Caseworker',
          '이 PC는 키오스크로 설정되지 않았습니다. 관리자가 상담 화면에서 로그인한 뒤 키오스크 모드를 켜 주세요.\n' +
            'This PC is not set up as a kiosk: an admin signs in on the desk and turns kiosk mode on.',
        );
        app.exit(1);
        return;
      }
      windows.open(
        kioskMode ? 'kiosk' : 'desk',
        {
          preload: join(here, kioskMode ? 'kiosk.preload.js' : 'desk.preload.js'),
          indexHtml: join(here, '..', 'dist', 'renderer', 'index.html'),
          // resources/** is packaged beside dist-electron/ (electron-builder.yml `files`).
          icon: join(here, '..', appIcon(process.platform)),
        },
        !app.isPackaged,
        display,
      );
    })
    .catch((error: unknown) => {
      const message = error instanceof StoreError ? error.message : 'Caseworker could not start.';
      dialog.showErrorBox('Caseworker', message);
      log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'startup failed');
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    void (gate?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
