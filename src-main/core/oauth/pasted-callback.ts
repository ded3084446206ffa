import { readCallbackParameters } from './callback-parameters.ts';
import { parseLoopbackRedirectUri } from './redirect-uri.ts';
import { SignInError } from './sign-in-error.ts';

/** What a pasted redirect URL must match: the redirect URI sent to AIRisk, this sign-in's state and issuer. */
export interface PastedCallbackExpectation {
  readonly redirectUri: string;
  readonly state: string;
  /** The issuer an `iss` parameter must name (RFC 9207); see `expectedIssuer`. */
  readonly issuer: string;
  /** Who the sign-in is for, named in a refusal ("user_42 on Staging"). */
  readonly subject?: string;
}

const HOW_TO_COPY =
  'Copy the whole address from the browser’s address bar after AIRisk sent you back (it starts with http:// or https://) and paste it.';

function invalidPaste(message: string): SignInError {
  return new SignInError('paste_invalid', message);
}

/** Strips what often comes along when copying: whitespace, quotes, angle brackets. */
function tidy(pasted: string): string {
  return pasted.trim().replace(/^["'`<\s]+|["'`>\s]+$/g, '');
}

/** Parses the pasted text; an address copied without its scheme (`localhost/callback?…`) gets ours. */
function parseUrl(text: string, defaultScheme: string): URL | undefined {
  const schemeless = /^(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/?]|$)/i.test(text);
  const withScheme = schemeless ? `${defaultScheme}://${text}` : text;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

/**
 * The fallback when the browser cannot reach the callback server (e.g. https on port 443): reads
 * the authorization code from the URL the browser was redirected to, pasted by the person.
 * Checks scheme, host, port and path against the redirect URI and the state in constant time.
 * Throws SignInError `paste_invalid`, `access_denied`, `authorization_error` or `issuer_mismatch`; messages never
 * contain the pasted URL or the code.
 */
export function parsePastedCallback(pasted: string, expected: PastedCallbackExpectation): string {
  const redirect = parseLoopbackRedirectUri(expected.redirectUri);
  const text = tidy(pasted);
  const url = text === '' ? undefined : parseUrl(text, redirect.protocol);
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalidPaste(`That is not a URL. ${HOW_TO_COPY}`);
  }
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  const port = url.port === '' ? defaultPort : Number(url.port);
  const hostname = url.hostname === '[::1]' ? '::1' : url.hostname;
  const sameAddress =
    url.protocol === `${redirect.protocol}:` &&
    hostname === redirect.hostname &&
    (redirect.port === 0 || port === redirect.port) &&
    url.pathname === redirect.path;
  if (!sameAddress) {
    throw invalidPaste(
      `That URL is not the address AIRisk sends you back to (${expected.redirectUri}). ${HOW_TO_COPY}`,
    );
  }
  if (expected.state === '') {
    throw new SignInError('invalid_configuration', 'The sign-in has no state value; start the sign-in again.');
  }
  const parameters = readCallbackParameters(url.searchParams, { state: expected.state, issuer: expected.issuer, ...(expected.subject === undefined ? {} : { subject: expected.subject }) });
  switch (parameters.kind) {
    case 'wrong_state':
      throw invalidPaste('This URL belongs to a different sign-in — start again from AIRisk Token Tray.');
    case 'error':
    case 'wrong_issuer':
      throw parameters.error;
    case 'no_code':
      throw invalidPaste(
        `This URL has no authorization code: finish the sign-in on AIRisk’s page first. ${HOW_TO_COPY}`,
      );
    case 'code':
      return parameters.code;
  }
}
