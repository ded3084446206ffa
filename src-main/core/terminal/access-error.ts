/**
 * The errors the terminal access server answers with: an HTTP status, a stable code and one
 * sentence that names the fix, sent as `{"error":{"code","message"}}`. Never a token in them.
 */

/** Every error code of the wire protocol (see notes/terminal-contract.md). */
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
