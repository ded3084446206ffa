/**
 * The AIRisk sandbox: a faithful stand-in for the AIRisk authorization server, over real HTTP on
 * 127.0.0.1, for the tests, the demo and anyone without an AIRisk account.
 *
 * - `GET  /api/oauth2/Authorize`  consent page (or a 400 page / an RFC 6749 §4.1.2.1 error redirect)
 * - `POST /api/oauth2/Authorize`  the consent form: 302 back with `code` or `error=access_denied`
 * - `POST /api/oauth2/Token`      form-encoded or JSON body, as the seed documents; answers
 *                                 `{"access_token", "expiration"}` or RFC 6749 §5.2 errors
 * - `GET  /api/me`                bearer-token check: `{"userid", "expiration"}`
 *
 * With `standardOAuth` it behaves like a stock RFC 6749 server instead (the kind issue 10 was
 * tried against): the authorization request needs a `scope` (without one it redirects with a bare
 * `error=access_denied`), the token request must be form-encoded and carry
 * `grant_type=authorization_code`, and the answer is `{access_token, token_type, expires_in}`.
 *
 * Codes are consumed by their first redemption at the token endpoint whatever its outcome (after
 * the client authenticated): a client that retries with the same code gets `invalid_grant`, and
 * tokens already issued from a replayed code are revoked.
 *
 * Fault modes (`setFault`) replace the token endpoint's answer entirely, for every POST whose body
 * could be read: no validation happens and nothing is consumed, so a code stays usable once the
 * fault is switched off. The body is still read (and capped) and the request recorded in
 * `tokenRequests`. `slow-token` is the one mode that ends in a normal answer: it waits `delayMs`,
 * then handles the request as usual — unless the client hung up meanwhile, in which case nothing
 * is consumed either. `token-exp-mismatch` issues a real JWT but answers an `expiration` 10 min
 * after its own `exp` (the token details' warning). Faults never affect the authorization endpoint or `/api/me`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorizationCodeStore } from './authorization-codes.ts';
import { createSigningSecret, createTokenId, signJwt, verifyJwt } from './jwt.ts';
import { renderConsentPage, renderErrorPage } from './pages.ts';
import { DEMO_CLIENT, findClient, isClientSecret, isRegisteredRedirectUri } from './registered-clients.ts';
import type { RegisteredClient } from './registered-clients.ts';
import { MAX_BODY_BYTES, mediaType, parseBody, readBody } from './request-body.ts';
import type { BodyEncoding, ParsedBody } from './request-body.ts';

/** The endpoint paths, exactly as AIRisk spells them. */
export const AUTHORIZE_PATH = '/api/oauth2/Authorize';
export const TOKEN_PATH = '/api/oauth2/Token';
export const ME_PATH = '/api/me';

/** The fault modes of the token endpoint (see the file comment). */
export const SANDBOX_FAULTS = [
  'slow-token',
  'token-5xx-html',
  'token-non-json',
  'token-missing-access-token',
  'token-bad-expiration',
  'token-expiration-no-zone',
  'token-already-expired',
  'token-date-1970',
  'token-exp-mismatch',
] as const;

/** One of {@link SANDBOX_FAULTS}. */
export type SandboxFault = (typeof SANDBOX_FAULTS)[number];

/** Settings of a fault mode; `delayMs` is how long `slow-token` waits. */
export interface FaultOptions {
  readonly delayMs?: number;
}

/** How long `slow-token` waits by default: longer than any sensible client timeout. */
export const DEFAULT_SLOW_TOKEN_DELAY_MS = 35_000;

/** True when `name` is a fault mode. */
export function isSandboxFault(name: string): name is SandboxFault {
  return (SANDBOX_FAULTS as readonly string[]).includes(name);
}

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Lifetime of issued access tokens in seconds (default 3600). */
  readonly tokenLifetimeSeconds?: number;
  /** Lifetime of authorization codes in seconds (default 60). */
  readonly codeLifetimeSeconds?: number;
  /** The sandbox clock in milliseconds since the epoch (default `Date.now`). */
  readonly now?: () => number;
  /** Called once per answered request; carries no query string, body or header. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** Behave like a stock RFC 6749 server (see the file comment) instead of AIRisk. */
  readonly standardOAuth?: boolean;
}

