import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appIcon,
  CONTENT_SECURITY_POLICY,
  deskWindowOptions,
  isAllowedNavigation,
  isBlockedKioskInput,
  isKioskVisitEnd,
  KIOSK_WIPED_STORAGES,
  kioskWindowOptions,
  permissionDecision,
  startupSurface,
} from '../../../../electron/main/security.ts';

const hardened = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};

describe('window options', () => {
  it('gives the desk and the kiosk window the app icon, a file that exists', () => {
    const root = new URL('../../../../', import.meta.url).pathname;
    for (const platform of ['linux', 'win32', 'darwin']) {
      const icon = join(root, appIcon(platform));
      expect(existsSync(icon)).toBe(true);
      expect(deskWindowOptions('/app/desk.preload.cjs', { devTools: false, icon }).icon).toBe(icon);
      expect(kioskWindowOptions('/app/kiosk.preload.cjs', icon).icon).toBe(icon);
    }
    expect(appIcon('win32')).toMatch(/\.ico$/);
  });

  it('hardens the desk window and gives it its own preload', () => {
    const o = deskWindowOptions('/app/desk.preload.cjs', { devTools: false });
    expect(o.webPreferences).toMatchObject({
      ...hardened,
      preload: '/app/desk.preload.cjs',
      devTools: false,
    });
  });

  it('locks the kiosk window: full screen, no frame, no resize, no devtools, cannot close', () => {
    const o = kioskWindowOptions('/app/kiosk.preload.cjs');
    expect(o).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      closable: false,
      alwaysOnTop: true,
    });
    expect(o.webPreferences).toMatchObject({
      ...hardened,
      preload: '/app/kiosk.preload.cjs',
      devTools: false,
    });
  });
});

describe('the kiosk session', () => {
  it('runs the kiosk in its own in-memory session, at a fixed zoom', () => {
    const prefs = kioskWindowOptions('/app/kiosk.preload.cjs').webPreferences;
    expect(prefs?.partition).toBe('kiosk'); // no "persist:" prefix: nothing reaches the disk
    expect(prefs?.partition?.startsWith('persist:')).toBe(false);
    expect(prefs?.zoomFactor).toBe(1);
    expect(deskWindowOptions('/app/desk.preload.cjs', { devTools: false }).webPreferences?.partition).toBe(
      undefined,
    );
  });

  it('wipes local storage, cookies, caches and databases when a visitor leaves', () => {
    expect([...KIOSK_WIPED_STORAGES].sort()).toEqual(
      expect.arrayContaining(['cookies', 'localstorage', 'indexdb', 'cachestorage', 'serviceworkers']),
    );
    expect(isKioskVisitEnd('kiosk:endVisit')).toBe(true);
    expect(isKioskVisitEnd('kiosk:takeTicket')).toBe(false);
    expect(isKioskVisitEnd({ toString: () => 'kiosk:endVisit' })).toBe(false);
  });
});

describe('start-up surface', () => {
  const argv = ['electron', '.'];
  it('starts the desk by default and the kiosk by switch, environment or stored setting', () => {
    expect(startupSurface({ argv, env: {}, storedKioskMode: false })).toBe('desk');
    expect(startupSurface({ argv: [...argv, '--kiosk'], env: {}, storedKioskMode: false })).toBe('kiosk');
    expect(startupSurface({ argv, env: { CASEWORKER_KIOSK: '1' }, storedKioskMode: false })).toBe('kiosk');
    expect(startupSurface({ argv, env: { CASEWORKER_KIOSK: '0' }, storedKioskMode: false })).toBe('desk');
    expect(startupSurface({ argv, env: {}, storedKioskMode: true })).toBe('kiosk');
  });
  it('lets IT staff start a kiosk PC as a desk with --desk', () => {
    expect(
      startupSurface({ argv: [...argv, '--desk'], env: { CASEWORKER_KIOSK: '1' }, storedKioskMode: true }),
    ).toBe('desk');
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app and nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    // No frames: the attachment preview draws PDFs itself (no viewer in a blob: frame).
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-src');
  });
});

describe('navigation guard', () => {
  const app = 'file:///opt/caseworker/dist/renderer/index.html';
  it('allows hash-route changes on the app page', () => {
    expect(isAllowedNavigation('file:///opt/caseworker/dist/renderer/index.html#/jobseekers', app)).toBe(
      true,
    );
  });
  it('refuses other pages, other files and remote sites', () => {
    expect(isAllowedNavigation('https://example.com/', app)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', app)).toBe(false);
    expect(isAllowedNavigation('file:///opt/caseworker/dist/renderer/index.html?x=1', app)).toBe(false);
    expect(isAllowedNavigation('not a url', app)).toBe(false);
  });
});

describe('kiosk keyboard guard', () => {
  const key = (
    k: string,
    mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
  ) => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });
  it.each([
    ['F5', {}],
    ['F12', {}],
    ['F11', {}],
    ['r', { control: true }],
    ['w', { control: true }],
    ['q', { meta: true }],
    ['I', { control: true, shift: true }],
    ['F4', { alt: true }],
    ['ArrowLeft', { alt: true }],
    ['+', { control: true }],
    ['Escape', {}],
    ['F1', {}],
    ['ContextMenu', {}],
    ['Meta', { meta: true }],
    ['f', { control: true }],
    ['p', { control: true }],
    ['h', { control: true }],
    ['j', { control: true }],
    ['R', { control: true, shift: true }],
    ['Tab', { control: true }],
    ['Tab', { alt: true }],
    ['Alt', { alt: true }],
    ['BrowserHome', {}],
  ])('blocks %s %o', (k, mods) => {
    expect(isBlockedKioskInput(key(k, mods))).toBe(true);
  });
  it('lets ordinary typing and touch keys through', () => {
    for (const k of ['a', '가', 'Enter', 'Backspace', 'ArrowDown', '1'])
      expect(isBlockedKioskInput(key(k))).toBe(false);
    expect(isBlockedKioskInput({ ...key('r', { control: true }), type: 'keyUp' })).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    expect(permissionDecision()).toBe(false);
  });
});
