/** Plain HTTP/1.1 over a Unix socket (or pipe) for terminal access tests: what curl --unix-socket does. */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

/** One request to the access server. */
export interface TerminalCall {
  readonly method?: string;
  readonly path: string;
  readonly key?: string;
  /** The X-AIRisk-Client value; default `{"pid":<this process>}`; null to leave it out. */
  readonly client?: string | null;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Its answer. */
export interface TerminalReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly json: unknown;
}

/** Sends `call` to `endpoint` and resolves with the whole answer. */
export function callTerminal(endpoint: string, call: TerminalCall): Promise<TerminalReply> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.key !== undefined) headers['X-AIRisk-Key'] = call.key;
  const client = call.client === undefined ? JSON.stringify({ pid: process.pid }) : call.client;
  if (client !== null) headers['X-AIRisk-Client'] = client;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const request = httpRequest({ socketPath: endpoint, path: call.path, method: call.method ?? 'GET', headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        let json: unknown = undefined;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
    });
    request.on('error', reject);
    request.end(call.body);
  });
}

/** `{ error: { code } }` of an error answer, or undefined. */
export function errorCode(reply: TerminalReply): string | undefined {
  const json = reply.json;
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const error = json.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
