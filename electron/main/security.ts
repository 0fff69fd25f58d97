import type { BrowserWindowConstructorOptions, Input, WebPreferences } from 'electron';

// Pure builders for every security-relevant setting of the windows (Electron's security checklist),
// so that unit tests can check them without the Electron binary. Types come from 'electron' but are
// erased: nothing here runs Electron code.

/** Scripts only from the app itself; MUI's emotion injects <style> tags, hence 'unsafe-inline' for styles. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // blob: for an attachment's image preview (issue 18 item 3): object URLs the window makes from the
  // store's bytes, never a remote address. No frames at all: PDFs are drawn by pdf.js onto canvases
  // (renderer/src/attachments/PdfPages.tsx), not shown by a PDF viewer in a frame.
  "img-src 'self' data: blob:",
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

/**
 * The window icon, relative to the app's root: the .ico on Windows (it carries every size the taskbar
 * picks from), the 256 px PNG elsewhere. Both come from resources/icon.svg (`npm run icons`).
 */
export function appIcon(platform: string): string {
  return platform === 'win32' ? 'resources/icons/icon.ico' : 'resources/icons/256x256.png';
}

export function deskWindowOptions(
  preload: string,
  opts: { devTools: boolean; icon?: string },
): BrowserWindowConstructorOptions {
  return {
    // The app icon (resources/icons/, made by `npm run icons`) for the title bar and taskbar.
    ...(opts.icon ? { icon: opts.icon } : {}),
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
export function kioskWindowOptions(preload: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    ...(icon ? { icon } : {}),
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
    webPreferences: {
      ...hardenedWebPreferences(preload, false),
      // An in-memory session of its own (no `persist:` prefix): nothing the kiosk page stores reaches
      // the disk, and it shares no storage with a desk window.
      partition: KIOSK_PARTITION,
      zoomFactor: 1,
    },
  };
}

/**
 * The jobseeker's signing window (issue 18 item 2): full screen on the second display, framed like the
 * kiosk (no menu, no resizing, no developer tools, its own in-memory session), but closed by main when
 * the signature is given or cancelled. `bounds` is the display it opens on.
 */
export function signingWindowOptions(
  preload: string,
  bounds: { x: number; y: number; width: number; height: number },
  icon?: string,
): BrowserWindowConstructorOptions {
  return {
    ...(icon ? { icon } : {}),
    ...bounds,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    autoHideMenuBar: true,
    skipTaskbar: true,
    show: false,
    title: 'Caseworker 서명',
    backgroundColor: '#ffffff',
    webPreferences: {
      ...hardenedWebPreferences(preload, false),
      partition: SIGNING_PARTITION,
      zoomFactor: 1,
    },
  };
}

export const SIGNING_PARTITION = 'signing';

/** The display a signing window opens on: another than the desk's when there is one, else the desk's. */
export function signingDisplay<D extends { id: number }>(
  displays: readonly D[],
  deskDisplayId: number,
): D | undefined {
  return displays.find((d) => d.id !== deskDisplayId) ?? displays.find((d) => d.id === deskDisplayId);
}

export const KIOSK_PARTITION = 'kiosk';

/** What is wiped from the kiosk's session when a visitor leaves (idle reset or "finish"). */
export const KIOSK_WIPED_STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const;

/** The kiosk channel after which main wipes the kiosk window's storage, cache and history. */
export function isKioskVisitEnd(channel: unknown): boolean {
  return channel === 'kiosk:endVisit';
}

/** The desk channel whose PDF main hands to the OS print dialog (electron/main/print.main.ts). */
export function isPrintChannel(channel: unknown): boolean {
  return channel === 'documents:print';
}

/**
 * The lobby call display at start (issue 18 item 4): `--display` or CASEWORKER_DISPLAY=1, unless
 * `--desk` (IT staff). It is the kiosk's locked window and surface, opened at /kiosk/display.
 */
export function isDisplayStart(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (argv.includes('--desk')) return false;
  return argv.includes('--display') || env['CASEWORKER_DISPLAY'] === '1';
}

/** The display's window: the kiosk's, and its chime may sound without anyone touching the TV. */
export function displayWindowOptions(preload: string, icon?: string): BrowserWindowConstructorOptions {
  const base = kioskWindowOptions(preload, icon);
  return { ...base, webPreferences: { ...base.webPreferences, autoplayPolicy: 'no-user-gesture-required' } };
}

/** The kiosk channel whose answer (the ticket's PDF) main sends to the kiosk's printer. */
export function isTicketPrint(channel: unknown): boolean {
  return channel === 'kiosk:ticketPrint';
}

/**
 * Desk or kiosk at start: `--desk` wins (IT staff servicing a kiosk PC), then `--kiosk` or
 * CASEWORKER_KIOSK=1, then the admin's stored setting for this PC.
 */
export function startupSurface(opts: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  storedKioskMode: boolean;
}): 'desk' | 'kiosk' {
  if (opts.argv.includes('--desk')) return 'desk';
  if (opts.argv.includes('--kiosk') || opts.env['CASEWORKER_KIOSK'] === '1') return 'kiosk';
  return opts.storedKioskMode ? 'kiosk' : 'desk';
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

/** Keys that would reload, close, zoom out of, search, print, switch away from or inspect the kiosk. */
export function isBlockedKioskInput(
  input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (
    [
      'f1',
      'f3',
      'f5',
      'f6',
      'f7',
      'f10',
      'f11',
      'f12',
      'escape',
      'contextmenu',
      'meta',
      'os',
      'browserback',
      'browserforward',
      'browserrefresh',
      'browserhome',
      'browsersearch',
      'browserfavorites',
      'print',
    ].includes(key)
  )
    return true;
  if (
    mod &&
    [
      'r',
      'w',
      'q',
      'n',
      't',
      'p',
      's',
      'o',
      'l',
      'u',
      'f',
      'g',
      'h',
      'j',
      'd',
      'e',
      'k',
      '+',
      '-',
      '=',
      '0',
    ].includes(key)
  )
    return true;
  if (mod && ['tab', 'pageup', 'pagedown', 'f4'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c', 'delete'].includes(key)) return true;
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home', 'tab', ' ', 'escape', 'alt'].includes(key))
    return true;
  if (key === 'alt') return true; // a lone Alt opens the (removed) menu bar on some platforms
  return false;
}

/** Every permission request (camera, notifications, geolocation…) is denied: the app needs none. */
export function permissionDecision(): boolean {
  return false;
}
