import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CallbackHttpServer } from './callback-binding.ts';

/** Longest a final page may take to flush before its connection is destroyed. */
const CLOSE_GRACE_MS = 250;

/**
 * The callback server's listening sockets and their connections, and how they close: no new
 * connection once closing, idle ones at once, a page still being sent gets a short grace.
 */
export class CallbackConnections {
  readonly #servers: CallbackHttpServer[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #inFlight = new Set<ServerResponse>();
  readonly #closed = Promise.withResolvers<undefined>();
  #closing = false;
  #grace: NodeJS.Timeout | undefined;

  /** True once `close` was called. */
  get closing(): boolean {
    return this.#closing;
  }

  /** Resolves when every listening socket is closed. */
  get closed(): Promise<void> {
    return this.#closed.promise;
  }

  /** Tracks the connections of a server just created; refuses them once closing. */
  watch(server: CallbackHttpServer): CallbackHttpServer {
    server.on('connection', (socket: Socket) => {
      if (this.#closing) {
        socket.destroy();
        return;
      }
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    return server;
  }

  /** The servers that listen, to close with the others. */
  adopt(servers: readonly CallbackHttpServer[]): void {
    this.#servers.push(...servers);
  }

  /** Tracks a response until it is sent, so closing waits (briefly) for its page. */
  track(response: ServerResponse): void {
    this.#inFlight.add(response);
    response.on('close', () => {
      this.#inFlight.delete(response);
      if (this.#closing && this.#inFlight.size === 0) this.#destroy();
    });
  }

  /** Stops listening and ends every connection (after the grace when a page is still being sent). Idempotent. */
  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    void Promise.all(this.#servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => {
      clearTimeout(this.#grace);
      this.#closed.resolve(undefined);
    });
    for (const server of this.#servers) server.closeIdleConnections();
    if (this.#inFlight.size === 0) this.#destroy();
    else this.#grace = setTimeout(() => this.#destroy(), CLOSE_GRACE_MS);
  }

  #destroy(): void {
    clearTimeout(this.#grace);
    for (const server of this.#servers) server.closeAllConnections();
    for (const socket of this.#sockets) socket.destroy();
  }
}
