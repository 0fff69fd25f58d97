import { join } from 'node:path';
import { app, dialog } from 'electron';
import { getDeviceSettings } from '../services/center-settings.ts';
import { handlers } from '../services/handlers/index.ts';
import { log } from '../services/log.ts';
import { openDesktopStore, StoreError, type DesktopStore } from '../services/store.ts';
import { configuredServer, startDesktopSync } from '../services/sync/start.ts';
import { createDispatcher } from './dispatcher.ts';
import { bindIpc } from './ipc.main.ts';
import { startupSurface } from './security.ts';
import { installSessionGuards, Windows } from './windows.main.ts';

// The Electron entry point: one instance per user, the store in the user profile, then the desk window
// (or, with --kiosk, CASEWORKER_KIOSK=1 or the admin's setting for this PC, the locked-down lobby
// window; --desk overrides the setting for IT staff).

// A touch swipe must not navigate back to a previous visitor's screen (desk windows lose nothing).
app.commandLine.appendSwitch('overscroll-history-navigation', '0');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let store: DesktopStore | undefined;
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
      try {
        store = await openDesktopStore(dataDir);
      } catch (error) {
        const message = error instanceof StoreError ? error.message : 'The case store could not be opened.';
        dialog.showErrorBox('Caseworker', message);
        app.exit(1);
        return;
      }
      // A configured server (CASEWORKER_SERVER, or the setting saved in the store) turns on background
      // sync and online-first sign-in; without one the desktop works offline only.
      const serverUrl = await configuredServer(store);
      if (serverUrl) startDesktopSync(store, serverUrl);
      bindIpc(createDispatcher(handlers, store.context, log), windows);
      const surface = startupSurface({
        argv: process.argv,
        env: process.env,
        storedKioskMode: (await getDeviceSettings(store.context)).kioskMode,
      });
      const kioskMode = surface === 'kiosk';
      const here = import.meta.dirname;
      windows.open(
        kioskMode ? 'kiosk' : 'desk',
        {
          preload: join(here, kioskMode ? 'kiosk.preload.js' : 'desk.preload.js'),
          indexHtml: join(here, '..', 'dist', 'renderer', 'index.html'),
        },
        !app.isPackaged,
      );
    })
    .catch((error: unknown) => {
      log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'startup failed');
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    void store?.close().finally(() => app.quit());
  });
}
