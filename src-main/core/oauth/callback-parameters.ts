import { constantTimeEqual } from './constant-time.ts';
import { serverText } from './server-text.ts';
import { SignInError } from './sign-in-error.ts';

/**
 * What the query of a redirect back from AIRisk (RFC 6749 §4.1.2) means for the sign-in waiting
 * on `expectedState`:
 * - `code`: the authorization code, with the right state;
 * - `error`: AIRisk ended the sign-in (`access_denied` or another `error=`), with the right state;
 * - `wrong_state`: `state` missing, repeated or not ours: forged or from another sign-in;
 * - `no_code`: the right state but neither a code nor an error (or a repeated one).
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
  | { readonly kind: 'wrong_state' }
  | { readonly kind: 'no_code' };

const MAX_ERROR_CODE_LENGTH = 64;
const MAX_DESCRIPTION_LENGTH = 300;

/** One value for a parameter that must occur at most once (RFC 6749 §3.1); `null` if repeated. */
function single(params: URLSearchParams, name: string): string | undefined | null {
  const values = params.getAll(name);
  if (values.length > 1) return null;
  return values[0];
}

/**
 * The SignInError for an `error=` redirect: `access_denied` when the person declined, otherwise
 * `authorization_error` naming AIRisk's error code. Both texts must already be sanitized.
 */
function authorizationError(code: string, detail: string): SignInError {
  if (code === 'access_denied') {
    const said = detail === '' ? '' : ` AIRisk said: “${detail}”.`;
    return new SignInError(
      'access_denied',
      `You declined the sign-in on AIRisk’s page, so no token was requested.${said} ` +
        'Start the sign-in again from AIRisk Token Tray if that was a mistake.',
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

/** Interprets the query of a redirect back from AIRisk; see {@link CallbackParameters}. */
export function readCallbackParameters(params: URLSearchParams, expectedState: string): CallbackParameters {
  const state = single(params, 'state');
  if (typeof state !== 'string' || !constantTimeEqual(state, expectedState)) return { kind: 'wrong_state' };
  const error = single(params, 'error');
  const description = single(params, 'error_description');
  const code = single(params, 'code');
  if (error === null || description === null || code === null) return { kind: 'no_code' };
  if (error !== undefined) {
    const oauthError = serverText(error, MAX_ERROR_CODE_LENGTH) || 'unknown_error';
    const detail = description === undefined ? '' : serverText(description, MAX_DESCRIPTION_LENGTH);
    return { kind: 'error', error: authorizationError(oauthError, detail), oauthError, description: detail };
  }
  if (code === undefined || code === '') return { kind: 'no_code' };
  return { kind: 'code', code };
}
