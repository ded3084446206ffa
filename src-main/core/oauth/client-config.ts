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
}

export const DEFAULT_BASE_URL = 'https://api.AIRisk.example.com';
export const DEFAULT_AUTHORIZE_PATH = '/api/oauth2/Authorize';
export const DEFAULT_TOKEN_PATH = '/api/oauth2/Token';
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8765/callback';

/** Joins the base URL and an endpoint path, tolerating a trailing or missing slash on either side. */
export function endpointUrl(baseUrl: string, path: string): URL {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\/+/, ''), base);
}
