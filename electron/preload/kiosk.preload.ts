import { contextBridge, ipcRenderer } from 'electron';
import { IPC_KIOSK, kioskChannelNames, type KioskApi } from '../../shared/contract/index.ts';

// The lobby kiosk's bridge: kiosk channels only, and no `window.caseworker` at all.

const allowed = new Set<string>(kioskChannelNames);

// `printsTickets`: main prints the kiosk's tickets (ticket-printer.main.ts); the browser preview, which
// has no printer, shows the ticket's PDF instead.
const api: KioskApi & { printsTickets: true } = {
  printsTickets: true,
  invoke: (channel, input) =>
    allowed.has(channel)
      ? ipcRenderer.invoke(IPC_KIOSK, channel, input)
      : Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: `Unknown channel ${String(channel)}` },
        }),
};

contextBridge.exposeInMainWorld('kiosk', api);
