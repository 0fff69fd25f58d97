import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';

// Printing a form in the app (issue 18 item 1): the PDF the services made (and audited) is opened in a
// hidden window with Chromium's PDF viewer and handed to the operating system's print dialog
// (webContents.print). Kept thin: the PDF itself is tested without Electron. If the platform's viewer
// cannot print, the PDF opens in the system's own viewer instead, which prints it. The temporary file
// is removed once the dialog closes.

export async function printPdf(pdfBase64: string, title: string): Promise<void> {
  const file = join(tmpdir(), `caseworker-print-${randomUUID()}.pdf`);
  await writeFile(file, Buffer.from(pdfBase64, 'base64'), { mode: 0o600 });
  const win = new BrowserWindow({
    show: false,
    title,
    webPreferences: {
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    },
  });
  try {
    await win.loadFile(file);
    await new Promise<void>((resolve) => {
      win.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
        if (!success && reason !== 'cancelled') void shell.openPath(file);
        resolve();
      });
    });
  } finally {
    win.destroy();
    // Left for the system viewer when it had to take over; removed otherwise.
    setTimeout(() => void rm(file, { force: true }), 60_000);
  }
}
