import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { CALLBACK_PAGE_HEADERS, callbackPages, renderCallbackPage } from './callback-pages.ts';
import type { CallbackPage } from './callback-pages.ts';
import { readCallbackParameters } from './callback-parameters.ts';
import { formatRedirectUri, parseLoopbackRedirectUri } from './redirect-uri.ts';
import type { LoopbackRedirect } from './redirect-uri.ts';
import { SignInError } from './sign-in-error.ts';

/** How to wait for the browser to come back from AIRisk's authorization page. */
export interface CallbackServerOptions {
  /** Loopback http/https redirect URI, checked by `parseLoopbackRedirectUri`; port 0 = any free port. */
  readonly redirectUri: string;
  /** The one-time `state` sent in the authorization request. */
  readonly expectedState: string;
  /** How long to wait for the browser; default 5 minutes. */
  readonly timeoutMs?: number;
  /** Key and certificate (PEM); required when the redirect URI is https. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** How long the browser's request is held for `finish`; default 30 seconds. */
  readonly finishTimeoutMs?: number;
}

/** How the sign-in ended, told to the person in the browser. */
export type CallbackFinish =
  | { readonly ok: true; readonly title: string; readonly detail: string }
  | { readonly ok: false; readonly title: string; readonly detail: string };

/** The authorization code from the browser, and the way to answer the browser's request. */
export interface ReceivedCode {
  readonly code: string;
  /** Tell the person in the browser how the sign-in ended; the callback response is held until then (or finishTimeoutMs). */
  finish(outcome: CallbackFinish): void;
}

/** A running wait for the browser, from `startCallbackServer`. */
export interface PendingCallback {
  /** The redirect URI to put in the authorization request and the token request (real port filled in). */
  readonly redirectUri: string;
  /** Resolves with the first valid code; rejects with SignInError: access_denied, authorization_error, callback_timeout, cancelled. */
  readonly received: Promise<ReceivedCode>;
  /** Ends the wait (rejects `received` with 'cancelled' if still pending) and closes the server. Idempotent. */
  cancel(reason?: string): void;
  /** Resolves when every listening socket is closed. */
  readonly closed: Promise<void>;
}

type CallbackHttpServer = HttpServer | HttpsServer;

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_FINISH_TIMEOUT_MS = 30_000;
/** Longest a final page may take to flush before its connection is destroyed. */
const CLOSE_GRACE_MS = 250;
/** With port 0 and two loopback addresses, the port the first got may be taken on the second. */
const EPHEMERAL_BIND_ATTEMPTS = 5;
const MAX_TIMER_MS = 2 ** 31 - 1;

function describeDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) {
    const minutes = ms / 60_000;
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  if (ms >= 1000) {
    const seconds = Math.round(ms / 100) / 10;
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  return `${ms} ms`;
}

function hostForDisplay(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/**
 * The `callback_port_unavailable` error for a failed bind, naming the port, the host and the fix.
 * `errorCode` is the system error (EADDRINUSE, EACCES, EADDRNOTAVAIL, …).
 */
export function callbackPortUnavailableError(
  redirect: LoopbackRedirect,
  host: string,
  port: number,
  errorCode: string | undefined,
  cause?: unknown,
): SignInError {
  const where = port === 0 ? `a free port on ${hostForDisplay(host)}` : `port ${port} on ${hostForDisplay(host)}`;
  const suggestedPort = port >= 1024 && port < 65535 ? port + 1 : redirect.protocol === 'https' ? 8443 : 8765;
  const otherUri = formatRedirectUri({ ...redirect, portExplicit: true }, suggestedPort);
  const choose = `choose another port in the redirect URI (e.g. ${otherUri}) and register that redirect URI with AIRisk`;
  const details = cause === undefined ? {} : { cause };
  let message: string;
  switch (errorCode) {
    case 'EADDRINUSE':
      message =
        `Cannot receive the sign-in callback: ${where} is already in use by another program. ` +
        `Free the port (close the program using it), or ${choose}.`;
      break;
    case 'EACCES':
    case 'EPERM':
      message =
        port > 0 && port < 1024
          ? `Cannot receive the sign-in callback: ${where} is a privileged port (below 1024)` +
            `${process.platform === 'linux' ? ', which Linux does not let an ordinary program listen on' : ' this app may not listen on'}. ` +
            `Use a port of 1024 or above: ${choose}. Or finish the sign-in by pasting the URL the browser was redirected to.`
          : `Cannot receive the sign-in callback: this app is not allowed to listen on ${where}. ` +
            `Free the port, or ${choose}.`;
      break;
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      message =
        `Cannot receive the sign-in callback: the address ${hostForDisplay(host)} is not available on this computer. ` +
        `Use another loopback address in the redirect URI (e.g. http://127.0.0.1:${port === 0 ? 8765 : port}${redirect.path}) and register it with AIRisk.`;
      break;
    default:
      message =
        `Cannot receive the sign-in callback: listening on ${where} failed (${errorCode ?? 'unknown error'}). ` +
        `Free the port, or ${choose}.`;
  }
  return new SignInError('callback_port_unavailable', message, details);
}

/** A bind that failed, with where it was tried. */
interface BindFailure {
  readonly host: string;
  readonly port: number;
  readonly error: unknown;
  readonly secondary: boolean;
}

function listen(server: CallbackHttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function closeServer(server: CallbackHttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts listening on the loopback redirect URI for one sign-in. It listens only on loopback
 * (for `localhost` on both 127.0.0.1 and ::1), only until the sign-in succeeds, fails, times out
 * or is cancelled, and counts only a GET on the exact path with the right `state`.
 * Rejects with SignInError `invalid_configuration` or `callback_port_unavailable`.
 */
export async function startCallbackServer(options: CallbackServerOptions): Promise<PendingCallback> {
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
  const tls = options.tls;
  if (redirect.protocol === 'https' && tls === undefined) {
    throw new SignInError(
      'invalid_configuration',
      'The redirect URI uses https, so the callback server needs a certificate for localhost. ' +
        `Provide one, or use an http loopback redirect URI such as http://127.0.0.1:8765${redirect.path} registered with AIRisk.`,
    );
  }

  const servers: CallbackHttpServer[] = [];
  const sockets = new Set<Socket>();
  const inFlight = new Set<ServerResponse>();
  const received = Promise.withResolvers<ReceivedCode>();
  received.promise.catch(() => undefined); // a cancel nobody awaits must not crash the process
  const closed = Promise.withResolvers<undefined>();

  let phase: 'waiting' | 'received' | 'ended' = 'waiting';
  let codeDelivered = false;
  let shuttingDown = false;
  let ready = false;
  let heldResponse: ServerResponse | undefined;
  /** Every timer this sign-in owns; all are cleared by the time the servers are closed. */
  const timers: { wait?: NodeJS.Timeout; finish?: NodeJS.Timeout; grace?: NodeJS.Timeout } = {};

  /** Host headers that name this server (DNS-rebinding defence); filled in once the port is known. */
  let allowedHosts: ReadonlySet<string> = new Set();

  const destroyConnections = (): void => {
    clearTimeout(timers.grace);
    for (const server of servers) server.closeAllConnections();
    for (const socket of sockets) socket.destroy();
  };

  const shutdown = (): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    clearTimeout(timers.wait);
    clearTimeout(timers.finish);
    void Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(
      () => {
        clearTimeout(timers.grace);
        closed.resolve(undefined);
      },
    );
    for (const server of servers) server.closeIdleConnections();
    if (inFlight.size === 0) destroyConnections();
    else timers.grace = setTimeout(destroyConnections, CLOSE_GRACE_MS);
  };

  const send = (response: ServerResponse, page: CallbackPage, extraHeaders: Record<string, string> = {}): void => {
    if (response.headersSent || response.destroyed) return;
    const body = renderCallbackPage(page);
    const headers: Record<string, string | number> = {
      ...CALLBACK_PAGE_HEADERS,
      ...extraHeaders,
      'Content-Length': Buffer.byteLength(body),
    };
    if (shuttingDown || phase === 'ended') headers['Connection'] = 'close';
    response.writeHead(page.status, headers);
    response.end(body);
  };

  const fail = (error: SignInError): void => {
    if (phase !== 'waiting') return;
    phase = 'ended';
    received.reject(error);
  };

  /** Ends a sign-in whose code was delivered: answers the held browser request (if still there) and closes. */
  const answerHeld = (page: CallbackPage): void => {
    if (phase !== 'received') return;
    phase = 'ended';
    const response = heldResponse;
    heldResponse = undefined;
    if (response !== undefined) send(response, page);
    shutdown();
  };

  const deliver = (code: string, response: ServerResponse): void => {
    phase = 'received';
    codeDelivered = true;
    clearTimeout(timers.wait);
    heldResponse = response;
    timers.finish = setTimeout(() => answerHeld(callbackPages.finishUnknown()), finishTimeoutMs);
    received.resolve({
      code,
      finish: (outcome) => answerHeld(callbackPages.finished(outcome)),
    });
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    inFlight.add(response);
    response.on('close', () => {
      inFlight.delete(response);
      if (response === heldResponse && phase === 'received') {
        // The browser went away while we were finishing: nothing left to tell it.
        heldResponse = undefined;
      }
      if (shuttingDown && inFlight.size === 0) destroyConnections();
    });
    request.resume();
    if (!ready) {
      // Nobody has been sent here yet: the redirect URI is not even known outside.
      send(response, callbackPages.notReady());
      return;
    }

    const host = request.headers.host;
    if (host === undefined || !allowedHosts.has(host.toLowerCase())) {
      send(response, callbackPages.badHost());
      return;
    }
    const target = request.url ?? '';
    if (!target.startsWith('/')) {
      send(response, callbackPages.badRequest());
      return;
    }
    let url: URL;
    try {
      url = new URL(`http://loopback${target}`);
    } catch {
      send(response, callbackPages.badRequest());
      return;
    }
    if (url.pathname !== redirect.path) {
      send(response, callbackPages.notFound());
      return;
    }
    if (request.method !== 'GET') {
      send(response, callbackPages.methodNotAllowed(), { Allow: 'GET' });
      return;
    }
    const parameters = readCallbackParameters(url.searchParams, options.expectedState);
    if (parameters.kind === 'wrong_state') {
      send(response, callbackPages.wrongState());
      return;
    }
    if (phase !== 'waiting') {
      send(response, codeDelivered ? callbackPages.alreadyCompleted() : callbackPages.ended());
      return;
    }
    switch (parameters.kind) {
      case 'no_code':
        send(response, callbackPages.noCode());
        return;
      case 'error':
        fail(parameters.error);
        send(
          response,
          parameters.error.code === 'access_denied'
            ? callbackPages.declined(parameters.description)
            : callbackPages.authorizationError(parameters.oauthError, parameters.description),
        );
        shutdown();
        return;
      case 'code':
        deliver(parameters.code, response);
        return;
    }
  };

  const createServer = (): CallbackHttpServer => {
    const server = tls === undefined ? createHttpServer(handle) : createHttpsServer({ key: tls.key, cert: tls.cert }, handle);
    server.on('connection', (socket: Socket) => {
      if (shuttingDown) {
        socket.destroy();
        return;
      }
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return server;
  };

  const bindAll = async (): Promise<number> => {
    const [firstHost, ...otherHosts] = redirect.listenHosts;
    if (firstHost === undefined) throw new Error('no listen host');
    const attempts = redirect.port === 0 && otherHosts.length > 0 ? EPHEMERAL_BIND_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      const bound: CallbackHttpServer[] = [];
      let failure: BindFailure | undefined;
      const first = createServer();
      let boundPort = redirect.port;
      try {
        boundPort = await listen(first, redirect.port, firstHost);
        bound.push(first);
      } catch (error) {
        failure = { host: firstHost, port: redirect.port, error, secondary: false };
      }
      for (const host of otherHosts) {
        if (failure !== undefined) break;
        const server = createServer();
        try {
          await listen(server, boundPort, host);
          bound.push(server);
        } catch (error) {
          const code = errnoCode(error);
          if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') continue; // no such loopback here
          failure = { host, port: boundPort, error, secondary: true };
        }
      }
      if (failure === undefined) {
        servers.push(...bound);
        return boundPort;
      }
      await Promise.all(bound.map(closeServer));
      const code = errnoCode(failure.error);
      if (failure.secondary && code === 'EADDRINUSE' && attempt < attempts) continue;
      throw callbackPortUnavailableError(redirect, failure.host, failure.port, code, failure.error);
    }
  };

  const port = await bindAll();
  const defaultPort = redirect.protocol === 'https' ? 443 : 80;
  allowedHosts = new Set(
    ['127.0.0.1', '[::1]', 'localhost'].flatMap((name) => (port === defaultPort ? [`${name}:${port}`, name] : [`${name}:${port}`])),
  );
  for (const server of servers) {
    server.on('error', (error) => {
      const address = server.address();
      const host = typeof address === 'object' && address !== null ? address.address : redirect.hostname;
      fail(callbackPortUnavailableError(redirect, host, port, errnoCode(error), error));
      answerHeld(callbackPages.finishUnknown());
      shutdown();
    });
  }
  ready = true;
  timers.wait = setTimeout(() => {
    if (phase !== 'waiting') return;
    fail(
      new SignInError(
        'callback_timeout',
        `No answer came back from the browser within ${describeDuration(timeoutMs)}, so the sign-in was stopped. ` +
          'You can start again from AIRisk Token Tray.',
      ),
    );
    shutdown();
  }, timeoutMs);

  return {
    redirectUri: formatRedirectUri(redirect, port),
    received: received.promise,
    closed: closed.promise,
    cancel(reason?: string): void {
      if (shuttingDown) return;
      fail(new SignInError('cancelled', reason ?? 'The sign-in was cancelled before the browser came back.'));
      answerHeld(callbackPages.cancelledWhileFinishing());
      phase = 'ended';
      shutdown();
    },
  };
}
