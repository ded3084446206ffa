import type { AiriskApi, AiriskMethodName, ConnectionUpdate, ConsentAnswer, CopyFormat, SettingsUpdate } from '../../contract.ts';
import { AIRISK_METHOD_NAMES } from '../../contract-methods.ts';
import { hasOrigin } from '../window/app-origin.ts';
import { checkArguments } from './ipc-arguments.ts';
import { channelFor } from './ipc-channels.ts';
import { messageOf } from '../../shared/message-of.ts';

/**
 * Where handlers are registered: `ipcMain` in the Electron shell (same shape as `ipcMain.handle`),
 * a recording double in tests. `Sender` is whatever the registrar passes as the first argument
 * (Electron's `IpcMainInvokeEvent`).
 */
export interface IpcRegistrar<Sender> {
  handle(channel: string, handler: (sender: Sender, ...args: unknown[]) => Promise<unknown>): void;
}

/** The message every call from an untrusted sender is refused with. */
export const UNTRUSTED_SENDER_MESSAGE = 'Untrusted sender';

type Dispatch = { readonly [M in AiriskMethodName]: (service: AiriskApi, args: readonly unknown[]) => Promise<unknown> };

/** One call per method; the arguments were checked by `checkArguments` before any of these runs. */
const DISPATCH: Dispatch = {
  getState: (service) => service.getState(),
  signIn: (service, [request]) => service.signIn(request as { readonly connectionId?: string; readonly userid?: string }),
  cancelSignIn: (service) => service.cancelSignIn(),
  openSignInPage: (service) => service.openSignInPage(),
  submitRedirectedUrl: (service, [url]) => service.submitRedirectedUrl(url as string),
  renew: (service, [accountId]) => service.renew(accountId as string),
  renewAll: (service, [connectionId]) => service.renewAll(connectionId as string),
  cancelRenewAll: (service) => service.cancelRenewAll(),
  remove: (service, [accountId]) => service.remove(accountId as string),
  setActive: (service, [accountId]) => service.setActive(accountId as string),
  rename: (service, [accountId, label]) => service.rename(accountId as string, label as string),
  copy: (service, [accountId, format]) => service.copy(accountId as string | null, format as CopyFormat | null),
  tokenDetails: (service, [accountId]) => service.tokenDetails(accountId as string),
  dismissError: (service) => service.dismissError(),
  getSettings: (service) => service.getSettings(),
  updateSettings: (service, [update]) => service.updateSettings(update as SettingsUpdate),
  saveConnection: (service, [id, update]) => service.saveConnection(id as string | null, update as ConnectionUpdate),
  duplicateConnection: (service, [id]) => service.duplicateConnection(id as string),
  removeConnection: (service, [id]) => service.removeConnection(id as string),
  checkConnection: (service, [id, update]) => service.checkConnection(id as string | null, update as ConnectionUpdate),
  exportConnection: (service, [id]) => service.exportConnection(id as string),
  importConnection: (service, [fileText]) => service.importConnection(fileText as string),
  answerConsent: (service, [requestId, answer]) => service.answerConsent(requestId as string, answer as ConsentAnswer),
  revokeTerminalSession: (service, [sessionId]) => service.revokeTerminalSession(sessionId as string | null),
  installCommandLineTool: (service) => service.installCommandLineTool(),
  checkForUpdates: (service) => service.checkForUpdates(),
};

/**
 * Registers exactly one handler per contract method, on channel `airisk:<method>`. Each handler
 * refuses an untrusted sender (`Error('Untrusted sender')`), checks the argument count and types,
 * calls the service, and turns anything thrown into a plain `Error(message)`: no stack, no cause,
 * no custom fields cross to the renderer.
 */
export function bindContractHandlers<Sender>(registrar: IpcRegistrar<Sender>, service: AiriskApi, isTrustedSender: (sender: Sender) => boolean): void {
  for (const method of AIRISK_METHOD_NAMES) {
    registrar.handle(channelFor(method), async (sender, ...args) => {
      let trusted = false;
      try {
        trusted = isTrustedSender(sender);
      } catch {
        trusted = false;
      }
      if (!trusted) throw plainError(UNTRUSTED_SENDER_MESSAGE);
      try {
        checkArguments(method, args);
        return await DISPATCH[method](service, args);
      } catch (error) {
        throw plainError(messageOf(error));
      }
    });
  }
}

/** An Error with only a message: the stack is emptied so not even main's file paths cross over. */
function plainError(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/**
 * True when an IPC message came from a frame showing our own app origin (`app://airisk/…`). The
 * Electron shell also requires that frame to be the main frame of our window.
 */
export function isTrustedSenderFrame(frameUrl: string, appOrigin: string): boolean {
  return hasOrigin(frameUrl, appOrigin);
}

/** The parts of Electron's `IpcMainInvokeEvent` the sender check reads. */
export interface IpcSenderEvent {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * True for an IPC call from `windowContents` (our open window's web contents; undefined when no
 * window is open), from its main frame, showing our app origin. Everything else is untrusted.
 */
export function isTrustedIpcEvent(event: IpcSenderEvent, windowContents: unknown, appOrigin: string): boolean {
  const frame = event.senderFrame;
  return windowContents !== undefined && event.sender === windowContents && frame !== null && frame.parent === null && isTrustedSenderFrame(frame.url, appOrigin);
}
