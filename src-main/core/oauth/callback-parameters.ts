import { constantTimeEqual } from './constant-time.ts';
import { MAX_ERROR_CODE_LENGTH, MAX_ERROR_DESCRIPTION_LENGTH, MAX_ISSUER_LENGTH, serverText } from './server-text.ts';
import { SignInError } from './sign-in-error.ts';

/** What a redirect back from AIRisk must carry for the sign-in waiting on it. */
export interface CallbackExpectation {
  /** The one-time `state` sent in the authorization request. */
  readonly state: string;
  /** The issuer an `iss` parameter must name (RFC 9207), see `expectedIssuer`. */
  readonly issuer: string;
  /** Who the sign-in is for, for messages: "user_42 on Staging" (see `signInSubject`). */
  readonly subject?: string;
}

/**
 * What the query of a redirect back from AIRisk (RFC 6749 §4.1.2) means for the sign-in waiting
 * on it:
 * - `code`: the authorization code, with the right state (and `iss`, if any, naming our issuer);
 * - `error`: AIRisk ended the sign-in (`access_denied` or another `error=`), with the right state;
 * - `wrong_issuer`: the right state, but `iss` names another issuer: refused (RFC 9207 §2.4);
 * - `wrong_state`: `state` missing, repeated or not ours: forged or from another sign-in;
 * - `no_code`: the right state but neither a code nor an error (or a repeated parameter).
 */
export type CallbackParameters =
  | { readonly kind: 'code'; readonly code: string }
  | {
      readonly kind: 'error';
      readonly error: SignInError;
      /** AIRisk's `error` code and `error_description`, sanitized (safe to show once HTML-escaped). */
      readonly oauthError: string;
      readonly description: string;
    }
  | { readonly kind: 'wrong_issuer'; readonly error: SignInError }
  | { readonly kind: 'wrong_state' }
  | { readonly kind: 'no_code' };

/** What to check when AIRisk refuses a sign-in. */
const CHECK_SETTINGS = 'check the client settings (client id, redirect URI registered with AIRisk, and the scope if the server needs one)';

/** One value for a parameter that must occur at most once (RFC 6749 §3.1); `null` if repeated. */
function single(params: URLSearchParams, name: string): string | undefined | null {
  const values = params.getAll(name);
  if (values.length > 1) return null;
  return values[0];
}

/**
 * Who a sign-in is for, as messages name it: "user_42 on Staging", "the generic token on Staging".
 * `connection` is the connection's name (or, where there is none, its address).
 */
export function signInSubject(userid: string | undefined, connection: string): string {
  return `${userid ?? 'the generic token'} on ${connection}`;
}

/**
 * What AIRisk said when it refused a sign-in with `access_denied`: quoted when it said anything,
 * naming who the sign-in was for when known (`subject`, see {@link signInSubject}).
 * It never claims the person declined: a server also refuses on its own (e.g. no scope granted).
 */
export function accessDeniedText(detail: string, subject?: string): string {
  const refused = subject === undefined ? 'AIRisk refused the sign-in' : `AIRisk refused the sign-in for ${subject}`;
  return detail === ''
    ? `${refused} (access_denied) without giving a reason, so no token was requested.`
    : `${refused} (access_denied): “${detail.replace(/[.。]+$/u, '')}”. No token was requested.`;
}

/**
 * The SignInError for an `error=` redirect: `access_denied` when AIRisk refused the sign-in,
 * otherwise `authorization_error` naming AIRisk's error code. Both texts must already be sanitized.
 */
function authorizationError(code: string, detail: string, subject: string | undefined): SignInError {
  if (code === 'access_denied') {
    return new SignInError(
      'access_denied',
      `${accessDeniedText(detail, subject)} Start the sign-in again from AIRisk Token Tray; if it is refused again, ${CHECK_SETTINGS}.`,
      { oauthError: code },
    );
  }
  const said = detail === '' ? '' : `: “${detail}”`;
  return new SignInError(
    'authorization_error',
    `AIRisk did not authorize the sign-in (error “${code}”${said}). ` +
      'Check the client settings (client id, redirect URI registered with AIRisk) and start the sign-in again.',
    { oauthError: code },
  );
}

/** The refusal of a redirect whose `iss` names another issuer than this sign-in's. */
function wrongIssuer(expectedIssuer: string, receivedIssuer: string): CallbackParameters {
  const expected = serverText(expectedIssuer, MAX_ISSUER_LENGTH);
  const received = serverText(receivedIssuer, MAX_ISSUER_LENGTH);
  const error = new SignInError(
    'issuer_mismatch',
    `The answer to this sign-in names the issuer “${received}”, but the sign-in expects “${expected}”, ` +
      'so its code was refused and no token was requested (RFC 9207). ' +
      `If AIRisk really names itself “${received}”, set that as the issuer in the client settings; ` +
      'otherwise another server may be trying to take over the sign-in.',
  );
  return { kind: 'wrong_issuer', error };
}

/** Interprets the query of a redirect back from AIRisk; see {@link CallbackParameters}. */
export function readCallbackParameters(params: URLSearchParams, expected: CallbackExpectation): CallbackParameters {
  const state = single(params, 'state');
  if (typeof state !== 'string' || !constantTimeEqual(state, expected.state)) return { kind: 'wrong_state' };
  const issuer = single(params, 'iss');
  const error = single(params, 'error');
  const description = single(params, 'error_description');
  const code = single(params, 'code');
  if (issuer === null || error === null || description === null || code === null) return { kind: 'no_code' };
  if (issuer !== undefined && issuer !== expected.issuer) return wrongIssuer(expected.issuer, issuer);
  if (error !== undefined) {
    const oauthError = serverText(error, MAX_ERROR_CODE_LENGTH) || 'unknown_error';
    const detail = description === undefined ? '' : serverText(description, MAX_ERROR_DESCRIPTION_LENGTH);
    return { kind: 'error', error: authorizationError(oauthError, detail, expected.subject), oauthError, description: detail };
  }
  if (code === undefined || code === '') return { kind: 'no_code' };
  return { kind: 'code', code };
}
