import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_SIGNING_CANCEL,
  IPC_SIGNING_DOCUMENT,
  IPC_SIGNING_SUBMIT,
  type SigningApi,
} from '../../shared/contract/signing.ts';

// The signing window's bridge: read the one document it was opened for, hand over the signature, or
// cancel. Nothing else: no channel of the desk or the kiosk (main would refuse them anyway).

const api: SigningApi = {
  document: () => ipcRenderer.invoke(IPC_SIGNING_DOCUMENT),
  submit: (imagePng) => ipcRenderer.invoke(IPC_SIGNING_SUBMIT, imagePng),
  cancel: () => ipcRenderer.invoke(IPC_SIGNING_CANCEL),
};

contextBridge.exposeInMainWorld('signing', api);
