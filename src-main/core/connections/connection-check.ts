/**
 * "Check connection": before any browser opens, probes a connection's two endpoints and says in
 * one plain sentence each what it found. Plain Node; every request goes through the FetchPort (so
 * Electron's proxy-aware fetch is used in the app) and every URL through the one origin rule.
 */
import { randomBytes } from 'node:crypto';
import type { ConnectionCheck, ConnectionCheckStep } from '../../contract.ts';
import { endpointUrl, findClientConfigProblems, type AiriskClientConfig, type ClientConfigProblem } from '../oauth/client-config.ts';
import type { FetchPort } from '../oauth/fetch-port.ts';
import { createPkcePair } from '../oauth/pkce.ts';
import { formatRedirectUri, parseLoopbackRedirectUri } from '../oauth/redirect-uri.ts';
import { isSignInError, type SignInError } from '../oauth/sign-in-error.ts';
import { exchangeCode } from '../oauth/token-client.ts';

/** How long each probe may take, by default. */
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/** The port a redirect URI with port 0 ("any free port") is sent with: a sign-in sends the bound one. */
const STAND_IN_PORT = 8765;

type Ports = { readonly fetch?: FetchPort; readonly now?: () => number; readonly timeoutMs?: number };

/** What a check knows beyond the config: why a stored secret was not used (the token step says so instead of "no client secret is set"). */
export interface CheckContext {
  readonly secretProblem?: string | undefined;
}

/** Stands in for a server's description that repeated the client secret, the test code or the verifier. */
export const LEFT_OUT_DESCRIPTION = "AIRisk's description was left out because it repeated a secret.";

/**
 * Checks `config`: a bare GET of the authorization endpoint (does it answer at all?), then a POST of
 * a made-up code to the token endpoint through the real token client (does it speak OAuth, and are
 * the client id and secret accepted?). Never throws; no secret, code or token is in any message,
 * and a token issued for the made-up code is discarded.
 */
export async function checkConnection(config: AiriskClientConfig, ports: Ports, context: CheckContext = {}): Promise<ConnectionCheck> {
  const timeoutMs = ports.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const problems = findClientConfigProblems(config);
  const probe = await checkAuthorization(config, problems, ports.fetch ?? globalThis.fetch, timeoutMs);
  // Both endpoints share the origin: when it cannot be reached (network, TLS) the secret is not sent.
  const token =
    probe.unreachable === undefined
      ? await checkToken(config, problems, ports, timeoutMs, context)
      : step('skipped', `Not tried: ${probe.unreachable.charAt(0).toLowerCase()}${probe.unreachable.slice(1)}`);
  return { authorization: probe.step, token };
}

function step(verdict: ConnectionCheckStep['verdict'], message: string): ConnectionCheckStep {
  return { verdict, message };
}

function problemFor(problems: readonly ClientConfigProblem[], fields: readonly ClientConfigProblem['field'][]): ClientConfigProblem | undefined {
  return problems.find((problem) => fields.includes(problem.field));
}

// ---------------------------------------------------------------------------------------------
// Authorization endpoint

