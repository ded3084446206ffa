import { endpointUrl, type AiriskClientConfig, type TokenBodyEncoding } from './client-config.ts';
import type { FetchPort } from './fetch-port.ts';
import { readServerClock } from './server-clock.ts';
import { serverContentType } from './server-text.ts';
import { SignInError } from './sign-in-error.ts';
import { invalidAnswer, readTokenAnswer } from './token-answer.ts';
import { tokenRefusalError } from './token-refusal.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/**
 * One code exchange at `POST {base}/api/oauth2/Token`, as the AIRisk page documents it plus the
 * `grant_type=authorization_code` RFC 6749 §4.1.3 requires (servers ignore parameters they do not know).
 */
export interface TokenExchange {
  readonly config: Pick<AiriskClientConfig, 'baseUrl' | 'tokenPath' | 'clientId' | 'clientSecret' | 'bodyEncoding'>;
  /** Must be byte for byte the redirect URI sent in the authorization request. */
  readonly redirectUri: string;
  readonly code: string;
  readonly codeVerifier?: string;
  /** The same userid as in the authorization request, for a user-specific token. */
  readonly userid?: string;
}

export interface TokenClientOptions {
  readonly fetch?: FetchPort;
  /** Whole exchange, body included. Default 30 s. */
  readonly timeoutMs?: number;
  /** Larger answers are cut off and refused. Default 64 KiB; a JWT is a few kB. */
  readonly maxResponseBytes?: number;
  readonly now?: () => number;
  /** Aborting it ends the exchange with a `cancelled` error. */
  readonly signal?: AbortSignal;
}

/** A token as AIRisk issued it, plus what we measured while receiving it. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly expiration: Date;
  /** Local clock when the answer arrived. */
  readonly obtainedAt: Date;
  /** AIRisk's `Date` header, when it sent a usable one within a day of the local clock. */
  readonly serverDate: Date | undefined;
  /** Server clock minus local clock in ms (0 without a usable, plausible Date), for expiry on AIRisk's clock. */
  readonly clockSkewMs: number;
  /** Set when AIRisk's Date was ignored as implausible: tell the person to check the system clock. */
  readonly clockWarning: string | undefined;
}

export const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

/** Exchanges an authorization code for a token, validating the answer strictly. Throws SignInError. */
export async function exchangeCode(exchange: TokenExchange, options: TokenClientOptions = {}): Promise<IssuedToken> {
  const fetchPort = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS;
  const url = endpointUrl(exchange.config.baseUrl, exchange.config.tokenPath, 'tokenPath');
  const { contentType, body } = encodeBody(exchange);

  // One controller aborted by the timeout or the caller; cheaper than AbortSignal.any on this hot path.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  if (options.signal?.aborted === true) controller.abort();
  const signal = controller.signal;
  const sentAt = now();
  try {
    const response = await fetchPort(url.href, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Accept: 'application/json' },
      body,
      signal,
      redirect: 'manual',
    });
    const text = await readCapped(response, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    const receivedAt = now();
    return interpretAnswer(response, text, url, exchange.config.bodyEncoding, sentAt, receivedAt);
  } catch (error) {
    if (error instanceof SignInError) throw error;
    if (options.signal?.aborted === true) throw new SignInError('cancelled', 'The sign-in was cancelled.');
    if (timedOut) {
      throw new SignInError(
        'token_timeout',
        `No answer from AIRisk within ${formatSeconds(timeoutMs)} (POST ${url.origin}${url.pathname}). Check your network or proxy and sign in again.`,
      );
    }
    throw new SignInError(
      'token_network',
      `Could not reach AIRisk at ${url.origin}${describeNetworkCause(error)}. Check the base URL in settings and your network or proxy, then sign in again.`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}

function encodeBody(exchange: TokenExchange): { contentType: string; body: string } {
  const fields: Record<string, string> = {
    grant_type: 'authorization_code',
    client_id: exchange.config.clientId,
    client_secret: exchange.config.clientSecret,
    redirect_uri: exchange.redirectUri,
    code: exchange.code,
  };
  if (exchange.userid !== undefined) fields.userid = exchange.userid;
  if (exchange.codeVerifier !== undefined) fields.code_verifier = exchange.codeVerifier;
  if (exchange.config.bodyEncoding === 'json') {
    return { contentType: 'application/json', body: JSON.stringify(fields) };
  }
  return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() };
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return '';
  // A declared length within the cap is read in one go; otherwise count bytes as they stream in.
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isInteger(declared) && declared >= 0 && declared <= maxBytes) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength <= maxBytes) return new TextDecoder().decode(bytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new SignInError(
        'token_response_too_large',
        `AIRisk's answer to the token request is larger than ${Math.round(maxBytes / 1024)} KiB; refusing it. Check the base URL and token path in settings.`,
        { httpStatus: response.status },
      );
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function interpretAnswer(response: Response, text: string, url: URL, encoding: TokenBodyEncoding, sentAt: number, receivedAt: number): IssuedToken {
  const status = response.status;
  const json = parseJson(text);
  if (status < 200 || status > 299) {
    throw tokenRefusalError({
      status,
      contentType: response.headers.get('content-type'),
      location: response.headers.get('location'),
      url: url.href,
      oauthError: isJsonObject(json) ? { error: json.error, description: json.error_description } : undefined,
      encoding,
    });
  }
  if (json === undefined) {
    const contentType = serverContentType(response.headers.get('content-type'));
    throw new SignInError('token_not_json', `AIRisk returned HTTP ${status} (${contentType}), not JSON. Check the base URL and token path in settings.`, { httpStatus: status });
  }
  if (!isJsonObject(json)) throw invalidAnswer('is JSON but not an object', status);
  const clock = readServerClock(response.headers.get('date'), sentAt, receivedAt);
  const { accessToken, expiration } = readTokenAnswer(json, clock, status);
  return {
    accessToken,
    expiration,
    obtainedAt: new Date(receivedAt),
    serverDate: clock.serverDate,
    clockSkewMs: clock.clockSkewMs,
    clockWarning: clock.warning,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeNetworkCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  return code === undefined ? '' : ` (${code})`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
