import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { bindListenHosts } from './callback-binding.ts';
import type { CallbackHttpServer } from './callback-binding.ts';
import { CallbackConnections } from './callback-connections.ts';
import type { CallbackExpectation } from './callback-parameters.ts';
import { callbackPortUnavailableError, errnoCode } from './callback-port-error.ts';
import { allowedHostHeaders, routeCallbackRequest } from './callback-request.ts';
import type { CallbackRouting } from './callback-request.ts';
import { CallbackWait } from './callback-wait.ts';
import type { ReceivedCode } from './callback-wait.ts';
import { formatRedirectUri, parseLoopbackRedirectUri } from './redirect-uri.ts';
import type { LoopbackRedirect } from './redirect-uri.ts';
import { SignInError } from './sign-in-error.ts';

export type { CallbackFinish, ReceivedCode } from './callback-wait.ts';

/** How to wait for the browser to come back from AIRisk's authorization page. */
export interface CallbackServerOptions {
  /** Loopback http/https redirect URI, checked by `parseLoopbackRedirectUri`; port 0 = any free port. */
  readonly redirectUri: string;
  /** The one-time `state` sent in the authorization request. */
  readonly expectedState: string;
  /** The issuer a callback's `iss` must name when it carries one (RFC 9207); see `expectedIssuer`. */
  readonly expectedIssuer: string;
  /** Who the sign-in is for, named in a refusal ("user_42 on Staging"). */
  readonly subject?: string;
  /** How long to wait for the browser; default 5 minutes. */
  readonly timeoutMs?: number;
  /** Key and certificate (PEM); required when the redirect URI is https. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** How long the browser's request is held for `finish`; default 30 seconds. */
  readonly finishTimeoutMs?: number;
}

/** A running wait for the browser, from `startCallbackServer`. */
export interface PendingCallback {
  /** The redirect URI to put in the authorization request and the token request (real port filled in). */
  readonly redirectUri: string;
  /** Resolves with the first valid code; rejects with SignInError: access_denied, authorization_error, issuer_mismatch, callback_timeout, cancelled. */
  readonly received: Promise<ReceivedCode>;
  /** Ends the wait (rejects `received` with 'cancelled' if still pending) and closes the server. Idempotent. */
  cancel(reason?: string): void;
  /** Resolves when every listening socket is closed. */
  readonly closed: Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_FINISH_TIMEOUT_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The options, checked, with defaults filled in. */
interface CheckedOptions {
  readonly redirect: LoopbackRedirect;
  readonly expected: CallbackExpectation;
  readonly timeoutMs: number;
  readonly finishTimeoutMs: number;
  readonly tls: { readonly key: string; readonly cert: string } | undefined;
}

/** Checks the options before anything listens; throws SignInError `invalid_configuration` naming the fix. */
function checkOptions(options: CallbackServerOptions): CheckedOptions {
  const redirect = parseLoopbackRedirectUri(options.redirectUri);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const finishTimeoutMs = options.finishTimeoutMs ?? DEFAULT_FINISH_TIMEOUT_MS;
  for (const [name, value] of [
    ['timeoutMs', timeoutMs],
    ['finishTimeoutMs', finishTimeoutMs],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
      throw new SignInError('invalid_configuration', `The callback ${name} must be a positive number of milliseconds.`);
    }
  }
  if (options.expectedState === '') {
    throw new SignInError('invalid_configuration', 'The sign-in has no state value; start the sign-in again.');
  }
  if (redirect.protocol === 'https' && options.tls === undefined) {
    throw new SignInError(
      'invalid_configuration',
      'The redirect URI uses https, so the callback server needs a certificate for localhost. ' +
        `Provide one, or use an http loopback redirect URI such as http://127.0.0.1:8765${redirect.path} registered with AIRisk.`,
    );
  }
  return { redirect, expected: { state: options.expectedState, issuer: options.expectedIssuer, ...(options.subject === undefined ? {} : { subject: options.subject }) }, timeoutMs, finishTimeoutMs, tls: options.tls };
}

/** After the start, a failing listening socket ends the wait with `callback_port_unavailable`. */
function failOnServerError(server: CallbackHttpServer, redirect: LoopbackRedirect, port: number, wait: CallbackWait): void {
  server.on('error', (error) => {
    const address = server.address();
    const host = typeof address === 'object' && address !== null ? address.address : redirect.hostname;
    wait.serverFailed(callbackPortUnavailableError(redirect, host, port, errnoCode(error), error));
  });
}

/**
 * Starts listening on the loopback redirect URI for one sign-in. It listens only on loopback
 * (for `localhost` on both 127.0.0.1 and ::1), only until the sign-in succeeds, fails, times out
 * or is cancelled, and counts only a GET on the exact path with the right `state` (and `iss`, if any).
 * Rejects with SignInError `invalid_configuration` or `callback_port_unavailable`.
 */
export async function startCallbackServer(options: CallbackServerOptions): Promise<PendingCallback> {
  const { redirect, expected, timeoutMs, finishTimeoutMs, tls } = checkOptions(options);
  const connections = new CallbackConnections();
  const wait = new CallbackWait(connections, finishTimeoutMs);
  /** Undefined until the server listens: nobody can have been sent here before. */
  let routing: CallbackRouting | undefined = undefined;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    connections.track(response);
    wait.watch(response);
    request.resume();
    const route = routeCallbackRequest(request, routing);
    if (route.kind === 'page') wait.send(response, route.page, route.headers);
    else wait.answer(response, route.parameters);
  };
  const createServer = (): CallbackHttpServer =>
    connections.watch(tls === undefined ? createHttpServer(handle) : createHttpsServer({ key: tls.key, cert: tls.cert }, handle));

  const { servers, port } = await bindListenHosts(redirect, createServer);
  connections.adopt(servers);
  for (const server of servers) failOnServerError(server, redirect, port, wait);
  routing = { allowedHosts: allowedHostHeaders(redirect.protocol, port), path: redirect.path, expected };
  wait.startTimer(timeoutMs);

  return {
    redirectUri: formatRedirectUri(redirect, port),
    received: wait.received,
    closed: connections.closed,
    cancel: (reason?: string) => wait.cancel(reason),
  };
}
