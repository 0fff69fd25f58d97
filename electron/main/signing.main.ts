import { BrowserWindow, ipcMain, screen, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail, type Result } from '../../shared/contract/result.ts';
import {
  IPC_SIGNING_CANCEL,
  IPC_SIGNING_DOCUMENT,
  IPC_SIGNING_ENDED,
  IPC_SIGNING_OPEN,
  IPC_SIGNING_SUBMIT,
} from '../../shared/contract/signing.ts';
import type { DocumentView, SignableKind, SignatureStatus } from '../../shared/documents/kinds.ts';
import type { Dispatch } from './dispatcher.ts';
import type { WindowRegistry } from './ipc.main.ts';
import {
  isAllowedNavigation,
  isBlockedKioskInput,
  signingDisplay,
  signingWindowOptions,
} from './security.ts';

// The second, locked signing window (issue 18 item 2), kept thin: everything it does goes through the
// dispatcher with the desk's session (`documents:view` to open, audited; `documents:sign` to sign),
// so the rules, checks and audit entries are the services' (tested without Electron). The window shows
// one document: no navigation, no new windows, the kiosk's blocked keys, no developer tools; it has no
// desk or kiosk bridge (the IPC binding refuses windows it does not know). One at a time per desk.

interface Session {
  desk: WebContents;
  win: BrowserWindow;
  kind: SignableKind;
  recordId: string;
  view: DocumentView;
}

export function bindSigning(
  dispatch: Dispatch,
  windows: WindowRegistry,
  paths: { preload: string; indexHtml: string; icon: string },
): void {
  let current: Session | null = null;

  const end = (status: SignatureStatus | null) => {
    const s = current;
    current = null;
    if (!s) return;
    if (!s.desk.isDestroyed()) s.desk.send(IPC_SIGNING_ENDED, status);
    if (!s.win.isDestroyed()) s.win.destroy();
  };
  const fromSigning = (event: IpcMainInvokeEvent) =>
    current !== null && event.sender === current.win.webContents;

  ipcMain.handle(
    IPC_SIGNING_OPEN,
    async (event, kind: unknown, recordId: unknown): Promise<Result<{ opened: true }>> => {
      if (windows.surfaceOf(event.sender) !== 'desk')
        return fail({ code: 'forbidden', message: 'Only the desk opens the signing window.' });
      const session = windows.sessionOf(event.sender);
      // The dispatcher checks the session, the role, the input (a signable kind) and access, and audits the read.
      const viewed = await dispatch({ surface: 'desk', session }, 'documents:view', { kind, recordId });
      if (!viewed.ok) return viewed;
      const view = viewed.value as DocumentView;
      if (!view.signature) return fail({ code: 'validation', message: 'documents.error.notSignable' });
      end(null);
      const deskWin = BrowserWindow.fromWebContents(event.sender);
      const deskDisplay = deskWin
        ? screen.getDisplayMatching(deskWin.getBounds())
        : screen.getPrimaryDisplay();
      const display = signingDisplay(screen.getAllDisplays(), deskDisplay.id) ?? deskDisplay;
      const win = new BrowserWindow(signingWindowOptions(paths.preload, display.bounds, paths.icon));
      const contents = win.webContents;
      const appUrl = `file://${paths.indexHtml}`;
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      contents.on('will-navigate', (e, url) => {
        if (!isAllowedNavigation(url, appUrl) || !new URL(url).hash.startsWith('#/signing'))
          e.preventDefault();
      });
      contents.on('will-redirect', (e) => e.preventDefault());
      contents.on('will-attach-webview', (e) => e.preventDefault());
      contents.on('before-input-event', (e, input) => {
        if (isBlockedKioskInput(input)) e.preventDefault();
      });
      contents.on('devtools-opened', () => contents.closeDevTools());
      contents.on('context-menu', (e) => e.preventDefault());
      win.setMenu(null);
      win.on('closed', () => {
        if (current?.win === win) end(null);
      });
      current = { desk: event.sender, win, kind: kind as SignableKind, recordId: String(recordId), view };
      win.once('ready-to-show', () => win.show());
      await win.loadFile(paths.indexHtml, { hash: '/signing' });
      return { ok: true, value: { opened: true } };
    },
  );

  ipcMain.handle(IPC_SIGNING_DOCUMENT, (event) => (fromSigning(event) ? (current?.view ?? null) : null));

  ipcMain.handle(IPC_SIGNING_SUBMIT, async (event, imagePng: unknown): Promise<Result<SignatureStatus>> => {
    const s = current;
    if (!s || !fromSigning(event))
      return fail({ code: 'forbidden', message: 'No document is open for signing.' });
    const signed = await dispatch({ surface: 'desk', session: windows.sessionOf(s.desk) }, 'documents:sign', {
      kind: s.kind,
      recordId: s.recordId,
      documentHash: s.view.signature?.currentHash,
      imagePng,
    });
    if (signed.ok) end(signed.value as SignatureStatus);
    return signed as Result<SignatureStatus>;
  });

  ipcMain.handle(IPC_SIGNING_CANCEL, (event) => {
    if (fromSigning(event)) end(null);
  });
}
