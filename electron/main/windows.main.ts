import { BrowserWindow, dialog, Menu, session as electronSession, shell, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import type { Surface } from '../../shared/contract/index.ts';
import type { SessionHolder } from './dispatcher.ts';
import type { WindowRegistry } from './ipc.main.ts';
import {
  CONTENT_SECURITY_POLICY,
  deskWindowOptions,
  displayWindowOptions,
  isAllowedNavigation,
  isBlockedKioskInput,
  KIOSK_PARTITION,
  KIOSK_WIPED_STORAGES,
  kioskWindowOptions,
  permissionDecision,
} from './security.ts';

// Creates the desk or kiosk window with the pure options of security.ts and installs the guards:
// CSP header, no navigation away, no new windows, permissions denied, kiosk shortcuts blocked.

export class Windows implements WindowRegistry {
  private readonly surfaces = new Map<number, Surface>();
  private readonly sessions = new Map<number, SessionInfo | null>();

  surfaceOf(contents: WebContents): Surface | undefined {
    return this.surfaces.get(contents.id);
  }

  sessionOf(contents: WebContents): SessionHolder {
    return {
      get: () => this.sessions.get(contents.id) ?? null,
      set: (s) => this.sessions.set(contents.id, s),
    };
  }

  /** A visitor left: forget everything the kiosk page kept (storage, cache, back/forward history). */
  wipeKiosk(contents: WebContents): void {
    if (this.surfaces.get(contents.id) !== 'kiosk') return;
    void contents.session.clearStorageData({ storages: [...KIOSK_WIPED_STORAGES] });
    void contents.session.clearCache();
    contents.navigationHistory.clear();
  }

  open(
    surface: Surface,
    paths: { preload: string; indexHtml: string; icon: string },
    devTools: boolean,
    /** The lobby call display: the kiosk's window and surface at /kiosk/display. */
    display = false,
  ): BrowserWindow {
    const options =
      surface === 'kiosk'
        ? display
          ? displayWindowOptions(paths.preload, paths.icon)
          : kioskWindowOptions(paths.preload, paths.icon)
        : deskWindowOptions(paths.preload, { devTools, icon: paths.icon });
    const win = new BrowserWindow(options);
    const contents = win.webContents;
    const id = contents.id;
    this.surfaces.set(id, surface);
    contents.once('destroyed', () => {
      this.surfaces.delete(id);
      this.sessions.delete(id); // a closed window forgets who was signed in
    });

    contents.setWindowOpenHandler(({ url }) => {
      if (surface === 'desk' && url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    // The kiosk is its own page beside the desk's (renderer/vite.config.ts): none of the desk's code.
    // Each window stays on its own page.
    const page = surface === 'kiosk' ? join(dirname(paths.indexHtml), 'kiosk.html') : paths.indexHtml;
    const appUrl = `file://${page}`;
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    if (surface === 'kiosk') {
      win.setMenu(null);
      contents.on('before-input-event', (event, input) => {
        if (isBlockedKioskInput(input)) event.preventDefault();
      });
      contents.on('devtools-opened', () => contents.closeDevTools());
      // No pinch or ctrl-wheel zoom out of the layout, no context menu, no leaving full screen.
      void contents.setVisualZoomLevelLimits(1, 1);
      contents.on('zoom-changed', () => contents.setZoomFactor(1));
      contents.on('context-menu', (event) => event.preventDefault());
      win.on('leave-full-screen', () => win.setFullScreen(true));
      win.on('blur', () => win.focus());
    }
    if (surface === 'desk') {
      // A form with unsaved changes asks before the page unloads (beforeunload, renderer/src/data/drafts.tsx);
      // Electron would silently keep the window open, so closing or reloading asks here. The typing is
      // kept as a draft either way; main does not know the screen's language, so the question is in both.
      contents.on('will-prevent-unload', (event) => {
        const choice = dialog.showMessageBoxSync(win, {
          type: 'question',
          buttons: ['나가기 (Leave)', '계속 작성 (Keep editing)'],
          defaultId: 1,
          cancelId: 1,
          message: '작성 중인 내용이 있습니다. 임시 저장본으로 남기고 나가시겠습니까?',
          detail: 'There is work in progress. Leave and keep it as a draft?',
        });
        if (choice === 0) event.preventDefault();
      });
    }
    win.once('ready-to-show', () => win.show());
    const hash = surface === 'kiosk' ? (display ? '/kiosk/display' : '/kiosk') : '/';
    void win.loadFile(page, { hash });
    return win;
  }
}

/** The same guards on the desk's default session and on the kiosk's own in-memory session. */
export function installSessionGuards(): void {
  for (const ses of [electronSession.defaultSession, electronSession.fromPartition(KIOSK_PARTITION)]) {
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(permissionDecision()));
    ses.setPermissionCheckHandler(() => permissionDecision());
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
    // Nothing is fetched from the network by the renderer: refuse anything that is not the app's own files.
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed =
        details.url.startsWith('file://') ||
        details.url.startsWith('devtools://') ||
        details.url.startsWith('data:');
      callback({ cancel: !allowed });
    });
  }
  Menu.setApplicationMenu(null);
}
