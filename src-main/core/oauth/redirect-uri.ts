import { SignInError } from './sign-in-error.ts';
import { hostInUrl } from './url-host.ts';

/** The loopback host names RFC 8252 §7.3 allows for a native app's redirect URI. */
export type LoopbackHostname = '127.0.0.1' | '::1' | 'localhost';

/** A checked loopback redirect URI, split into what the callback server needs. */
export interface LoopbackRedirect {
  readonly protocol: 'http' | 'https';
  readonly hostname: LoopbackHostname;
  /** The explicit port, or 80/443 when the URI names none; 0 means "any free port". */
  readonly port: number;
  /** True when the URI spelled out a port (even the scheme default), so it is kept when formatting. */
  readonly portExplicit: boolean;
  /** The path the browser comes back to, e.g. `/callback` (`/` when the URI has none). */
  readonly path: string;
  /** Addresses to listen on: `localhost` may resolve to either loopback, so it gets both. */
  readonly listenHosts: readonly string[];
}

const EXAMPLE = 'http://127.0.0.1:8765/callback';

function invalid(problem: string, fix: string): SignInError {
  return new SignInError('invalid_configuration', `The redirect URI ${problem}. ${fix}`);
}

/** The authority part (`user@host:port`) of an absolute URI as written, before any normalisation. */
function rawAuthority(uri: string): string {
  const afterScheme = uri.replace(/^\s*[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '');
  const end = afterScheme.search(/[/?#\\]/);
  return end === -1 ? afterScheme : afterScheme.slice(0, end);
}

function hasExplicitPort(uri: string): boolean {
  const authority = rawAuthority(uri);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const afterHost = hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']') + 1) : hostPort;
  return /:\d+\s*$/.test(afterHost);
}

function loopbackHostname(hostname: string): LoopbackHostname | undefined {
  switch (hostname) {
    case '127.0.0.1':
    case 'localhost':
      return hostname;
    case '[::1]':
      return '::1';
    default:
      return undefined;
  }
}

/**
 * Checks a configured redirect URI against RFC 8252 §7.3 (loopback, http or https, no userinfo,
 * query or fragment) and splits it for the callback server. Throws
 * `SignInError('invalid_configuration')` with a message that names the problem and the fix.
 */
export function parseLoopbackRedirectUri(uri: string): LoopbackRedirect {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw invalid('is not a valid URL', `Use a full loopback address such as ${EXAMPLE}.`);
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') {
    throw invalid(
      `uses the scheme "${scheme}:"`,
      `Use http:// (or https://) with a loopback address such as ${EXAMPLE}.`,
    );
  }
  const hostname = loopbackHostname(url.hostname);
  if (hostname === undefined) {
    throw invalid(
      `points at "${url.hostname}", which is not this computer`,
      `The redirect URI must be a loopback address such as ${EXAMPLE} (RFC 8252 §7.3); ` +
        'use 127.0.0.1, [::1] or localhost and register that URI with AIRisk.',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('contains a user name or password', `Remove the "user@" part, e.g. ${EXAMPLE}.`);
  }
  if (uri.includes('#')) {
    throw invalid('contains a fragment ("#…")', `Remove everything from "#" on, e.g. ${EXAMPLE}.`);
  }
  if (uri.includes('?')) {
    throw invalid(
      'contains a query ("?…")',
      `Remove everything from "?" on: AIRisk adds its own parameters, e.g. ${EXAMPLE}.`,
    );
  }
  const defaultPort = scheme === 'https' ? 443 : 80;
  const port = url.port === '' ? defaultPort : Number(url.port);
  return {
    protocol: scheme,
    hostname,
    port,
    portExplicit: hasExplicitPort(uri),
    path: url.pathname,
    listenHosts: hostname === 'localhost' ? ['127.0.0.1', '::1'] : [hostname],
  };
}

/**
 * The redirect URI to send to AIRisk once the callback server listens on `actualPort`: IPv6 in
 * brackets, and the port left out only when the configured URI left it out.
 */
export function formatRedirectUri(redirect: LoopbackRedirect, actualPort: number): string {
  const port = redirect.portExplicit ? `:${actualPort}` : '';
  return `${redirect.protocol}://${hostInUrl(redirect.hostname)}${port}${redirect.path}`;
}
