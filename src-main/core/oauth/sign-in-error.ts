/**
 * Every way a sign-in can fail, as one typed error whose message a person can act on.
 * Messages never contain a token, an authorization code, a PKCE verifier or the client secret.
 */
export type SignInErrorCode =
  | 'invalid_configuration' // a setting is wrong before anything was sent
  | 'callback_port_unavailable' // the loopback redirect port cannot be bound
  | 'callback_timeout' // the browser never came back
  | 'authorization_unreachable' // the sign-in page gives no HTTP answer (network, DNS, TLS, timeout); the browser was not opened
  | 'cancelled' // the person (or a newer sign-in) cancelled this one
  | 'busy' // another sign-in (a Renew all run) owns the browser now; nothing was started
  | 'access_denied' // AIRisk redirected back with `error=access_denied` (the person or AIRisk refused)
  | 'authorization_error' // AIRisk redirected back with another `error=`
  | 'issuer_mismatch' // the redirect's `iss` names another issuer than expected (RFC 9207 mix-up defence)
  | 'paste_invalid' // a pasted redirect URL is not the one we are waiting for
  | 'token_rejected' // AIRisk answered with an RFC 6749 §5.2 error
  | 'token_http_error' // AIRisk answered non-2xx without an OAuth error body
  | 'token_not_json' // AIRisk answered something that is not JSON
  | 'token_invalid_response' // JSON, but no usable access_token / expiration
  | 'token_response_too_large'
  | 'token_timeout'
  | 'token_network' // no connection to AIRisk at all
  | 'token_not_saved' // AIRisk issued a token, but the vault could not keep it
  | 'unexpected'; // a fault of the app itself, not of the settings, the person or AIRisk

/** A failed sign-in. `oauthError` carries the RFC 6749 error code when AIRisk sent one. */
export class SignInError extends Error {
  readonly code: SignInErrorCode;
  readonly oauthError: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(
    code: SignInErrorCode,
    message: string,
    details: { oauthError?: string; httpStatus?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SignInError';
    this.code = code;
    this.oauthError = details.oauthError;
    this.httpStatus = details.httpStatus;
  }
}

/** True when `error` is a SignInError with one of the given codes (any code when none given). */
export function isSignInError(error: unknown, ...codes: SignInErrorCode[]): error is SignInError {
  return error instanceof SignInError && (codes.length === 0 || codes.includes(error.code));
}
