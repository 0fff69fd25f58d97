import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_DESK, IPC_KIOSK, type Surface } from '../../shared/contract/index.ts';
import { fail } from '../../shared/contract/result.ts';
import type { Dispatch, SessionHolder } from './dispatcher.ts';
import { isKioskVisitEnd, isPrintChannel, isTicketPrint } from './security.ts';
import { printTicketSilently } from './ticket-printer.main.ts';

// Binds the two IPC entry points to the dispatcher. The surface is decided by which window sent the
// message, never by the message: a kiosk window invoking the desk entry point is refused even if its
// page was tampered with.

export interface WindowRegistry {
  surfaceOf(contents: WebContents): Surface | undefined;
  sessionOf(contents: WebContents): SessionHolder;
  /** Forgets what a kiosk page stored once its visitor has left. */
  wipeKiosk(contents: WebContents): void;
}

export function bindIpc(
  dispatch: Dispatch,
  windows: WindowRegistry,
  printer?: (pdfBase64: string, title: string) => Promise<void>,
): void {
  const entry =
    (expected: Surface) => async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
      const surface = windows.surfaceOf(event.sender);
      if (surface !== expected) {
        return fail({ code: 'forbidden', message: `This window may not use the ${expected} bridge.` });
      }
      const result = await dispatch({ surface, session: windows.sessionOf(event.sender) }, channel, input);
      if (surface === 'kiosk' && result.ok && isKioskVisitEnd(channel)) windows.wipeKiosk(event.sender);
      // A printed form (made and audited by the services) goes to the OS print dialog; the screen is
      // told so (`osPrint`) instead of downloading it as the browser preview does.
      if (surface === 'desk' && result.ok && isPrintChannel(channel) && printer) {
        const doc = result.value as { pdfBase64: string; fileName: string };
        void printer(doc.pdfBase64, doc.fileName);
        return { ok: true, value: { ...doc, osPrint: true } };
      }
      // The kiosk's ticket goes to its printer; the page only learns that it was asked for.
      if (surface === 'kiosk' && result.ok && isTicketPrint(channel)) {
        const printed = result.value as { pdf: string; printer: string | null };
        printTicketSilently(printed.pdf, printed.printer);
      }
      return result;
    };
  ipcMain.handle(IPC_DESK, entry('desk'));
  ipcMain.handle(IPC_KIOSK, entry('kiosk'));
}
