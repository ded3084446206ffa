import { formatExpiration, parseExpiration } from './expiration.ts';
import type { ServerClock } from './server-clock.ts';
import { MAX_ANSWER_VALUE_LENGTH, serverText } from './server-text.ts';
import { isHeaderSafeToken } from './header-safe-token.ts';
import { SignInError } from './sign-in-error.ts';

/** What a successful token answer grants: the token, and when it expires on AIRisk's clock. */
export interface TokenAnswer {
  readonly accessToken: string;
  readonly expiration: Date;
}

/** A lifetime beyond a century is not a lifetime: the server sent junk. */
const MAX_EXPIRES_IN_SECONDS = 100 * 366 * 24 * 3600;

/**
 * Reads the JSON object of a 2xx token answer. AIRisk documents `{access_token, expiration}`;
 * RFC 6749 §5.1 servers send `{access_token, token_type, expires_in}`. `expiration` wins when both
 * are there; `expires_in` counts from AIRisk's Date (see {@link ServerClock}). A `token_type` other
 * than Bearer, and a token that expired at or before AIRisk's own time, are refused: nothing is stored.
 */
export function readTokenAnswer(answer: Record<string, unknown>, clock: ServerClock, status: number): TokenAnswer {
  const accessToken = answer.access_token;
  if (typeof accessToken !== 'string' || accessToken.length === 0) {
    throw invalidAnswer(accessToken === undefined ? 'has no access_token' : 'has an empty or non-text access_token', status);
  }
  if (!isHeaderSafeToken(accessToken)) {
    throw invalidAnswer('has an access_token with spaces or control characters, which cannot go in an Authorization header', status);
  }
  const tokenType = answer.token_type;
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.trim().toLowerCase() !== 'bearer')) {
    throw invalidAnswer(`has token_type ${shown(tokenType)}; AIRisk Token Tray can only use Bearer tokens (Authorization: Bearer …)`, status);
  }
  const expiration = readExpiration(answer, clock, status);
  if (expiration.getTime() <= clock.serverNowMs) throw alreadyExpired(expiration, clock, status);
  return { accessToken, expiration };
}

function readExpiration(answer: Record<string, unknown>, clock: ServerClock, status: number): Date {
  if (answer.expiration !== undefined) {
    const expiration = parseExpiration(answer.expiration);
    if (expiration === undefined) throw invalidAnswer(`has expiration ${shown(answer.expiration)}, not a date-time like 2025-03-31T13:12:17Z`, status);
    return expiration;
  }
  if (answer.expires_in === undefined) throw invalidAnswer('has no expiration (and no expires_in)', status);
  const seconds = parseExpiresIn(answer.expires_in);
  if (seconds === undefined) throw invalidAnswer(`has expires_in ${shown(answer.expires_in)}, not a positive whole number of seconds`, status);
  return new Date(clock.issuedAtMs + seconds * 1000);
}

/** A positive whole number of seconds, as a JSON number or (as some servers send it) a string of digits. */
function parseExpiresIn(value: unknown): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(seconds) && seconds > 0 && seconds <= MAX_EXPIRES_IN_SECONDS ? seconds : undefined;
}

function alreadyExpired(expiration: Date, clock: ServerClock, status: number): SignInError {
  const now = formatExpiration(new Date(Math.floor(clock.serverNowMs / 1000) * 1000));
  const detail =
    clock.source === 'server'
      ? `it expires at ${formatExpiration(expiration)}; AIRisk's own clock said ${now}`
      : `it expires at ${formatExpiration(expiration)}; this computer's clock said ${now}${clock.source === 'no-date' ? ' and AIRisk sent no Date' : ''}`;
  const advice = clock.warning === undefined ? ' Nothing was stored; sign in again, and tell AIRisk if this repeats.' : ` ${clock.warning} Nothing was stored; sign in again once the clock is right.`;
  return new SignInError('token_invalid_response', `AIRisk issued a token that had already expired (${detail}).${advice}`, { httpStatus: status });
}

/** A value from the answer, quoted for a message through the one sanitizer. */
function shown(value: unknown): string {
  return serverText(JSON.stringify(value) ?? String(value), MAX_ANSWER_VALUE_LENGTH);
}

/** The answer is JSON but not a usable token answer. */
export function invalidAnswer(problem: string, status: number): SignInError {
  return new SignInError('token_invalid_response', `AIRisk's answer ${problem}. Nothing was stored; check the token path in settings or contact AIRisk.`, { httpStatus: status });
}
