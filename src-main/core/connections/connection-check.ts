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
import { describeReachFailure, probeSignInPage } from '../oauth/sign-in-page-probe.ts';
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
  const probe = await probeSignInPage(config, fetchPort, timeoutMs);
  if (probe.kind === 'answered') return { step: authorizationStatusStep(probe.page, probe.status) };
  if (probe.kind === 'redirected') return { step: step('ok', `The sign-in page at ${probe.page} answers (with a redirect).`) };
  const failure = describeReachFailure(probe.error, probe.origin, probe.timedOutAfterMs);
  return { step: step('failed', failure), unreachable: failure };
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
