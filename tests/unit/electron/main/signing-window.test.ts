import { describe, expect, it } from 'vitest';
import {
  isPrintChannel,
  SIGNING_PARTITION,
  signingDisplay,
  signingWindowOptions,
} from '../../../../electron/main/security.ts';

// The second-screen signing window's options (issue 18 item 2), checked without the Electron binary:
// locked like the kiosk (no frame, no resizing, no developer tools, hardened preferences, its own
// in-memory session), full screen on the other display when there is one.

describe('the signing window', () => {
  const bounds = { x: 1920, y: 0, width: 1280, height: 800 };
  const o = signingWindowOptions('/app/signing.preload.js', bounds);

  it('is locked down like the kiosk window', () => {
    expect(o).toMatchObject({
      ...bounds,
      fullscreen: true,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      show: false,
    });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/signing.preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
      partition: SIGNING_PARTITION,
    });
    // An in-memory session: nothing the signing page keeps reaches the disk.
    expect(SIGNING_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('opens on another display than the desk’s, or on the desk’s when it is the only one', () => {
    const displays = [{ id: 1 }, { id: 2 }];
    expect(signingDisplay(displays, 1)?.id).toBe(2);
    expect(signingDisplay(displays, 2)?.id).toBe(1);
    expect(signingDisplay([{ id: 1 }], 1)?.id).toBe(1);
  });

  it('hands only printed forms to the OS print dialog', () => {
    expect(isPrintChannel('documents:print')).toBe(true);
    expect(isPrintChannel('casework:issueCertificate')).toBe(false);
    expect(isPrintChannel({})).toBe(false);
  });
});
