import { endpointUrl, type AiriskClientConfig } from './client-config.ts';
import { parseExpiration } from './expiration.ts';
import type { FetchPort } from './fetch-port.ts';
import { SignInError } from './sign-in-error.ts';

/** One code exchange at `POST {base}/api/oauth2/Token`, exactly as the AIRisk page documents it. */
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
  /** AIRisk's `Date` header, when it sent a usable one. */
  readonly serverDate: Date | undefined;
  /** Server clock minus local clock in ms (0 when the server sent no Date), for expiry on AIRisk's clock. */
  readonly clockSkewMs: number;
}

export const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
/** Characters that may stand in `Authorization: Bearer <token>` (RFC 6750 b64token is stricter; stay lenient but header-safe). */
const HEADER_SAFE_TOKEN = /^[\x21-\x7E]+$/;

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
    return interpretAnswer(response, text, sentAt, receivedAt);
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

function interpretAnswer(response: Response, text: string, sentAt: number, receivedAt: number): IssuedToken {
  const status = response.status;
  const contentType = (response.headers.get('content-type') ?? 'no content type').split(';')[0]?.trim() ?? '';
  const json = parseJson(text);

  if (status < 200 || status > 299) {
    const oauthError = readOAuthError(json);
    if (oauthError !== undefined) throw rejection(oauthError.error, oauthError.description, status);
    const location = status >= 300 && status < 400 ? ` redirecting to ${response.headers.get('location') ?? 'nowhere'}` : '';
    throw new SignInError(
      'token_http_error',
      `AIRisk returned HTTP ${status} (${contentType})${location}, not a token. ${status >= 500 ? 'AIRisk may be having trouble; try again in a moment.' : 'Check the base URL and token path in settings.'}`,
      { httpStatus: status },
    );
  }
  if (json === undefined) {
    throw new SignInError('token_not_json', `AIRisk returned HTTP ${status} (${contentType}), not JSON. Check the base URL and token path in settings.`, { httpStatus: status });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalid('is JSON but not an object', status);
  }
  const answer = json as Record<string, unknown>;
  const accessToken = answer.access_token;
  if (typeof accessToken !== 'string' || accessToken.length === 0) {
    throw invalid(accessToken === undefined ? 'has no access_token' : 'has an empty or non-text access_token', status);
  }
  if (!HEADER_SAFE_TOKEN.test(accessToken)) {
    throw invalid('has an access_token with spaces or control characters, which cannot go in an Authorization header', status);
  }
  const expiration = parseExpiration(answer.expiration);
  if (expiration === undefined) {
    const shown = answer.expiration === undefined ? 'no expiration' : `expiration ${JSON.stringify(answer.expiration).slice(0, 40)}, not a date-time like 2025-03-31T13:12:17Z`;
    throw invalid(`has ${shown}`, status);
  }
  const serverDate = parseHttpDate(response.headers.get('date'));
  const midpoint = (sentAt + receivedAt) / 2;
  return {
    accessToken,
    expiration,
    obtainedAt: new Date(receivedAt),
    serverDate,
    clockSkewMs: serverDate === undefined ? 0 : Math.round(serverDate.getTime() - midpoint),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readOAuthError(json: unknown): { error: string; description: string | undefined } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { error, error_description: description } = json as Record<string, unknown>;
  if (typeof error !== 'string' || error.length === 0) return undefined;
  return { error: clean(error, 60), description: typeof description === 'string' ? clean(description, 300) : undefined };
}

function rejection(error: string, description: string | undefined, status: number): SignInError {
  const reason = description === undefined || description === '' ? '' : ` — ${description.replace(/\.+$/, '')}`;
  const advice =
    error === 'invalid_client'
      ? ' Check the client id and client secret in settings.'
      : error === 'invalid_grant'
        ? ' The code was used, expired or does not match this sign-in; sign in again.'
        : '';
  const what = error === 'invalid_client' ? 'the client credentials' : 'the code';
  return new SignInError('token_rejected', `AIRisk rejected ${what}: ${error}${reason}.${advice}`, {
    oauthError: error,
    httpStatus: status,
  });
}

function invalid(problem: string, status: number): SignInError {
  return new SignInError('token_invalid_response', `AIRisk's answer ${problem}. Nothing was stored; check the token path in settings or contact AIRisk.`, { httpStatus: status });
}

/** Keeps server-provided text printable and short: it ends up in messages a person reads. */
function clean(text: string, max: number): string {
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return printable.length > max ? `${printable.slice(0, max - 1)}…` : printable;
}

function parseHttpDate(value: string | null): Date | undefined {
  if (value === null) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function describeNetworkCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  return code === undefined ? '' : ` (${code})`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
