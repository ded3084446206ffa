import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { AiriskApi } from '../contract.ts';
import { bindContractHandlers } from '../core/ipc/ipc-binding.ts';
import { STATE_CHANNEL } from '../core/ipc/ipc-channels.ts';
import type { WindowController } from './window.ts';

/**
 * Binds every contract method to `ipcMain.handle` (core's `bindContractHandlers`, trusting only our
 * window's main frame on our app origin) and pushes each state change on `airisk:state`.
 * Returns the function that stops the state pushes.
 */
export function bindIpc(service: AiriskApi, window: WindowController): () => void {
  bindContractHandlers<IpcMainInvokeEvent>({ handle: (channel, handler) => ipcMain.handle(channel, handler) }, service, (event) => window.isTrustedSender(event));
  return service.onStateChange((state) => window.send(STATE_CHANNEL, state));
}
