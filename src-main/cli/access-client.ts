/**
 * The CLI's side of the terminal access wire (HTTP/1.1 + JSON over the app's Unix socket or named
 * pipe, see the terminal contract): every request carries the access key and the CLI's own pid;
 * every failure becomes an AccessFailure holding one sentence for stderr and the exit status.
 */
import { request } from 'node:http';
import { describeDuration } from '../core/oauth/duration-text.ts';
import { serverText } from '../core/oauth/server-text.ts';
import { isJsonObject } from '../shared/json-object.ts';
import { ACCESS_KEY_HEADER, CLIENT_HEADER, readAccessCoordinates } from '../core/terminal/terminal-paths.ts';
import { EXIT_FAILED, EXIT_NOT_RUNNING } from './exit-codes.ts';

/** The sentence for exit status 3. */
export const NOT_RUNNING_MESSAGE = 'AIRisk Token Tray is not running, or terminal access is off: start the app and turn on Settings → Allow terminal access.';

/** A request that did not get its answer: `message` is one sentence naming the fix. */
export class AccessFailure extends Error {
  override readonly name = 'AccessFailure';
  readonly exitCode: typeof EXIT_FAILED | typeof EXIT_NOT_RUNNING;
  /** The server's error code (`denied`, `expired`, …), or a local one (`not_running`, `unreadable_answer`, …). */
  readonly code: string;
  constructor(exitCode: typeof EXIT_FAILED | typeof EXIT_NOT_RUNNING, code: string, message: string) {
    super(message);
    this.exitCode = exitCode;
    this.code = code;
  }
}

/** One request to the app. */
export interface AccessRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: object;
  /** Give up after this long (none: wait until the app answers or the signal aborts). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The most of an answer the CLI reads; an answer is a few hundred bytes. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** Connection errors that mean nothing listens there (the app is not running, or access is off). */
const NOT_LISTENING = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK', 'ENOTDIR']);

/** Where the app listens and its key, as {@link sendAccessRequest} needs them. */
export interface AppAddress {
  readonly endpoint: string;
  readonly key: string;
}

/**
 * The running app's endpoint and key under `dataDir`, or the AccessFailure that says why there are
 * none: no key file → exit 3 with {@link NOT_RUNNING_MESSAGE}; a damaged one → exit 3 with "restart
 * the app"; an unreadable one (another user's, EACCES) → exit 1.
 */
export async function findApp(dataDir: string): Promise<AppAddress> {
  let coordinates;
  try {
    coordinates = await readAccessCoordinates(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AccessFailure(EXIT_FAILED, 'unreadable_key', `The terminal access key under ${dataDir} cannot be read (${code}); run airisk-token as the user who runs AIRisk Token Tray.`);
  }
  if (coordinates.ok) return { endpoint: coordinates.endpoint, key: coordinates.key };
  if (coordinates.problem === 'not_set_up') throw new AccessFailure(EXIT_NOT_RUNNING, 'not_running', NOT_RUNNING_MESSAGE);
  throw new AccessFailure(EXIT_NOT_RUNNING, coordinates.problem, coordinates.message);
}

/** Finds the app under `dataDir` and sends `access`; resolves with the JSON answer. */
export async function askApp(dataDir: string, access: AccessRequest): Promise<Record<string, unknown>> {
  return sendAccessRequest(await findApp(dataDir), access);
}

/** Sends one request over the socket or pipe at `coordinates.endpoint`. */
export function sendAccessRequest(coordinates: AppAddress, access: AccessRequest): Promise<Record<string, unknown>> {
  const payload = access.body === undefined ? undefined : JSON.stringify(access.body);
  return new Promise((resolve, reject) => {
    const outgoing = request({
      socketPath: coordinates.endpoint,
      path: access.path,
      method: access.method,
      agent: false,
      headers: {
        Host: 'localhost',
        [ACCESS_KEY_HEADER]: coordinates.key,
        // The parent pid is the terminal session on Windows, where nothing else names it.
        [CLIENT_HEADER]: JSON.stringify({ pid: process.pid, ppid: process.ppid }),
        Accept: 'application/json',
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) }),
      },
      ...(access.signal === undefined ? {} : { signal: access.signal }),
      ...(access.timeoutMs === undefined ? {} : { timeout: access.timeoutMs }),
    });
    outgoing.once('timeout', () => {
      outgoing.destroy(new AccessFailure(EXIT_FAILED, 'timeout', `AIRisk Token Tray did not answer within ${describeDuration(access.timeoutMs ?? 0)}; look at the app's window, then try again.`));
    });
    outgoing.once('error', (error) => reject(connectionFailure(error)));
    outgoing.once('response', (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) incoming.destroy(new AccessFailure(EXIT_FAILED, 'unreadable_answer', 'AIRisk Token Tray sent an answer far larger than any it should; restart the app and try again.'));
        else chunks.push(chunk);
      });
      incoming.once('error', (error) => reject(connectionFailure(error)));
      incoming.once('end', () => {
        try {
          resolve(readAnswer(incoming.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    outgoing.end(payload);
  });
}

/** A 200 answer's JSON object, or the AccessFailure its error names. */
export function readAnswer(status: number, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (status === 200 && isJsonObject(parsed)) return parsed;
  const error = isJsonObject(parsed) && isJsonObject(parsed.error) ? parsed.error : undefined;
  if (error !== undefined && typeof error.message === 'string' && error.message.trim() !== '') {
    const code = typeof error.code === 'string' ? serverText(error.code, 64) : 'error';
    return failWith(new AccessFailure(EXIT_FAILED, code, serverText(error.message, 500)));
  }
  return failWith(new AccessFailure(EXIT_FAILED, 'unreadable_answer', `AIRisk Token Tray gave an answer this command cannot read (HTTP ${String(status)}); update airisk-token to the app's version, or restart the app.`));
}

function failWith(failure: AccessFailure): never {
  throw failure;
}

function connectionFailure(error: unknown): AccessFailure | Error {
  if (error instanceof AccessFailure) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && NOT_LISTENING.has(code)) return new AccessFailure(EXIT_NOT_RUNNING, 'not_running', NOT_RUNNING_MESSAGE);
  if (code === 'EACCES' || code === 'EPERM') {
    return new AccessFailure(EXIT_FAILED, 'permission_denied', 'The terminal access socket refuses this user (permission denied); run airisk-token as the user who runs AIRisk Token Tray.');
  }
  if (code === 'ABORT_ERR') return new AccessFailure(EXIT_FAILED, 'interrupted', 'Interrupted; nothing was printed.');
  return new AccessFailure(EXIT_FAILED, 'connection_failed', `The connection to AIRisk Token Tray failed (${code ?? 'unknown error'}); restart the app and try again.`);
}
