/**
 * The four routes of the terminal access protocol and what each answers. Reading a token always
 * goes through {@link readAuthorized}: the app's rule (readToken), then an approved session or the
 * person's answer to a prompt.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PRODUCT_NAME } from '../app-paths.ts';
import { AccessError } from './access-error.ts';
import { parseAccountRequest } from './account-request.ts';
import { accountName, refusedRead, selectAccount, selectConnection } from './account-selector.ts';
import type { ConsentBroker } from './consent-broker.ts';
import { readJsonBody } from './request-body.ts';
import type { PeerIdentifier, PeerIdentity } from './peer-identity.ts';
import type { TerminalAccount, TerminalTokenSource, TokenRead } from './terminal-ports.ts';

/** What the routes work with, the same for every request. */
export interface RouteContext {
  readonly source: TerminalTokenSource;
  readonly broker: ConsentBroker;
  readonly peers: PeerIdentifier;
  readonly version: string;
}

/** One request, after the key, the route and the caller were checked. */
export interface RouteRequest {
  readonly request: IncomingMessage;
  readonly socket: Socket;
  readonly identity: PeerIdentity;
  /** Aborts when the client hangs up before the answer. */
  readonly signal: AbortSignal;
}

type Handler = (context: RouteContext, request: RouteRequest) => Promise<unknown>;

/** `AccountBrief` of the wire protocol: never a token. */
function brief(account: TerminalAccount): Record<string, unknown> {
  const { userid, label, connectionName, status, expiration, secondsLeft, active } = account;
  return { userid, name: label, connection: connectionName, status, expiration, secondsLeft, active };
}

const ROUTES: Readonly<Record<string, { readonly method: 'GET' | 'POST'; readonly handle: Handler }>> = {
  '/v1/status': { method: 'GET', handle: async ({ source, version }) => ({ app: PRODUCT_NAME, version, accounts: source.accounts().map(brief) }) },
  '/v1/accounts': { method: 'GET', handle: async ({ source }) => ({ accounts: source.accounts().map(brief) }) },
  '/v1/token': { method: 'POST', handle: token },
  '/v1/login': { method: 'POST', handle: login },
};

/** The handler for `method path`; AccessError 404 `not_found` or 405 `method_not_allowed` (with Allow). */
export function findRoute(method: string | undefined, path: string): Handler {
  const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (route === undefined) throw new AccessError(404, 'not_found', `There is no ${path}; the paths are ${Object.keys(ROUTES).join(', ')}.`);
  if (method !== route.method) throw new AccessError(405, 'method_not_allowed', `${path} takes ${route.method} only.`, { Allow: route.method });
  return route.handle;
}

async function token(context: RouteContext, route: RouteRequest): Promise<unknown> {
  const wanted = parseAccountRequest(await readJsonBody(route.request), true);
  let account = selectAccount(context.source.accounts(), context.source.connections(), wanted);
  // --renew signs in again only when the app's rule no longer hands the token out.
  if (wanted.renew && !(await context.source.readToken(account.id)).ok) account = await signInAgain(context, account.connectionId, account.userid);
  return await readAuthorized(context, route, account);
}

async function login(context: RouteContext, route: RouteRequest): Promise<unknown> {
  const wanted = parseAccountRequest(await readJsonBody(route.request), false);
  const { source } = context;
  const accounts = source.accounts();
  const active = accounts.find((account) => account.active);
  const connections = source.connections();
  const named = selectConnection(connections, wanted.connection);
  const connectionId = named?.id ?? active?.connectionId ?? (connections.length === 1 ? connections[0]?.id : undefined);
  if (connectionId === undefined) {
    throw new AccessError(409, 'ambiguous_account', `Which connection? Add --connection NAME (${connections.map((connection) => connection.name).join(' or ') || 'set one up in the app first'}).`);
  }
  const byUser = wanted.userid !== null || wanted.generic;
  const userid = byUser ? wanted.userid : active?.connectionId === connectionId ? active.userid : null;
  return await readAuthorized(context, route, await signInAgain(context, connectionId, userid));
}

async function signInAgain(context: RouteContext, connectionId: string, userid: string | null): Promise<TerminalAccount> {
  const result = await context.source.signIn({ connectionId, userid });
  if (!result.ok) throw new AccessError(503, result.code ?? 'sign_in_failed', result.message);
  const account = context.source.accounts().find((candidate) => candidate.id === result.accountId);
  if (account === undefined) throw new AccessError(503, 'sign_in_failed', 'The sign-in finished but its account is gone; sign in again.');
  return account;
}

/** The token `account` holds by the app's one rule (readToken), or its refusal in the CLI's words. */
async function usableToken(context: RouteContext, account: TerminalAccount): Promise<Extract<TokenRead, { ok: true }>> {
  const read = await context.source.readToken(account.id);
  if (!read.ok) throw refusedRead(account, read);
  return read;
}

/**
 * The token answer for `account`, once the caller may read it. The rule is asked before any prompt
 * (an expired token is refused without bothering the person), and again after one (the token may
 * have expired while the prompt waited).
 */
async function readAuthorized(context: RouteContext, route: RouteRequest, account: TerminalAccount): Promise<unknown> {
  let read = await usableToken(context, account);
  if (!context.broker.isApproved(route.identity.sessionKey, account.id)) {
    await askConsent(context, route, account);
    read = await usableToken(context, account);
  }
  context.broker.recordRead(account.id, route.identity.client);
  return {
    access_token: read.token,
    token_type: 'Bearer',
    authorization: `Bearer ${read.token}`,
    expiration: read.expiration,
    userid: account.userid,
    connection: account.connectionName,
  };
}

/** Returns once the person allowed the caller's terminal session to read `account` in the prompt (the kernel proof runs here). */
async function askConsent(context: RouteContext, route: RouteRequest, account: TerminalAccount): Promise<void> {
  const { broker, peers } = context;
  const { sessionKey } = route.identity;
  const proven = await peers.prove(route.socket, route.identity);
  const outcome = await broker.ask({ sessionKey, client: proven.client, accountId: account.id, accountName: accountName(account) }, route.signal);
  switch (outcome.kind) {
    case 'approved':
      return;
    case 'denied':
      throw new AccessError(403, 'denied', `The request for ${accountName(account)} was denied in AIRisk Token Tray; run the command again to ask again.`);
    case 'no_answer':
      throw new AccessError(403, 'no_answer', 'Nobody answered the prompt in AIRisk Token Tray within 60 seconds; run the command again and answer it in the window.');
    case 'revoked':
      throw new AccessError(403, 'denied', `Terminal access was revoked (${outcome.reason}); run the command again to ask again.`);
    case 'busy':
      throw new AccessError(429, 'too_many_requests', 'Too many terminal requests are waiting for an answer in AIRisk Token Tray; answer or deny them there, then try again.');
    case 'cancelled':
      throw new AccessError(403, 'denied', 'The request was withdrawn before it was answered; run the command again.');
  }
}
