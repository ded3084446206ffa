import { SignInError } from './sign-in-error.ts';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_BASE_URL, DEFAULT_TOKEN_PATH } from '../../shared/airisk-defaults.ts';
import { hasAcceptableTransport } from './transport-rule.ts';

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

/** The two endpoint fields, as a problem names them. */
export type EndpointField = 'authorizePath' | 'tokenPath';

const ENDPOINT_NAMES: Readonly<Record<EndpointField, { name: string; fallback: string }>> = {
  authorizePath: { name: 'authorization path', fallback: DEFAULT_AUTHORIZE_PATH },
  tokenPath: { name: 'token path', fallback: DEFAULT_TOKEN_PATH },
};

/** Backslashes, whitespace, control and format characters, `?` and `#`: none belongs in an endpoint path. */
const FORBIDDEN_IN_PATH = /[\\\s\p{Cc}\p{Cf}?#]/u;
/** The same, percent-encoded: `%5C`, `%00`–`%1F`, `%7F`. */
const FORBIDDEN_ENCODED = /%(?:5c|[01][0-9a-f]|7f)/i;

/**
 * The one rule for AIRisk's endpoints: joins the base URL and an endpoint path and checks that the
 * result keeps the base URL's origin (scheme, host, port) and stays under its path. The path starts
 * with one `/` and is relative to the base (`https://gw.example/airisk` + `/api/oauth2/Token` is
 * `https://gw.example/airisk/api/oauth2/Token`). Refused, never rewritten, with a message naming the
 * field: an empty path or one without the leading `/`, backslashes, whitespace, control or format
 * characters (also percent-encoded), `?`, `#`, a leading `//`, a `:` in the first segment (it reads
 * as a scheme), a base URL with a user name or password, and anything that resolves elsewhere
 * (`..` above the base path).
 */
export function resolveEndpoint(baseUrl: string, path: string, field: EndpointField): { ok: true; url: URL } | { ok: false; problem: ClientConfigProblem } {
  const { name, fallback } = ENDPOINT_NAMES[field];
  const refuse = (why: string): { ok: false; problem: ClientConfigProblem } => ({
    ok: false,
    problem: { field, message: `The ${name} ${why} (default ${fallback}).` },
  });
  if (path === '') return refuse('is empty; enter the path of the endpoint on the base URL');
  if (!path.startsWith('/')) return refuse('must start with /');
  if (FORBIDDEN_IN_PATH.test(path) || FORBIDDEN_ENCODED.test(path)) {
    return refuse('must contain no backslash, space, control character, ? or # (plain or percent-encoded)');
  }
  if (path.startsWith('//')) return refuse('must start with a single /; "//" would name another host');
  const firstSegment = path.slice(1).split('/', 1)[0] ?? '';
  if (firstSegment.includes(':')) return refuse(`must have no ":" in its first segment ("${firstSegment}" reads as a URL scheme)`);
  let base: URL;
  try {
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    return refuse('cannot be joined to a base URL that is not a URL');
  }
  if (base.username !== '' || base.password !== '') return refuse('cannot be joined to a base URL with a user name or password');
  const url = new URL(path.slice(1), base);
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') {
    return refuse(`must stay on ${base.origin}; it leads to ${url.origin === 'null' ? `a ${url.protocol} address` : url.origin}`);
  }
  if (!url.pathname.startsWith(base.pathname)) return refuse(`must stay under the base URL's path ${base.pathname}`);
  return { ok: true, url };
}

/**
 * The URL of an AIRisk endpoint, through {@link resolveEndpoint}; every request and every URL
 * we open is built here. Throws SignInError('invalid_configuration') naming the field.
 */
export function endpointUrl(baseUrl: string, path: string, field: EndpointField): URL {
  const resolved = resolveEndpoint(baseUrl, path, field);
  if (!resolved.ok) throw new SignInError('invalid_configuration', resolved.problem.message);
  return resolved.url;
}

/**
 * The issuer a callback's `iss` must name (RFC 9207): the configured `issuer`, else the base URL
 * without a trailing slash. Compared as exact strings.
 */
export function expectedIssuer(config: Pick<AiriskClientConfig, 'baseUrl' | 'issuer'>): string {
  const override = config.issuer?.trim() ?? '';
  return override !== '' ? override : config.baseUrl.replace(/\/+$/, '');
}

/** One thing wrong with a client configuration, and the field it belongs to. */
export interface ClientConfigProblem {
  readonly field: 'baseUrl' | 'authorizePath' | 'tokenPath' | 'clientId' | 'clientSecret';
  readonly message: string;
}

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
    if (!hasAcceptableTransport(base)) {
      problem('baseUrl', `The AIRisk base URL must start with https:// (plain http is allowed only for a sandbox on 127.0.0.1 or localhost).`);
    }
    if (base.username !== '' || base.password !== '') problem('baseUrl', 'The AIRisk base URL must not contain a user name or password.');
    if (base.search !== '' || base.hash !== '') problem('baseUrl', 'The AIRisk base URL must not contain a query (?…) or fragment (#…).');
  }
  // With an unusable base URL (reported above, once) the paths' own text is still checked, against a stand-in base.
  const joinTo = problems.length === 0 ? config.baseUrl : 'https://base.invalid';
  for (const field of ['authorizePath', 'tokenPath'] as const) {
    const resolved = resolveEndpoint(joinTo, config[field], field);
    if (!resolved.ok) problems.push(resolved.problem);
  }
  if (config.clientId.trim() === '') problem('clientId', 'The client id is missing; enter the one AIRisk gave you for this app.');
  if (config.clientSecret === '') problem('clientSecret', 'The client secret is missing; enter the one AIRisk gave you for this app.');
  return problems;
}