/** One answered request, safe to log: no query string, no secret, code, verifier or token. */
export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/** What the token endpoint saw of one request: how it was encoded, never a secret value. */
export interface RecordedTokenRequest {
  /** The Content-Type header as sent, or null. */
  readonly contentType: string | null;
  readonly encoding: BodyEncoding;
  /** Parameter names in the order sent (empty when the body could not be parsed). */
  readonly fieldNames: readonly string[];
  /** The `userid` parameter, or null when absent. */
  readonly userid: string | null;
  /** The fault mode that answered the request, or null. */
  readonly fault: SandboxFault | null;
}

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:PORT`, the base URL to configure. */
  readonly url: string;
  readonly port: number;
  readonly demoClient: { readonly clientId: string; readonly clientSecret: string };
  /** Switches a token-endpoint fault mode on, or off with null. */
  setFault(fault: SandboxFault | null, options?: FaultOptions): void;
  /** Every token request so far, oldest first. */
  readonly tokenRequests: readonly RecordedTokenRequest[];
  /** Stops listening, cancels pending `slow-token` waits and closes every connection. */
  close(): Promise<void>;
}

interface ActiveFault {
  readonly name: SandboxFault;
  readonly delayMs: number;
}

interface PendingWait {
  cancel(): void;
}

interface SandboxContext {
  readonly now: () => number;
  readonly tokenLifetimeSeconds: number;
  readonly codes: AuthorizationCodeStore;
  readonly secret: Buffer;
  readonly revokedTokenIds: Set<string>;
  readonly tokenRequests: RecordedTokenRequest[];
  readonly waits: Set<PendingWait>;
  readonly standardOAuth: boolean;
  fault: ActiveFault | null;
}

/** Starts a sandbox on 127.0.0.1 and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const tokenLifetimeSeconds = positiveInteger('tokenLifetimeSeconds', options.tokenLifetimeSeconds ?? 3600);
  const codeLifetimeSeconds = positiveInteger('codeLifetimeSeconds', options.codeLifetimeSeconds ?? 60);
  const now = options.now ?? Date.now;
  const ctx: SandboxContext = {
    now,
    tokenLifetimeSeconds,
    codes: new AuthorizationCodeStore(codeLifetimeSeconds * 1000, now),
    secret: createSigningSecret(),
    revokedTokenIds: new Set(),
    tokenRequests: [],
    waits: new Set(),
    standardOAuth: options.standardOAuth === true,
    fault: null,
  };
  const onRequest = options.onRequest;

  const server = createServer((req, res) => {
    if (onRequest !== undefined) {
      const method = req.method ?? '';
      const path = pathOf(req.url);
      res.once('finish', () => onRequest({ method, path, status: res.statusCode }));
    }
    handle(ctx, req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'server_error', error_description: 'The sandbox failed.' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    demoClient: { clientId: DEMO_CLIENT.clientId, clientSecret: DEMO_CLIENT.clientSecret },
    tokenRequests: ctx.tokenRequests,
    setFault(fault, faultOptions = {}) {
      if (fault === null) {
        ctx.fault = null;
        return;
      }
      if (!isSandboxFault(fault)) throw new RangeError(`Unknown sandbox fault "${String(fault)}"`);
      const delayMs = faultOptions.delayMs ?? DEFAULT_SLOW_TOKEN_DELAY_MS;
      if (!Number.isFinite(delayMs) || delayMs < 0) {
        throw new RangeError(`delayMs must be a non-negative number, got ${String(delayMs)}`);
      }
      ctx.fault = { name: fault, delayMs };
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const wait of [...ctx.waits]) wait.cancel();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

function pathOf(target: string | undefined): string {
  const raw = target ?? '/';
  const queryStart = raw.indexOf('?');
  return queryStart === -1 ? raw : raw.slice(0, queryStart);
}

async function handle(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The Date header follows the sandbox clock, so tests with an injected clock see a consistent one.
  res.setHeader('Date', new Date(ctx.now()).toUTCString());
  const target = req.url ?? '/';
  const path = pathOf(target);
  const method = req.method ?? '';
  switch (path) {
    case AUTHORIZE_PATH: {
      if (method === 'GET') return authorizeGet(ctx, new URLSearchParams(target.slice(path.length + 1)), res);
      if (method === 'POST') return authorizePost(ctx, req, res);
      return methodNotAllowed(res, 'GET, POST');
    }
    case TOKEN_PATH:
      return method === 'POST' ? token(ctx, req, res) : methodNotAllowed(res, 'POST');
    case ME_PATH:
      return method === 'GET' ? me(ctx, req, res) : methodNotAllowed(res, 'GET');
    default:
      sendJson(res, 404, { error: 'not_found', error_description: `No endpoint at ${path}.` });
  }
}

// ---------------------------------------------------------------------------------------------
// Authorization endpoint

interface AuthorizationRequest {
  readonly client: RegisteredClient;
  readonly redirectUri: string;
  readonly state: string;
  readonly responseType: string;
  readonly userid: string | null;
  readonly codeChallenge: string | null;
  readonly scope: string | null;
}

type AuthorizationCheck =
  /** Not safe to redirect back: answer with a 400 page. */
  | { readonly kind: 'refuse'; readonly message: string }
  /** A valid client and redirect URI, but a bad request: redirect back with `error` (§4.1.2.1). */
  | {
      readonly kind: 'redirect-error';
      readonly redirectUri: string;
      readonly state: string | undefined;
      readonly error: string;
      readonly description: string;
    }
  | { readonly kind: 'ok'; readonly request: AuthorizationRequest };

const AUTHORIZATION_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'userid',
  'code_challenge',
  'code_challenge_method',
  'scope',
] as const;

/** RFC 7636 §4.1/§4.2: 43–128 characters of the unreserved set. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The single value of a parameter: undefined when absent or empty, null when sent more than once. */
function single(params: URLSearchParams, name: string): string | null | undefined {
  const values = params.getAll(name);
  if (values.length > 1) return null;
  const value = values[0];
  return value === undefined || value === '' ? undefined : value;
}

function checkAuthorizationRequest(params: URLSearchParams): AuthorizationCheck {
  const clientId = single(params, 'client_id');
  if (clientId === null) return { kind: 'refuse', message: 'client_id was sent more than once.' };
  if (clientId === undefined) return { kind: 'refuse', message: 'The request has no client_id.' };
  const client = findClient(clientId);
  if (client === undefined) return { kind: 'refuse', message: `Unknown client "${clientId}".` };
  const redirectUri = single(params, 'redirect_uri');
  if (redirectUri === null) return { kind: 'refuse', message: 'redirect_uri was sent more than once.' };
  if (redirectUri === undefined) return { kind: 'refuse', message: 'The request has no redirect_uri.' };
  if (!isRegisteredRedirectUri(client, redirectUri)) {
    return {
      kind: 'refuse',
      message: `The redirect URI "${redirectUri}" is not registered for client "${clientId}".`,
    };
  }

  const state = single(params, 'state');
  const fail = (error: string, description: string): AuthorizationCheck => ({
    kind: 'redirect-error',
    redirectUri,
    state: state ?? undefined,
    error,
    description,
  });
  for (const name of AUTHORIZATION_PARAMETERS) {
    if (single(params, name) === null) return fail('invalid_request', `${name} was sent more than once.`);
  }
  const responseType = single(params, 'response_type');
  if (responseType === undefined || responseType === null) return fail('invalid_request', 'response_type is missing.');
  if (responseType !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  if (state === undefined || state === null) return fail('invalid_request', 'state is missing.');
  const challenge = single(params, 'code_challenge') ?? undefined;
  const method = single(params, 'code_challenge_method') ?? undefined;
  if (method !== undefined && method !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256.');
  }
  if (method !== undefined && challenge === undefined) {
    return fail('invalid_request', 'code_challenge_method was sent without code_challenge.');
  }
  if (challenge !== undefined && method === undefined) {
    return fail('invalid_request', 'code_challenge needs code_challenge_method=S256 (plain is not supported).');
  }
  if (challenge !== undefined && !PKCE_VALUE.test(challenge)) {
    return fail('invalid_request', 'code_challenge must be 43-128 characters of [A-Za-z0-9-._~].');
  }
  return {
    kind: 'ok',
    request: {
      client,
      redirectUri,
      state,
      responseType,
      userid: single(params, 'userid') ?? null,
      codeChallenge: challenge ?? null,
      scope: single(params, 'scope') ?? null,
    },
  };
}

function authorizeGet(ctx: SandboxContext, params: URLSearchParams, res: ServerResponse): void {
  const check = checkAuthorizationRequest(params);
  if (check.kind !== 'ok') return answerFailedCheck(res, check);
  const { request } = check;
  if (grantsNothing(ctx, request)) return redirect(res, request.redirectUri, [['error', 'access_denied'], ['state', request.state]]);
  const hiddenFields: [string, string][] = [
    ['response_type', request.responseType],
    ['client_id', request.client.clientId],
    ['redirect_uri', request.redirectUri],
    ['state', request.state],
  ];
  if (request.userid !== null) hiddenFields.push(['userid', request.userid]);
  if (request.codeChallenge !== null) {
    hiddenFields.push(['code_challenge', request.codeChallenge], ['code_challenge_method', 'S256']);
  }
  if (request.scope !== null) hiddenFields.push(['scope', request.scope]);
  sendHtml(
    res,
    200,
    renderConsentPage({
      clientName: request.client.displayName,
      clientId: request.client.clientId,
      userid: request.userid,
      redirectUri: request.redirectUri,
      hiddenFields,
    }),
  );
}

async function authorizePost(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (mediaType(req.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    req.resume();
    return sendHtml(res, 400, renderErrorPage('Bad request', 'The consent form must be posted as application/x-www-form-urlencoded.'));
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    return sendHtml(res, 413, renderErrorPage('Request too large', `The form exceeds ${MAX_BODY_BYTES} bytes.`));
  }
  const params = new URLSearchParams(body.toString('utf8'));
  const check = checkAuthorizationRequest(params);
  if (check.kind !== 'ok') return answerFailedCheck(res, check);
  const { request } = check;
  if (grantsNothing(ctx, request)) return redirect(res, request.redirectUri, [['error', 'access_denied'], ['state', request.state]]);
  const decision = single(params, 'decision');
  if (decision === 'deny') {
    return redirect(res, request.redirectUri, [
      ['error', 'access_denied'],
      ['error_description', 'The user denied the request.'],
      ['state', request.state],
    ]);
  }
  if (decision !== 'approve') {
    return redirect(res, request.redirectUri, [
      ['error', 'invalid_request'],
      ['error_description', 'decision must be approve or deny.'],
      ['state', request.state],
    ]);
  }
  const code = ctx.codes.issue({
    clientId: request.client.clientId,
    redirectUri: request.redirectUri,
    userid: request.userid,
    codeChallenge: request.codeChallenge,
  });
  redirect(res, request.redirectUri, [
    ['code', code],
    ['state', request.state],
  ]);
}

/** A stock server grants nothing without a scope, and says only `access_denied`. */
function grantsNothing(ctx: SandboxContext, request: AuthorizationRequest): boolean {
  return ctx.standardOAuth && request.scope === null;
}

function answerFailedCheck(res: ServerResponse, check: Exclude<AuthorizationCheck, { kind: 'ok' }>): void {
  if (check.kind === 'refuse') return sendHtml(res, 400, renderErrorPage('Invalid authorization request', check.message));
  const params: [string, string][] = [
    ['error', check.error],
    ['error_description', check.description],
  ];
  if (check.state !== undefined) params.push(['state', check.state]);
  redirect(res, check.redirectUri, params);
}

/** 302 to the redirect URI with parameters appended to its query (any existing query is kept). */
function redirect(res: ServerResponse, redirectUri: string, params: readonly (readonly [string, string])[]): void {
  const location = new URL(redirectUri);
  for (const [name, value] of params) location.searchParams.append(name, value);
  res.writeHead(302, { Location: location.href, 'Cache-Control': 'no-store', 'Content-Length': '0' });
  res.end();
}

// ---------------------------------------------------------------------------------------------
// Token endpoint

const REQUIRED_TOKEN_FIELDS = ['client_id', 'client_secret', 'redirect_uri', 'code'] as const;
const KNOWN_TOKEN_FIELDS = [...REQUIRED_TOKEN_FIELDS, 'userid', 'code_verifier', 'grant_type'] as const;

type TokenField = (typeof KNOWN_TOKEN_FIELDS)[number];

async function token(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === 'too-large') {
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, {
      error: 'invalid_request',
      error_description: `The request body exceeds ${MAX_BODY_BYTES} bytes.`,
    });
  }
  const contentType = req.headers['content-type'];
  const parsed = parseBody(contentType, body);
  const values = parsed.ok ? parsed.values : new Map<string, string | null>();
  const fault = ctx.fault;
  ctx.tokenRequests.push({
    contentType: contentType ?? null,
    encoding: parsed.encoding,
    fieldNames: parsed.ok ? parsed.fieldNames : [],
    userid: values.get('userid') ?? null,
    fault: fault?.name ?? null,
  });

  if (fault === null) return exchangeCode(ctx, parsed, res);
  if (fault.name === 'slow-token') {
    if (await wait(ctx, fault.delayMs, res)) exchangeCode(ctx, parsed, res);
    return;
  }
  answerWithFault(ctx, fault.name, values, res);
}

function answerWithFault(
  ctx: SandboxContext,
  fault: Exclude<SandboxFault, 'slow-token'>,
  values: ReadonlyMap<string, string | null>,
  res: ServerResponse,
): void {
  const mint = (): { accessToken: string; exp: number } =>
    mintToken(ctx, values.get('client_id') ?? DEMO_CLIENT.clientId, values.get('userid') ?? null);
  switch (fault) {
    case 'token-5xx-html':
      return sendHtml(res, 502, '<!doctype html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>The upstream server is not answering.</p></body></html>\n');
    case 'token-non-json':
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Token issued. Your session is ready.\n');
      return;
    case 'token-missing-access-token':
      return sendJson(res, 200, { expiration: formatExpiration(ctx.now() / 1000 + ctx.tokenLifetimeSeconds) });
    case 'token-bad-expiration':
      return sendJson(res, 200, { access_token: mint().accessToken, expiration: 'next tuesday' });
    case 'token-expiration-no-zone': {
      const { accessToken, exp } = mint();
      return sendJson(res, 200, { access_token: accessToken, expiration: formatExpiration(exp).slice(0, -1) });
    }
    case 'token-already-expired':
      return sendJson(res, 200, { access_token: mint().accessToken, expiration: formatExpiration(ctx.now() / 1000 - 60) });
    case 'token-exp-mismatch': {
      // The JWT's own exp is 10 min earlier than the `expiration` AIRisk answers with.
      const { accessToken, exp } = mint();
      return sendJson(res, 200, { access_token: accessToken, expiration: formatExpiration(exp + 600) });
    }
    case 'token-date-1970': {
      const { accessToken, exp } = mint();
      res.setHeader('Date', new Date(0).toUTCString());
      return sendJson(res, 200, { access_token: accessToken, expiration: formatExpiration(exp) });
    }
  }
}

function exchangeCode(ctx: SandboxContext, parsed: ParsedBody, res: ServerResponse): void {
  if (!parsed.ok) return oauthError(res, 400, 'invalid_request', parsed.error);
  if (ctx.standardOAuth && parsed.encoding !== 'form') {
    return oauthError(res, 400, 'invalid_request', 'Unsupported content type: the token request body must be application/x-www-form-urlencoded.');
  }
  if (ctx.standardOAuth && !parsed.values.has('grant_type')) return oauthError(res, 400, 'invalid_request', 'Missing required parameter: grant_type.');
  const fields = new Map<TokenField, string>();
  for (const name of KNOWN_TOKEN_FIELDS) {
    const value = parsed.values.get(name);
    if (value === null) return oauthError(res, 400, 'invalid_request', `${name} must be sent once, as a string.`);
    if (value !== undefined) fields.set(name, value);
  }
  const grantType = fields.get('grant_type');
  if (grantType !== undefined && grantType !== 'authorization_code') {
    return oauthError(res, 400, 'unsupported_grant_type', 'Only grant_type=authorization_code is supported.');
  }
  const missing = REQUIRED_TOKEN_FIELDS.filter((name) => !fields.has(name));
  if (missing.length > 0) {
    return oauthError(res, 400, 'invalid_request', `Missing required parameter: ${missing.join(', ')}.`);
  }
  const clientId = fields.get('client_id') ?? '';
  const client = findClient(clientId);
  if (client === undefined || !isClientSecret(client, fields.get('client_secret') ?? '')) {
    res.setHeader('WWW-Authenticate', 'Basic realm="AIRisk"');
    return oauthError(res, 401, 'invalid_client', 'Client authentication failed.');
  }

  const code = fields.get('code') ?? '';
  const redemption = ctx.codes.redeem(code);
  switch (redemption.status) {
    case 'unknown':
      return oauthError(res, 400, 'invalid_grant', 'The authorization code is unknown.');
    case 'expired':
      return oauthError(res, 400, 'invalid_grant', 'The authorization code expired.');
    case 'reused':
      for (const id of redemption.revokedTokenIds) ctx.revokedTokenIds.add(id);
      return oauthError(res, 400, 'invalid_grant', 'The authorization code was already used; tokens issued from it are revoked.');
    case 'ok':
      break;
  }
  const { grant } = redemption;
  if (grant.clientId !== client.clientId) {
    return oauthError(res, 400, 'invalid_grant', 'The authorization code was issued to another client.');
  }
  if (fields.get('redirect_uri') !== grant.redirectUri) {
    return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
  }
  if ((fields.get('userid') ?? null) !== grant.userid) {
    return oauthError(res, 400, 'invalid_grant', 'userid does not match the authorization request.');
  }
  const verifier = fields.get('code_verifier');
  if (grant.codeChallenge === null) {
    // RFC 9700 §2.1.1: a verifier without a challenge hints at a PKCE downgrade attack.
    if (verifier !== undefined) {
      return oauthError(res, 400, 'invalid_grant', 'code_verifier sent, but the authorization request had no code_challenge.');
    }
  } else {
    if (verifier === undefined) return oauthError(res, 400, 'invalid_grant', 'code_verifier is required.');
    if (!PKCE_VALUE.test(verifier)) {
      return oauthError(res, 400, 'invalid_grant', 'code_verifier must be 43-128 characters of [A-Za-z0-9-._~].');
    }
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (challenge !== grant.codeChallenge) {
      return oauthError(res, 400, 'invalid_grant', 'code_verifier does not match the code_challenge.');
    }
  }

  const { accessToken, exp, jti } = mintToken(ctx, client.clientId, grant.userid);
  ctx.codes.recordToken(code, jti);
  if (ctx.standardOAuth) return sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: exp - Math.floor(ctx.now() / 1000) });
  sendJson(res, 200, { access_token: accessToken, expiration: formatExpiration(exp) });
}

function mintToken(ctx: SandboxContext, clientId: string, userid: string | null): { accessToken: string; exp: number; jti: string } {
  const iat = Math.floor(ctx.now() / 1000);
  const exp = iat + ctx.tokenLifetimeSeconds;
  const jti = createTokenId();
  return { accessToken: signJwt({ sub: userid, client_id: clientId, iat, exp, jti }, ctx.secret), exp, jti };
}

/** `2025-03-31T13:12:17Z`: UTC, whole seconds, no milliseconds — the seed's format. */
function formatExpiration(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Resolves true after `ms`, or false as soon as the client hangs up or the sandbox closes. */
function wait(ctx: SandboxContext, ms: number, res: ServerResponse): Promise<boolean> {
  if (res.socket === null || res.socket.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (completed: boolean): void => {
      clearTimeout(timer);
      res.off('close', onClose);
      ctx.waits.delete(pending);
      resolve(completed);
    };
    const onClose = (): void => finish(false);
    const pending: PendingWait = { cancel: () => finish(false) };
    const timer = setTimeout(() => finish(true), ms);
    res.once('close', onClose);
    ctx.waits.add(pending);
  });
}

// ---------------------------------------------------------------------------------------------
// Protected resource

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

function me(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): void {
  const authorization = req.headers.authorization;
  if (authorization === undefined || !/^Bearer(?: |$)/i.test(authorization)) {
    // RFC 6750 §3.1: a request without credentials gets no error code.
    res.setHeader('WWW-Authenticate', 'Bearer realm="AIRisk"');
    return sendJson(res, 401, { error: 'unauthorized', error_description: 'Send Authorization: Bearer <access token>.' });
  }
  const match = BEARER.exec(authorization);
  const verification = match?.[1] === undefined
    ? ({ ok: false, reason: 'The Authorization header is not a bearer token.' } as const)
    : verifyJwt(match[1], ctx.secret, ctx.now());
  const reason = !verification.ok
    ? verification.reason
    : ctx.revokedTokenIds.has(verification.claims.jti)
      ? 'The access token was revoked.'
      : undefined;
  if (!verification.ok || reason !== undefined) {
    const description = reason ?? 'The access token is invalid.';
    res.setHeader('WWW-Authenticate', `Bearer realm="AIRisk", error="invalid_token", error_description="${description}"`);
    return sendJson(res, 401, { error: 'invalid_token', error_description: description });
  }
  sendJson(res, 200, { userid: verification.claims.sub, expiration: formatExpiration(verification.claims.exp) });
}

// ---------------------------------------------------------------------------------------------
// Answers

function oauthError(res: ServerResponse, status: 400 | 401, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendJson(res, 405, { error: 'method_not_allowed', error_description: `Allowed methods: ${allow}.` });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}
