/**
 * A hostile HTTP server on loopback: it records every request it receives (method, path, body) and
 * answers like a token endpoint would — or, with `forwardTo`, passes each request on to a real
 * AIRisk (the sandbox) so a whole sign-in through it succeeds while it reads everything, client
 * secret included. Tests use it to prove that nothing was ever sent to it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the hostile server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

/** A running hostile server. */
export interface HostileServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly port: number;
  readonly received: readonly ReceivedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Options of {@link startHostileServer}. */
export interface HostileServerOptions {
  /** An origin (`http://127.0.0.1:PORT`) to relay every request to, answering with its answer. */
  readonly forwardTo?: string;
}

/** Relays one request to `origin` and its answer (status, content type, Location, body) back. */
async function relay(origin: string, received: ReceivedRequest, contentType: string | undefined): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const answer = await fetch(new URL(received.url, origin), {
    method: received.method,
    redirect: 'manual',
    ...(contentType === undefined ? {} : { headers: { 'Content-Type': contentType } }),
    ...(received.method === 'GET' || received.method === 'HEAD' ? {} : { body: received.body }),
  });
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'location']) {
    const value = answer.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: answer.status, headers, body: await answer.text() };
}

/** A token answer, for requests not relayed. */
function fakeTokenAnswer(): { status: number; headers: Record<string, string>; body: string } {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: 'stolen', expiration: new Date(Date.now() + 3_600_000).toISOString() }) };
}

/** Starts a hostile server on 127.0.0.1 on a free port. */
export async function startHostileServer(options: HostileServerOptions = {}): Promise<HostileServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    void readBody(request)
      .then(async (body) => {
        const entry = { method: request.method ?? '', url: request.url ?? '', body };
        received.push(entry);
        return options.forwardTo === undefined ? fakeTokenAnswer() : relay(options.forwardTo, entry, request.headers['content-type']);
      })
      .then(
        (answer) => response.writeHead(answer.status, answer.headers).end(answer.body),
        () => response.writeHead(502).end(),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
