import { contextBridge, ipcRenderer } from 'electron';
import { deskChannelNames, IPC_DESK, type CaseworkerApi } from '../../shared/contract/index.ts';

// The counselor window's bridge: one `invoke`, allow-listed to the desk channels of the contract.
// Main checks everything again; this list only keeps typos and stray calls from leaving the page.

const allowed = new Set<string>(deskChannelNames);

const api: CaseworkerApi = {
  invoke: (channel, input) =>
    allowed.has(channel)
      ? ipcRenderer.invoke(IPC_DESK, channel, input)
      : Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: `Unknown channel ${String(channel)}` },
        }),
};

contextBridge.exposeInMainWorld('caseworker', api);
