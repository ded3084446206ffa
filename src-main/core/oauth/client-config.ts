import { DEFAULT_AUTHORIZE_PATH, DEFAULT_BASE_URL, DEFAULT_TOKEN_PATH } from '../../shared/airisk-defaults.ts';

/**
 * Where AIRisk lives and who we are to it. The seed documents only the token endpoint; the
 * authorization path is assumed from RFC 6749 and stays configurable.
 */
export type TokenBodyEncoding = 'form' | 'json';

export interface AiriskClientConfig {
  /** e.g. `https://api.AIRisk.example.com` (no trailing slash needed). */
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Loopback redirect URI registered with AIRisk; port 0 means "any free port". */
  readonly redirectUri: string;
  readonly bodyEncoding: TokenBodyEncoding;
  /** RFC 6749 scope sent in the authorization request when set (stock OAuth servers may need one). */
  readonly scope?: string;
  /** RFC 9207 issuer a callback's `iss` must name; default the base URL without a trailing slash. */
  readonly issuer?: string;
}

export { DEFAULT_AUTHORIZE_PATH, DEFAULT_BASE_URL, DEFAULT_REDIRECT_URI, DEFAULT_TOKEN_PATH } from '../../shared/airisk-defaults.ts';

/** Joins the base URL and an endpoint path, tolerating a trailing or missing slash on either side. */
export function endpointUrl(baseUrl: string, path: string): URL {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\/+/, ''), base);
}

/** One thing wrong with a client configuration, and the field it belongs to. */
export interface ClientConfigProblem {
  readonly field: 'baseUrl' | 'authorizePath' | 'tokenPath' | 'clientId' | 'clientSecret';
  readonly message: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Checks what a sign-in needs before anything is sent, and names the fix. The base URL must be https
 * (plain http only on loopback, for the sandbox); credentials must be present.
 * Returns a list of problems (empty when usable) so forms can show them all at once.
 */
export function findClientConfigProblems(config: AiriskClientConfig): ClientConfigProblem[] {
  const problems: ClientConfigProblem[] = [];
  const problem = (field: ClientConfigProblem['field'], message: string): void => {
    problems.push({ field, message });
  };
  let base: URL | undefined;
  try {
    base = new URL(config.baseUrl);
  } catch {
    problem('baseUrl', `The AIRisk base URL "${config.baseUrl.slice(0, 80)}" is not a URL; use one like ${DEFAULT_BASE_URL}.`);
  }
  if (base !== undefined) {
    if (base.protocol !== 'https:' && !(base.protocol === 'http:' && LOOPBACK_HOSTS.has(base.hostname))) {
      problem('baseUrl', `The AIRisk base URL must start with https:// (plain http is allowed only for a sandbox on 127.0.0.1 or localhost).`);
    }
    if (base.username !== '' || base.password !== '') problem('baseUrl', 'The AIRisk base URL must not contain a user name or password.');
    if (base.search !== '' || base.hash !== '') problem('baseUrl', 'The AIRisk base URL must not contain a query (?…) or fragment (#…).');
  }
  for (const [field, name, path, fallback] of [
    ['authorizePath', 'authorization path', config.authorizePath, DEFAULT_AUTHORIZE_PATH],
    ['tokenPath', 'token path', config.tokenPath, DEFAULT_TOKEN_PATH],
  ] as const) {
    if (!path.startsWith('/') || /[\s?#]/.test(path)) problem(field, `The ${name} must start with / and contain no spaces, ? or # (default ${fallback}).`);
  }
  if (config.clientId.trim() === '') problem('clientId', 'The client id is missing; enter the one AIRisk gave you for this app.');
  if (config.clientSecret === '') problem('clientSecret', 'The client secret is missing; enter the one AIRisk gave you for this app.');
  return problems;
}
