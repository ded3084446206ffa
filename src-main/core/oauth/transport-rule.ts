/**
 * The one rule for which servers may be spoken to in the clear: https everywhere, plain http only on
 * a loopback host (the sandbox). Every URL the app builds a request or an opened page from — base
 * URL, issuer, the openExternal allowlist, the demo sandbox — is judged here.
 */

/** Host names (as `URL.hostname` and a Host header spell them) that reach only this computer. */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['127.0.0.1', '[::1]', 'localhost'];

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(LOOPBACK_HOST_NAMES);

/** Whether a URL's host is this computer's loopback. */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** Whether a URL may carry a secret or a sign-in: https, or plain http on loopback only. */
export function hasAcceptableTransport(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}
