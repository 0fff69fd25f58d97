import type { BrowserWindowConstructorOptions, Input, WebPreferences } from 'electron';

// Pure builders for every security-relevant setting of the windows (Electron's security checklist),
// so that unit tests can check them without the Electron binary. Types come from 'electron' but are
// erased: nothing here runs Electron code.

/** Scripts only from the app itself; MUI's emotion injects <style> tags, hence 'unsafe-inline' for styles. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

function hardenedWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click opens links in new windows behind the new-window guard's back.
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}

export function deskWindowOptions(
  preload: string,
  opts: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Caseworker',
    backgroundColor: '#f5f7fa',
    webPreferences: hardenedWebPreferences(preload, opts.devTools),
  };
}

/** One full-screen window that cannot be left, resized, moved or opened to developer tools. */
export function kioskWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    autoHideMenuBar: true,
    skipTaskbar: true,
    show: false,
    title: 'Caseworker Kiosk',
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preload, false),
  };
}

/** Navigation may only stay on the app's own page (hash routes change the fragment only). */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  let t: URL;
  let app: URL;
  try {
    t = new URL(target);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  return t.protocol === app.protocol && t.host === app.host && t.pathname === app.pathname && t.search === '';
}

/** Keys that would reload, close, zoom out of or inspect the kiosk. */
export function isBlockedKioskInput(
  input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (['f5', 'f11', 'f12', 'browserback', 'browserforward', 'browserrefresh'].includes(key)) return true;
  if (mod && ['r', 'w', 'q', 'n', 't', 'p', 's', 'o', 'l', 'u', '+', '-', '=', '0'].includes(key))
    return true;
  if (mod && input.shift && ['i', 'j', 'c', 'delete'].includes(key)) return true;
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home'].includes(key)) return true;
  return false;
}

/** Every permission request (camera, notifications, geolocation…) is denied: the app needs none. */
export function permissionDecision(): boolean {
  return false;
}
