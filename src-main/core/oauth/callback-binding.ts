import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { callbackPortUnavailableError, errnoCode } from './callback-port-error.ts';
import type { LoopbackRedirect } from './redirect-uri.ts';

/** The HTTP or HTTPS server the browser comes back to. */
export type CallbackHttpServer = HttpServer | HttpsServer;

/** With port 0 and two loopback addresses, the port the first got may be taken on the second. */
const EPHEMERAL_BIND_ATTEMPTS = 5;

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

/** One attempt: the first host on the redirect's port, then every other host on the port it got. */
async function bindOnce(
  redirect: LoopbackRedirect,
  createServer: () => CallbackHttpServer,
): Promise<{ servers: CallbackHttpServer[]; port: number; failure?: BindFailure }> {
  const [firstHost, ...otherHosts] = redirect.listenHosts;
  if (firstHost === undefined) throw new Error('no listen host');
  const servers: CallbackHttpServer[] = [];
  const first = createServer();
  let port: number;
  try {
    port = await listen(first, redirect.port, firstHost);
    servers.push(first);
  } catch (error) {
    return { servers, port: redirect.port, failure: { host: firstHost, port: redirect.port, error, secondary: false } };
  }
  for (const host of otherHosts) {
    const server = createServer();
    try {
      await listen(server, port, host);
      servers.push(server);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') continue; // no such loopback here
      return { servers, port, failure: { host, port, error, secondary: true } };
    }
  }
  return { servers, port };
}

/**
 * Listens on every address the redirect URI needs (127.0.0.1 and ::1 for `localhost`) on one port:
 * the fixed one, or for port 0 a free one that both addresses can have. An address this machine
 * does not have (no IPv6 loopback) is left out. Closes what it bound when any address fails and
 * throws `callback_port_unavailable` naming the port and address.
 */
export async function bindListenHosts(
  redirect: LoopbackRedirect,
  createServer: () => CallbackHttpServer,
): Promise<{ servers: CallbackHttpServer[]; port: number }> {
  const attempts = redirect.port === 0 && redirect.listenHosts.length > 1 ? EPHEMERAL_BIND_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const { servers, port, failure } = await bindOnce(redirect, createServer);
    if (failure === undefined) return { servers, port };
    await Promise.all(servers.map(closeServer));
    const code = errnoCode(failure.error);
    if (failure.secondary && code === 'EADDRINUSE' && attempt < attempts) continue;
    throw callbackPortUnavailableError(redirect, failure.host, failure.port, code, failure.error);
  }
}
