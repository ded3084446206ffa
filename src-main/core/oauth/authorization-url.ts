import { endpointUrl } from './client-config.ts';

/** What goes into one authorization request. `userid` makes the resulting token user-specific. */
export interface AuthorizationRequest {
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge?: string;
  readonly userid?: string;
  /** RFC 6749 §3.3 scope, for servers that grant nothing without one; AIRisk documents none. */
  readonly scope?: string;
}

/**
 * Builds the URL the system browser opens: RFC 6749 §4.1.1 plus PKCE (RFC 7636), AIRisk's
 * `userid`, and `scope` only when one is set. It carries no secret: `state` and the challenge are safe to show.
 */
export function buildAuthorizationUrl(request: AuthorizationRequest): URL {
  const url = endpointUrl(request.baseUrl, request.authorizePath, 'authorizePath');
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', request.clientId);
  params.set('redirect_uri', request.redirectUri);
  params.set('state', request.state);
  if (request.codeChallenge !== undefined) {
    params.set('code_challenge', request.codeChallenge);
    params.set('code_challenge_method', 'S256');
  }
  if (request.userid !== undefined) params.set('userid', request.userid);
  if (request.scope !== undefined && request.scope !== '') params.set('scope', request.scope);
  return url;
}
