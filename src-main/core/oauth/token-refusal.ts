import type { TokenBodyEncoding } from './client-config.ts';
import { MAX_ERROR_CODE_LENGTH, MAX_ERROR_DESCRIPTION_LENGTH, serverContentType, serverRedirectOrigin, serverText } from './server-text.ts';
import { SignInError } from './sign-in-error.ts';

/** What AIRisk said when it answered a token request with something other than 2xx. */
export interface TokenRefusal {
  readonly status: number;
  /** The media type of the answer, as sent (sanitized here). */
  readonly contentType: string | null;
  /** The `Location` of a 3xx answer. */
  readonly location: string | null;
  /** The token endpoint, to resolve a relative `Location`. */
  readonly url: string;
  /** The RFC 6749 §5.2 error body, when there is one. */
  readonly oauthError: { readonly error: unknown; readonly description: unknown } | undefined;
  /** How the request body was encoded, to suggest the other one when AIRisk could not read it. */
  readonly encoding: TokenBodyEncoding;
}

/** Mentions of the body's format in an error description. */
const ABOUT_BODY_FORMAT = /\b(?:body|content[- _]?type|media[- _]?type|json|form|urlencoded|pars(?:e|ed|ing)|encod(?:e|ed|ing)|format)\b/i;

/**
 * The SignInError for a token answer that is not a token. Every text AIRisk chose (error,
 * description, content type, redirect) goes through the one sanitizer; a redirect shows its origin only.
 */
export function tokenRefusalError(refusal: TokenRefusal): SignInError {
  const { status } = refusal;
  const error = typeof refusal.oauthError?.error === 'string' ? serverText(refusal.oauthError.error, MAX_ERROR_CODE_LENGTH) : '';
  if (error !== '') {
    const rawDescription = refusal.oauthError?.description;
    const description = typeof rawDescription === 'string' ? serverText(rawDescription, MAX_ERROR_DESCRIPTION_LENGTH).replace(/\.+$/, '') : '';
    return rejection(error, description, refusal);
  }
  const contentType = serverContentType(refusal.contentType);
  const location = status >= 300 && status < 400 ? ` redirecting to ${serverRedirectOrigin(refusal.location, refusal.url)}` : '';
  const advice =
    status === 415 ? encodingAdvice(refusal.encoding) : status >= 500 ? ' AIRisk may be having trouble; try again in a moment.' : ' Check the base URL and token path in settings.';
  return new SignInError('token_http_error', `AIRisk returned HTTP ${status} (${contentType})${location}, not a token.${advice}`, { httpStatus: status });
}

function rejection(error: string, description: string, refusal: TokenRefusal): SignInError {
  const reason = description === '' ? '' : ` — ${description}`;
  const [what, advice] =
    error === 'invalid_client'
      ? ['rejected the client credentials', ' Check the client id and client secret in settings.']
      : error === 'invalid_grant'
        ? ['rejected the code', ' The code was used, expired or does not match this sign-in; sign in again.']
        : ['refused the token request', refusal.status === 415 || (error === 'invalid_request' && ABOUT_BODY_FORMAT.test(description)) ? encodingAdvice(refusal.encoding) : ''];
  return new SignInError('token_rejected', `AIRisk ${what}: ${error}${reason}.${advice}`, { oauthError: error, httpStatus: refusal.status });
}

/** AIRisk documents both encodings; a server that cannot read one may take the other. */
function encodingAdvice(sent: TokenBodyEncoding): string {
  const [other, label] = sent === 'form' ? ['json', 'JSON'] : ['form', 'Form'];
  return ` It may not accept the token request as ${sent === 'form' ? 'form fields' : 'JSON'}: choose ${label} under “Token request body” in Settings (CLI: --body ${other}) and sign in again.`;
}
