/*
 * How much of each kind of server-chosen text a message quotes (characters, see {@link serverText}).
 * One set of caps for both sides: the callback and the token endpoint quote AIRisk the same way.
 */
/** An OAuth `error` code (RFC 6749 §4.1.2.1, §5.2). */
export const MAX_ERROR_CODE_LENGTH = 64;
/** An OAuth `error_description`. */
export const MAX_ERROR_DESCRIPTION_LENGTH = 300;
/** An issuer named by a callback's `iss` (RFC 9207), or the one expected. */
export const MAX_ISSUER_LENGTH = 100;
/** A response's media type. */
export const MAX_CONTENT_TYPE_LENGTH = 80;
/** A redirect's origin. */
export const MAX_ORIGIN_LENGTH = 200;
/** The scheme of a redirect that has no origin (`javascript:`). */
export const MAX_SCHEME_LENGTH = 20;
/** A value quoted from a token answer (`token_type`, `expires_in`, …). */
export const MAX_ANSWER_VALUE_LENGTH = 40;

/**
 * The one sanitizer for text a server chose that ends up in a message a person reads: AIRisk's
 * `error` and `error_description` (at the callback and from the token endpoint), a content type,
 * a redirect's address. Such text is attacker-chosen, so:
 * - control characters (`\p{Cc}`: C0, DEL, C1) and line/paragraph separators become a space;
 * - format characters (`\p{Cf}`: bidi overrides such as U+202E, zero-width characters, the BOM),
 *   private-use characters and lone surrogates are removed, so nothing reorders or hides text;
 * - whitespace is collapsed and the result capped at `maxLength` characters (code points), with `…`.
 * The result is plain text: escape it for HTML where it goes into a page.
 */
export function serverText(text: string, maxLength: number): string {
  const printable = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/[\p{Cf}\p{Co}\p{Cs}]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...printable];
  return chars.length > maxLength ? `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…` : printable;
}

/** The media type of a `Content-Type` header (parameters dropped), for a message. */
export function serverContentType(header: string | null): string {
  return serverText((header ?? '').split(';')[0] ?? '', MAX_CONTENT_TYPE_LENGTH) || 'no content type';
}

/**
 * A redirect's `Location`, shown as its origin only (`https://host:port`): the path and query are
 * the server's to choose and may carry anything. Relative locations resolve against `base`.
 */
export function serverRedirectOrigin(location: string | null, base: string): string {
  if (location === null || location.trim() === '') return 'nowhere';
  let url: URL;
  try {
    url = new URL(location.trim(), base);
  } catch {
    return 'an address that is not a URL';
  }
  // Schemes without an origin (data:, javascript:, mailto:) show as their scheme alone.
  return url.origin === 'null' ? `a ${serverText(url.protocol, MAX_SCHEME_LENGTH)} address` : serverText(url.origin, MAX_ORIGIN_LENGTH);
}
