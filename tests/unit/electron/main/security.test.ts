import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  deskWindowOptions,
  isAllowedNavigation,
  isBlockedKioskInput,
  kioskWindowOptions,
  permissionDecision,
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

describe('content security policy', () => {
  it('allows scripts only from the app and nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
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
