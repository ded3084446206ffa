/**
 * A stand-in for the app's terminal access server (TerminalAccess), for the CLI's tests of answers
 * the real server never gives on purpose: a token that would break a header, escape sequences in
 * a message, an answer that is not JSON, a slow answer, a brief that carries a token. It writes
 * the files of the terminal contract under a temporary data folder (`terminal/` 0700,
 * `access-key` 0600) and answers real HTTP over a real Unix socket at `terminal/access.sock`,
 * with whatever each test's `answer` decides. It records every request. The end-to-end tests
 * against the real server are test/integration/cli-terminal-e2e.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request as the stand-in saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** What the stand-in answers: a status and a JSON body (or raw text), after an optional delay. */
export interface StandInAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly raw?: string;
  readonly delayMs?: number;
}

export interface StandInServer {
  readonly dataDir: string;
  readonly endpoint: string;
  readonly key: string;
  readonly requests: SeenRequest[];
  /** Replaces how requests are answered. */
  answerWith(answer: (request: SeenRequest) => StandInAnswer): void;
  close(): Promise<void>;
}

/** An account brief as the contract describes it. */
export function brief(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { userid: 'user_42', name: 'user_42', connection: 'Staging', status: 'valid', expiration: '2030-01-01T00:00:00Z', secondsLeft: 2520, active: true, ...overrides };
}

/** A TokenAnswer as the contract describes it. */
export function tokenAnswer(token: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { access_token: token, token_type: 'Bearer', authorization: `Bearer ${token}`, expiration: '2030-01-01T00:00:00Z', userid: 'user_42', connection: 'Staging', ...overrides };
}

/** The error body of the contract. */
export function errorBody(code: string, message: string): Record<string, unknown> {
  return { error: { code, message } };
}

/** Starts the stand-in in a fresh temporary data folder (removed by close). */
export async function startStandInServer(answer: (request: SeenRequest) => StandInAnswer): Promise<StandInServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'airisk-cli-app-'));
  const terminal = join(dataDir, 'terminal');
  await mkdir(terminal, { mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  await writeFile(join(terminal, 'access-key'), `${key}\n`, { mode: 0o600 });
  const endpoint = join(terminal, 'access.sock');
  const requests: SeenRequest[] = [];
  let current = answer;
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const seen: SeenRequest = { method: incoming.method ?? '', path: incoming.url ?? '', headers: incoming.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
      requests.push(seen);
      const reply = current(seen);
      setTimeout(() => {
        outgoing.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
        outgoing.end(reply.raw ?? JSON.stringify(reply.body));
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(endpoint, resolve));
  return {
    dataDir,
    endpoint,
    key,
    requests,
    answerWith: (next) => {
      current = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
