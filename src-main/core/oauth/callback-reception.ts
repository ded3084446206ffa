import { callbackPortAnsweredError, CallbackPortUnavailableError } from './callback-port-error.ts';
import { startCallbackServer } from './callback-server.ts';
import type { CallbackServerOptions, PendingCallback } from './callback-server.ts';
import { findLoopbackListener } from './loopback-probe.ts';
import { parseLoopbackRedirectUri } from './redirect-uri.ts';

/** How a sign-in will receive the browser's redirect: on the callback server, or only by a pasted URL. */
export type CallbackReception =
  | { readonly kind: 'listening'; readonly callback: PendingCallback }
  | { readonly kind: 'paste_only'; /** Why, and what the person does instead. */ readonly note: string };

/**
 * Starts the callback server for a sign-in, before the browser is opened. A port held by another
 * program ends the sign-in (`callback_port_unavailable`): the browser would hand it the code.
 * Only a fixed port this app may not listen on for lack of privilege (EACCES/EPERM, e.g. 443 on
 * Linux) falls back to pasting the redirected URL — and only when nothing answers on that port,
 * since a program that does (root's, or one allowed to bind it) would receive the code just the same.
 */
export async function startCallbackReception(options: CallbackServerOptions): Promise<CallbackReception> {
  try {
    return { kind: 'listening', callback: await startCallbackServer(options) };
  } catch (error) {
    if (!(error instanceof CallbackPortUnavailableError) || error.problem !== 'not_permitted' || error.port === 0) throw error;
    const redirect = parseLoopbackRedirectUri(options.redirectUri);
    const answering = await findLoopbackListener(redirect.listenHosts, error.port);
    if (answering !== undefined) throw callbackPortAnsweredError(redirect, error, answering);
    return { kind: 'paste_only', note: error.message };
  }
}
