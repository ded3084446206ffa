/**
 * The window's preload, bundled to one CommonJS file (dist/main/preload.cjs) because a sandboxed
 * preload cannot load modules. It puts exactly the contract on `window.airisk`: each method
 * invokes `airisk:<method>` in main, and `onStateChange` subscribes to `airisk:state`, passing only
 * the state (never Electron's event object). Nothing else is exposed — no `ipcRenderer`, no channels.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AiriskMethodName, AppState } from './contract.ts';
import { AIRISK_METHOD_NAMES } from './contract-methods.ts';
import { channelFor, STATE_CHANNEL } from './core/ipc/ipc-channels.ts';
import { remoteErrorMessage } from './shared/remote-error-message.ts';

function invoker(method: AiriskMethodName): (...args: unknown[]) => Promise<unknown> {
  const channel = channelFor(method);
  return async (...args) => {
    try {
      return (await ipcRenderer.invoke(channel, ...args)) as unknown;
    } catch (error) {
      throw new Error(remoteErrorMessage(error));
    }
  };
}

function onStateChange(listener: (state: AppState) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onStateChange needs a function.');
  const forward = (_event: IpcRendererEvent, state: AppState): void => listener(state);
  ipcRenderer.on(STATE_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(STATE_CHANNEL, forward);
  };
}

contextBridge.exposeInMainWorld('airisk', {
  ...Object.fromEntries(AIRISK_METHOD_NAMES.map((method) => [method, invoker(method)])),
  onStateChange,
});
