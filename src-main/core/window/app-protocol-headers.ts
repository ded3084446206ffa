/**
 * The Content-Security-Policy of the renderer, byte for byte the one in src-renderer/index.html's
 * `<meta http-equiv>` (a unit test keeps the two equal).
 */
export const RENDERER_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * The policy the app protocol sends as a header on every response (not only HTML): the page's own
 * policy plus `frame-ancestors 'none'`, which browsers honour only in a header, never in a `<meta>`.
 */
export const APP_PROTOCOL_CONTENT_SECURITY_POLICY = `${RENDERER_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Response headers for a file served over the app protocol. */
export function appProtocolHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_PROTOCOL_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
