/**
 * Server-Sent Events from the host to every open page: `state` (one AppState as JSON) and
 * `open-url` (`{"url": …}`, the authorization page to open in a new tab).
 */
import type { ServerResponse } from 'node:http';

/** The event names the bridge listens for. */
export type BridgeEventName = 'state' | 'open-url';

/** The open SSE responses of one host. */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();

  /** Turns `res` into an event stream; headers are flushed at once so the page knows it is subscribed. */
  attach(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.#clients.add(res);
    res.once('close', () => this.#clients.delete(res));
  }

  /** How many pages are listening. */
  get size(): number {
    return this.#clients.size;
  }

  /** Sends one event to every listener; `data` is one line of JSON. */
  send(event: BridgeEventName, data: string): void {
    const frame = `event: ${event}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`;
    for (const client of this.#clients) client.write(frame);
  }

  /** Ends every stream. */
  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
