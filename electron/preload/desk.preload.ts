import { contextBridge, ipcRenderer } from 'electron';
import { deskChannelNames, IPC_DESK, type CaseworkerApi } from '../../shared/contract/index.ts';
import type { SignatureStatus } from '../../shared/documents/kinds.ts';
import { IPC_SIGNING_ENDED, IPC_SIGNING_OPEN, type DeskSigningApi } from '../../shared/contract/signing.ts';

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

// The second-screen signing window (electron/main/signing.main.ts): open it for a form, hear when it ends.
const signing: DeskSigningApi = {
  open: (kind, recordId) => ipcRenderer.invoke(IPC_SIGNING_OPEN, kind, recordId),
  onEnded: (listener) => {
    const handler = (_e: unknown, status: SignatureStatus | null) => listener(status);
    ipcRenderer.on(IPC_SIGNING_ENDED, handler);
    return () => ipcRenderer.off(IPC_SIGNING_ENDED, handler);
  },
};
contextBridge.exposeInMainWorld('caseworkerSigning', signing);
