import { createHash, timingSafeEqual } from 'node:crypto';

/** An OAuth client registered with the sandbox. */
export interface RegisteredClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** What the consent page calls the client. */
  readonly displayName: string;
}

/** The one client every sandbox knows: the credentials the demo and the tests use. */
export const DEMO_CLIENT: RegisteredClient = {
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  displayName: 'AIRisk Token Tray (demo)',
};

const PORT = '(?:[1-9][0-9]{0,4})';
const QUERY = '(?:\\?[\\x21-\\x22\\x24-\\x7e]*)?'; // printable ASCII except space and '#'

/**
 * The demo client's registered redirect URIs, compared as exact strings (no normalisation):
 * `http://127.0.0.1:{port}/callback`, `http://[::1]:{port}/callback`,
 * `http://localhost:{port}/callback` (RFC 8252 §7.3: any port), `https://localhost/callback` and
 * `https://localhost:{port}/callback`. The path must be exactly `/callback`; userinfo, fragments and
 * anything else are refused. A query is allowed (RFC 6749 §3.1.2) and kept when redirecting.
 */
const REDIRECT_URI_PATTERNS: readonly RegExp[] = [
  new RegExp(`^http://(?:127\\.0\\.0\\.1|\\[::1\\]|localhost):(${PORT})/callback${QUERY}$`),
  new RegExp(`^https://localhost(?::(${PORT}))?/callback${QUERY}$`),
];

/** The registered client with this id, if any. */
export function findClient(clientId: string): RegisteredClient | undefined {
  return clientId === DEMO_CLIENT.clientId ? DEMO_CLIENT : undefined;
}

/** True when `redirectUri` is one the client registered (see the patterns above). */
export function isRegisteredRedirectUri(client: RegisteredClient, redirectUri: string): boolean {
  if (client !== DEMO_CLIENT) return false;
  return REDIRECT_URI_PATTERNS.some((pattern) => {
    const match = pattern.exec(redirectUri);
    if (match === null) return false;
    const port = match[1];
    return port === undefined || Number(port) <= 65_535;
  });
}

/** Compares a presented client secret with the registered one in constant time. */
export function isClientSecret(client: RegisteredClient, presented: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(client.clientSecret));
}
