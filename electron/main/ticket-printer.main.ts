import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { log } from '../services/log.ts';
import { TICKET_HEIGHT_PT, TICKET_WIDTH_PT } from '../services/ticket-pdf.ts';

// The kiosk's ticket on paper (issue 18 item 5), kept thin: the PDF the services made
// (ticket-pdf.ts) goes to a temporary file, a hidden window with Chromium's PDF viewer opens it in
// its own in-memory session (the app's sessions refuse anything but the app's files, and the viewer
// is a built-in extension), prints it silently on the printer chosen in Settings › 이 PC (or the
// default printer), then the window and the file go. Not run by the tests: Electron's binary is not
// available where they run; the PDF itself is tested (tests/integration/electron/services/ticket-print).

const MICRONS_PER_PT = 25_400 / 72;

export function printTicketSilently(pdfBase64: string, printer: string | null): void {
  void (async () => {
    const file = join(tmpdir(), `caseworker-ticket-${randomUUID()}.pdf`);
    await writeFile(file, Buffer.from(pdfBase64, 'base64'));
    const win = new BrowserWindow({
      show: false,
      webPreferences: { partition: 'ticket-print', plugins: true, sandbox: true, contextIsolation: true },
    });
    const done = () => {
      if (!win.isDestroyed()) win.destroy();
      void rm(file, { force: true });
    };
    try {
      await win.loadFile(file);
      win.webContents.print(
        {
          silent: true,
          printBackground: true,
          margins: { marginType: 'none' },
          pageSize: {
            width: Math.round(TICKET_WIDTH_PT * MICRONS_PER_PT),
            height: Math.round(TICKET_HEIGHT_PT * MICRONS_PER_PT),
          },
          ...(printer ? { deviceName: printer } : {}),
        },
        (ok, reason) => {
          if (!ok) log.error({ reason }, 'ticket not printed');
          done();
        },
      );
    } catch (error) {
      log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'ticket not printed');
      done();
    }
  })();
}
