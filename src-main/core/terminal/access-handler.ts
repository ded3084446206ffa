/**
 * Every request to the terminal access server goes through here, in this order: the key (401),
 * the route (404/405), the caller's identity (400/403), the rate limit (429), then the route.
 * A caller that declares no pid is rate-limited first, in one budget shared by all such callers,
 * because naming it is the expensive path (`ss` and a walk of `/proc/<pid>/fd` on Linux).
 * Answers are JSON; errors are `{"error":{"code","message"}}` and never carry a token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { constantTimeEqual } from '../oauth/constant-time.ts';
import { pathOf } from '../../shared/request-path.ts';
import { AccessError, errorBody } from './access-error.ts';
import { findRoute } from './access-routes.ts';
import type { RouteContext } from './access-routes.ts';
import { parseDeclaredClient } from './peer-identity.ts';
import type { PeerIdentity } from './peer-identity.ts';
import { MAX_REQUESTS_PER_SECOND } from './rate-limit.ts';
import type { RateLimit } from './rate-limit.ts';
import { ACCESS_KEY_HEADER, CLIENT_HEADER } from './terminal-paths.ts';
import type { TerminalWarn } from './access-key-file.ts';

/** What the handler needs besides the routes' context. */
export interface AccessHandlerOptions extends RouteContext {
  readonly key: string;
  readonly rateLimit: RateLimit;
  readonly warn: TerminalWarn;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a JSON answer (closing the connection after errors that left the body unread). */
export function sendJson(response: ServerResponse, status: number, body: string, headers: Readonly<Record<string, string>> = {}): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...headers });
  response.end(body);
}

function sendError(response: ServerResponse, error: AccessError): void {
  const close: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
  sendJson(response, error.status, errorBody(error.code, error.message), { ...error.headers, ...close });
}

function checkKey(request: IncomingMessage, key: string): void {
  const presented = request.headers[ACCESS_KEY_HEADER.toLowerCase()];
  if (typeof presented !== 'string' || !constantTimeEqual(presented, key)) {
    throw new AccessError(401, 'bad_key', `The request lacks the right ${ACCESS_KEY_HEADER}; send the key from the terminal folder's access-key file (airisk-token does).`);
  }
}

/** The rate-limit key all callers that declare no pid share, taken before they are identified. */
const UNDECLARED_KEY = 'undeclared';

function takeOrRefuse(rateLimit: RateLimit, key: string, who: string): void {
  if (!rateLimit.take(key)) {
    throw new AccessError(429, 'too_many_requests', `More than ${MAX_REQUESTS_PER_SECOND} requests per second from ${who}; wait a second and try again.`, { 'Retry-After': '1' });
  }
}

async function identify(options: AccessHandlerOptions, request: IncomingMessage, socket: Socket): Promise<PeerIdentity> {
  const header = request.headers[CLIENT_HEADER.toLowerCase()];
  const declared = parseDeclaredClient(Array.isArray(header) ? header.join(',') : header);
  if (declared !== null && 'error' in declared) throw new AccessError(400, 'bad_request', declared.error);
  if (declared === null) takeOrRefuse(options.rateLimit, UNDECLARED_KEY, `callers that send no ${CLIENT_HEADER} pid (send yours to get a budget of your own)`);
  const result = await options.peers.identify(socket, declared);
  if (!result.ok) throw new AccessError(result.status, result.code, result.message);
  return result.identity;
}

/** The request listener of the terminal access server. */
export function createAccessHandler(options: AccessHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    checkKey(request, options.key);
    const route = findRoute(request.method, pathOf(request.url));
    const socket = request.socket;
    const identity = await identify(options, request, socket);
    takeOrRefuse(options.rateLimit, identity.sessionKey, 'this terminal session');
    const body = await route(options, { request, socket, identity, signal: controller.signal });
    sendJson(response, 200, JSON.stringify(body));
  };
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof AccessError) return sendError(response, error);
      options.warn(`Terminal access: a request failed inside the app (${error instanceof Error ? error.name : 'error'}).`);
      sendError(response, new AccessError(500, 'unavailable', 'AIRisk Token Tray could not answer because of an internal error; try again, and report it if it persists.'));
    });
  };
}

