/**
 * The HTTP server of terminal access on a Unix socket (mode 0600, in a 0700 folder) or a Windows
 * named pipe. A socket file left by a crashed run is replaced only when nothing answers on it; a
 * live one (another running instance) is never taken: `terminal_access_in_use`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { chmod, lstat, unlink } from 'node:fs/promises';
import { clientErrorAnswer, errorBody } from './access-error.ts';
import { MAX_BODY_BYTES } from './request-body.ts';
import { errnoCode } from '../oauth/callback-port-error.ts';
import { TerminalSetupError } from './terminal-setup-error.ts';

/** A listening access server. */
export interface ListeningAccessServer {
  readonly endpoint: string;
  /** Stops listening, drops open connections and removes the socket file (if it is still ours). */
  close(): Promise<void>;
}

/** At most this many connections at once; a terminal needs one or two. */
const MAX_CONNECTIONS = 64;

function inUse(endpoint: string): TerminalSetupError {
  return new TerminalSetupError('terminal_access_in_use', `Another running AIRisk Token Tray serves terminal access at ${endpoint}; quit it first, or leave terminal access to it.`);
}

/** What answers on the socket file: a live server, nothing (a stale file), or no file at all. */
function probe(endpoint: string): Promise<'live' | 'stale' | 'gone' | 'unknown'> {
  return new Promise((resolve) => {
    const socket = connect(endpoint);
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve('live');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('live');
    });
    socket.once('error', (error) => {
      const code = errnoCode(error);
      resolve(code === 'ECONNREFUSED' ? 'stale' : code === 'ENOENT' ? 'gone' : 'unknown');
    });
  });
}

function listen(server: Server, endpoint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(endpoint, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

/** Listens on `endpoint`, replacing a stale socket file but never a live one. */
async function listenExclusive(server: Server, endpoint: string, platform: NodeJS.Platform): Promise<void> {
  try {
    return await listen(server, endpoint);
  } catch (error) {
    if (errnoCode(error) !== 'EADDRINUSE') throw new TerminalSetupError('endpoint_unavailable', `Cannot listen at ${endpoint} (${errnoCode(error) ?? 'error'}); check that folder, then turn terminal access on again.`, { cause: error });
    if (platform === 'win32') throw inUse(endpoint);
  }
  const stats = await lstat(endpoint).catch(() => undefined);
  if (stats !== undefined && !stats.isSocket()) {
    throw new TerminalSetupError('endpoint_unavailable', `${endpoint} exists and is not a socket; move it away, then turn terminal access on again.`);
  }
  const state = await probe(endpoint);
  if (state === 'live' || state === 'unknown') throw inUse(endpoint);
  if (state === 'stale') await unlink(endpoint).catch(() => undefined);
  try {
    await listen(server, endpoint);
  } catch (error) {
    if (errnoCode(error) === 'EADDRINUSE') throw inUse(endpoint);
    throw error;
  }
}

/** Starts the server on `endpoint` with `handler` for every request. */
export async function listenAccessServer(
  endpoint: string,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  platform: NodeJS.Platform = process.platform,
): Promise<ListeningAccessServer> {
  const server = createServer({ maxHeaderSize: MAX_BODY_BYTES, requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5000 }, handler);
  server.maxConnections = MAX_CONNECTIONS;
  server.on('clientError', (error, socket) => {
    const answer = clientErrorAnswer(errnoCode(error));
    const body = errorBody(answer.code, answer.message);
    if (socket.writable) {
      socket.end(`HTTP/1.1 ${answer.status} ${answer.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    } else {
      socket.destroy();
    }
  });
  await listenExclusive(server, endpoint, platform);
  const unix = platform !== 'win32';
  if (unix) await chmod(endpoint, 0o600);
  const inode = unix ? (await lstat(endpoint)).ino : undefined;
  return {
    endpoint,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (!unix) return;
      const now = await lstat(endpoint).catch(() => undefined);
      if (now !== undefined && now.ino === inode) await unlink(endpoint).catch(() => undefined);
    },
  };
}
