import { contextBridge, ipcRenderer } from 'electron';
import { IPC_KIOSK, kioskChannelNames, type KioskApi } from '../../shared/contract/index.ts';

// The lobby kiosk's bridge: kiosk channels only, and no `window.caseworker` at all.

const allowed = new Set<string>(kioskChannelNames);

const api: KioskApi = {
  invoke: (channel, input) =>
    allowed.has(channel)
      ? ipcRenderer.invoke(IPC_KIOSK, channel, input)
      : Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: `Unknown channel ${String(channel)}` },
        }),
};

contextBridge.exposeInMainWorld('kiosk', api);
