/**
 * The one rule for what a token may hold to stand in `Authorization: Bearer <token>`: printable
 * ASCII without spaces (RFC 6750's b64token is stricter; stay lenient but header-safe). The token
 * client refuses anything else from AIRisk, and every copy and print checks it again.
 */
const HEADER_SAFE_TOKEN = /^[\x21-\x7E]+$/;

/** True when `token` is non-empty printable ASCII without spaces, so no line break or control character can reach a header or a shell. */
export function isHeaderSafeToken(token: string): boolean {
  return HEADER_SAFE_TOKEN.test(token);
}
