import { endpointUrl } from './client-config.ts';
import { hasAcceptableTransport } from './transport-rule.ts';

/** The configured authorization endpoint an opened URL must match. */
export interface ExpectedAuthorizationEndpoint {
  readonly baseUrl: string;
  readonly authorizePath: string;
}

/**
 * Whether `url` may be handed to the system browser (`shell.openExternal`): only the authorization
 * URL the app built itself — https (plain http only on loopback, for the sandbox), no user name or
 * password, no fragment, and the same origin and path as the configured authorization endpoint.
 * Anything else (other hosts, `file:`, custom schemes, a look-alike path) is false, as is unparseable input.
 */
export function isOpenableAuthorizationUrl(url: string, expected: ExpectedAuthorizationEndpoint): boolean {
  let candidate: URL;
  let endpoint: URL;
  try {
    candidate = new URL(url);
    endpoint = endpointUrl(expected.baseUrl, expected.authorizePath, 'authorizePath');
  } catch {
    return false;
  }
  if (!hasAcceptableTransport(candidate) || !hasAcceptableTransport(endpoint)) return false;
  if (candidate.username !== '' || candidate.password !== '' || candidate.hash !== '') return false;
  if (endpoint.username !== '' || endpoint.password !== '') return false;
  return candidate.origin === endpoint.origin && candidate.pathname === endpoint.pathname;
}
