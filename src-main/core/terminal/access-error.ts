/**
 * The errors the terminal access server answers with: an HTTP status, a stable code and one
 * sentence that names the fix, sent as `{"error":{"code","message"}}`. Never a token in them.
 */

/** Every error code of the wire protocol: this union is the list (README.md "From the terminal" describes the protocol). */
export type AccessErrorCode =
  | 'bad_request'
  | 'bad_key'
  | 'denied'
  | 'no_answer'
  | 'not_found'
  | 'no_account'
  | 'method_not_allowed'
  | 'expired'
  | 'unavailable'
  | 'ambiguous_account'
  | 'too_large'
  | 'too_many_requests'
  | 'signing_in'
  | 'sign_in_failed';

/** A refusal of one request. */
export class AccessError extends Error {
  readonly status: number;
  readonly code: AccessErrorCode;
  /** Extra response headers (`Allow`, `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: AccessErrorCode, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'AccessError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** The JSON body of an error answer. */
export function errorBody(code: AccessErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** The error code for an HTTP parse failure before any handler ran. */
export function clientErrorAnswer(code: string | undefined): { readonly status: number; readonly code: AccessErrorCode; readonly message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, code: 'too_large', message: 'The request headers are larger than 16 KiB; send only X-AIRisk-Key, X-AIRisk-Client and the usual HTTP headers.' };
  return { status: 400, code: 'bad_request', message: 'The request is not valid HTTP/1.1; use airisk-token or curl --unix-socket.' };
}