async function checkAuthorization(
  config: AiriskClientConfig,
  problems: readonly ClientConfigProblem[],
  fetchPort: FetchPort,
  timeoutMs: number,
): Promise<{ step: ConnectionCheckStep; unreachable?: string }> {
  const invalid = problemFor(problems, ['baseUrl', 'authorizePath']);
  if (invalid !== undefined) return { step: step('failed', invalid.message) };
  const url = endpointUrl(config.baseUrl, config.authorizePath, 'authorizePath');
  const page = `${url.origin}${url.pathname}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchPort(url.href, { method: 'GET', headers: { Accept: 'text/html' }, body: null, signal: controller.signal, redirect: 'manual' });
    // Only the status matters: the body is never read.
    await response.body?.cancel().catch(() => undefined);
    return { step: authorizationStatusStep(page, response.status) };
  } catch (error) {
    if (causeCodes(error).includes('REDIRECT_REFUSED')) return { step: step('ok', `The sign-in page at ${page} answers (with a redirect).`) };
    const failure = describeReachFailure(error, url.origin, controller.signal.aborted ? timeoutMs : undefined);
    return { step: step('failed', failure), unreachable: failure };
  } finally {
    clearTimeout(timer);
  }
}

/** One sentence for the HTTP status of a bare GET of the sign-in page. */
function authorizationStatusStep(page: string, status: number): ConnectionCheckStep {
  // A real authorization endpoint often answers a GET without parameters with 400.
  if ((status >= 200 && status < 400) || status === 400) return step('ok', `The sign-in page at ${page} answers (HTTP ${status}).`);
  if (status === 404) return step('failed', `There is no sign-in page at ${page} (HTTP 404): check the authorization path.`);
  if (status === 401 || status === 403) return step('warning', `The sign-in page at ${page} refuses a plain request (HTTP ${status}); a browser may still get in, otherwise check the authorization path.`);
  if (status === 405) return step('warning', `The sign-in page at ${page} does not take a plain GET (HTTP 405): check the authorization path.`);
  if (status >= 500) return step('warning', `The sign-in page at ${page} answers with HTTP ${status}: AIRisk may be having trouble; try again in a moment.`);
  return step('warning', `The sign-in page at ${page} answers with HTTP ${status}, which is unusual: check the authorization path.`);
}

// ---------------------------------------------------------------------------------------------
// Token endpoint

async function checkToken(config: AiriskClientConfig, problems: readonly ClientConfigProblem[], ports: Ports, timeoutMs: number, context: CheckContext): Promise<ConnectionCheckStep> {
  const invalid = problemFor(problems, ['baseUrl', 'tokenPath', 'clientId']);
  if (invalid !== undefined) return step('failed', invalid.message);
  if (config.clientSecret === '') {
    return step('skipped', context.secretProblem ?? 'Not tried: no client secret is set; enter the one AIRisk gave you for this app, then check again.');
  }
  let redirectUri: string;
  try {
    const redirect = parseLoopbackRedirectUri(config.redirectUri);
    redirectUri = formatRedirectUri(redirect, redirect.port === 0 ? STAND_IN_PORT : redirect.port);
  } catch (error) {
    return step('failed', isSignInError(error) ? error.message : 'The redirect URI is not usable.');
  }
  // Exactly what a sign-in sends (PKCE verifier included), but with a code AIRisk never issued.
  const code = `airisk-token-tray-connection-check-${randomBytes(16).toString('hex')}`;
  const verifier = createPkcePair().verifier;
  const secrets = [config.clientSecret, code, verifier];
  const url = endpointUrl(config.baseUrl, config.tokenPath, 'tokenPath');
  const endpoint = `${url.origin}${url.pathname}`;
  try {
    await exchangeCode(
      { config, redirectUri, code, codeVerifier: verifier },
      { timeoutMs, ...(ports.fetch === undefined ? {} : { fetch: ports.fetch }), ...(ports.now === undefined ? {} : { now: ports.now }) },
    );
    // The token is dropped here, unread: it must not be kept, returned or logged.
    return step('warning', `AIRisk issued a token for a made-up code at ${endpoint} — it does not check codes; the token was discarded.`);
  } catch (error) {
    if (!isSignInError(error)) return step('failed', 'The check failed unexpectedly; try again.');
    // The message carries what the server said: a server that echoes a secret gets none of it shown.
    const description = secrets.some((secret) => error.message.includes(secret)) ? LEFT_OUT_DESCRIPTION : error.message;
    return tokenErrorStep(error, description, endpoint, url.origin, timeoutMs);
  }
}

/**
 * One sentence for how the token client refused the made-up code; `description` is the error's
 * message (what the server said), or LEFT_OUT_DESCRIPTION when it repeated a secret.
 */
function tokenErrorStep(error: SignInError, description: string, endpoint: string, origin: string, timeoutMs: number): ConnectionCheckStep {
  const status = error.httpStatus;
  // RFC 6749 §5.2: a token endpoint answers 401 when client authentication failed, OAuth body or not.
  const clientRefused = status === 401 && error.code !== 'token_rejected';
  if (clientRefused) return step('failed', `AIRisk did not accept the client id or secret (HTTP 401) at ${endpoint}: check them.`);
  switch (error.code) {
    case 'token_rejected':
      if (error.oauthError === 'invalid_grant') return step('ok', 'AIRisk did not refuse the client id and secret (it refused the made-up code, as expected).');
      if (error.oauthError === 'invalid_client') return step('failed', 'AIRisk did not accept the client id or secret (invalid_client): check them.');
      return step('warning', `The token endpoint speaks OAuth, but ${description}`);
    case 'token_http_error':
      if (status !== undefined && status >= 500) return step('warning', `The token endpoint at ${endpoint} answers with HTTP ${status}: AIRisk may be having trouble; try again in a moment.`);
      if (status === 415) return step('failed', description);
      return step('failed', `AIRisk does not speak OAuth at ${endpoint} (HTTP ${status ?? '?'}, no OAuth error): check the token path.`);
    case 'token_not_json':
      return step('failed', `AIRisk does not speak OAuth at ${endpoint} (HTTP ${status ?? '?'}, not JSON): check the token path.`);
    case 'token_invalid_response':
      return step('warning', `The token endpoint at ${endpoint} answered a made-up code with success but no usable token: it may not check codes.`);
    case 'token_timeout':
    case 'token_network':
      return step('failed', describeReachFailure(error.cause, origin, error.code === 'token_timeout' ? timeoutMs : undefined));
    default:
      return step('failed', description);
  }
}

// ---------------------------------------------------------------------------------------------
// Network and TLS failures

/** Error codes of `error` and its causes (undici nests them; happy eyeballs aggregates them; Electron names them in the message). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  const pending: unknown[] = [error];
  for (let depth = 0; pending.length > 0 && depth < 20; depth++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    if ('code' in current && typeof current.code === 'string') codes.push(current.code);
    if (current instanceof Error) {
      const net = /net::(ERR_[A-Z0-9_]+)/.exec(current.message);
      if (net?.[1] !== undefined) codes.push(net[1]);
      pending.push(current.cause);
    }
    if (current instanceof AggregateError) pending.push(...(current.errors as unknown[]));
  }
  return codes.filter((code) => /^[A-Z][A-Z0-9_]{1,63}$/.test(code));
}

const TLS_UNTRUSTED = ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'ERR_CERT_AUTHORITY_INVALID'];
const TLS_EXPIRED = ['CERT_HAS_EXPIRED', 'ERR_CERT_DATE_INVALID'];
const TLS_NOT_YET_VALID = ['CERT_NOT_YET_VALID'];
const TLS_WRONG_HOST = ['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_CERT_COMMON_NAME_INVALID'];
const REFUSED = ['ECONNREFUSED', 'ERR_CONNECTION_REFUSED'];
const UNKNOWN_HOST = ['ENOTFOUND', 'EAI_AGAIN', 'ERR_NAME_NOT_RESOLVED'];
const TIMED_OUT = ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_TIMED_OUT', 'ERR_CONNECTION_TIMED_OUT'];

/**
 * One sentence for a request that got no HTTP answer (unreachable host, untrusted TLS), naming the
 * cause's code; `timedOutAfterMs` when our own timeout ended it.
 */
function describeReachFailure(error: unknown, origin: string, timedOutAfterMs: number | undefined): string {
  const codes = causeCodes(error);
  const has = (list: readonly string[]): string | undefined => codes.find((code) => list.includes(code));
  const tls = (why: string, code: string): string => `${origin} ${why} (${code}).`;
  const untrusted = has(TLS_UNTRUSTED);
  if (untrusted !== undefined) return tls('presents a certificate this computer does not trust (self-signed or from an unknown authority): if this is really AIRisk, ask its administrator', untrusted);
  const expired = has(TLS_EXPIRED);
  if (expired !== undefined) return tls("presents an expired certificate: AIRisk's administrator must renew it, or check this computer's clock", expired);
  const early = has(TLS_NOT_YET_VALID);
  if (early !== undefined) return tls("presents a certificate that is not valid yet: check this computer's clock", early);
  const wrongHost = has(TLS_WRONG_HOST);
  if (wrongHost !== undefined) return tls('presents a certificate for another host name: check the host in the base URL', wrongHost);
  const otherTls = codes.find((code) => /^(?:ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|ERR_CERT_)/.test(code));
  if (otherTls !== undefined) return tls('could not set up a secure (TLS) connection: check the base URL’s scheme and port', otherTls);
  if (timedOutAfterMs !== undefined || has(TIMED_OUT) !== undefined) {
    return `No answer from ${origin} within ${timedOutAfterMs === undefined ? 'the time allowed' : `${Math.round(timedOutAfterMs / 100) / 10} s`}: check the base URL and your network or proxy.`;
  }
  const refused = has(REFUSED);
  if (refused !== undefined) return `Nothing answers at ${origin} (${refused}): check the base URL and that AIRisk is running.`;
  const unknown = has(UNKNOWN_HOST);
  if (unknown !== undefined) return `The host of ${origin} is not known (${unknown}): check the base URL and your network or proxy.`;
  const first = codes.find((code) => code !== 'REDIRECT_REFUSED');
  return `Could not reach ${origin}${first === undefined ? '' : ` (${first})`}: check the base URL and your network or proxy.`;
}
