/**
 * What a copy puts on the clipboard: the whole `Authorization` header line (the default), the bare
 * token, or a curl option that sends the header.
 */

/** Every copy format, in the order settings offer them. */
export const COPY_FORMATS = ['header', 'token', 'curl'] as const;

/** `header`: `Authorization: Bearer <token>`; `token`: the token alone; `curl`: `-H "Authorization: Bearer <token>"`. */
export type CopyFormat = (typeof COPY_FORMATS)[number];

/** The format used unless the person picked another. */
export const DEFAULT_COPY_FORMAT: CopyFormat = 'header';

/** A token that fits in an HTTP header line: printable ASCII, no spaces (as the token client accepts). */
const HEADER_SAFE_TOKEN = /^[\x21-\x7E]+$/;
/** RFC 6750 b64token characters (JWTs, base64): no shell expands them inside double quotes. */
const SHELL_QUOTE_SAFE_TOKEN = /^[A-Za-z0-9\-._~+/=]+$/;

/** True when `value` is one of {@link COPY_FORMATS}, e.g. for a setting read from disk or IPC. */
export function isCopyFormat(value: unknown): value is CopyFormat {
  return typeof value === 'string' && (COPY_FORMATS as readonly string[]).includes(value);
}

/**
 * The clipboard text for `token` in `format`. Refuses (RangeError, without echoing the token) a
 * token that is empty or not header-safe, so a copy can never smuggle a line break into a header.
 * For `curl`, a token with characters beyond RFC 6750's b64token set (which a shell might expand
 * inside double quotes: `$`, `` ` ``, `"`, `\`, `!`, `%`) is single-quoted instead:
 * `-H 'Authorization: Bearer <token>'`.
 */
export function formatForClipboard(token: string, format: CopyFormat = DEFAULT_COPY_FORMAT): string {
  if (!HEADER_SAFE_TOKEN.test(token)) {
    throw new RangeError('The token is empty or holds characters that cannot stand in an HTTP header; nothing was copied.');
  }
  const header = `Authorization: Bearer ${token}`;
  switch (format) {
    case 'header':
      return header;
    case 'token':
      return token;
    case 'curl':
      return SHELL_QUOTE_SAFE_TOKEN.test(token) ? `-H "${header}"` : `-H '${header.replaceAll("'", `'\\''`)}'`;
  }
}
