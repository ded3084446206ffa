/**
 * Does the sign-in page (the authorization endpoint) answer at all? One bare GET, without a query,
 * through the FetchPort (Electron's proxy-aware fetch in the app) and the one origin rule
 * (`endpointUrl`). "Check connection" and every sign-in, before its browser opens, ask it here.
 */
import { endpointUrl, type AiriskClientConfig } from './client-config.ts';
import type { FetchPort } from './fetch-port.ts';

/** How a probe of the sign-in page went. `page` is its origin and path (never a query). */
export type SignInPageProbe =
  | { readonly kind: 'answered'; readonly page: string; readonly status: number }
  | { readonly kind: 'redirected'; readonly page: string }
  | { readonly kind: 'unreachable'; readonly page: string; readonly origin: string; readonly error: unknown; readonly timedOutAfterMs: number | undefined };

/**
 * GETs the authorization endpoint of `config` (whose URLs were checked) and reads only the status:
 * any HTTP status is an answer; a network, DNS or TLS error, or no answer within `timeoutMs`, is
 * not. `signal` aborts it early (a cancelled sign-in). Never throws for the network.
 */
export async function probeSignInPage(config: Pick<AiriskClientConfig, 'baseUrl' | 'authorizePath'>, fetchPort: FetchPort, timeoutMs: number, signal?: AbortSignal): Promise<SignInPageProbe> {
  const url = endpointUrl(config.baseUrl, config.authorizePath, 'authorizePath');
  const page = `${url.origin}${url.pathname}`;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchPort(url.href, {
      method: 'GET',
      headers: { Accept: 'text/html' },
      body: null,
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      redirect: 'manual',
    });
    // Only the status matters: the body is never read.
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'answered', page, status: response.status };
  } catch (error) {
    if (causeCodes(error).includes('REDIRECT_REFUSED')) return { kind: 'redirected', page };
    return { kind: 'unreachable', page, origin: url.origin, error, timedOutAfterMs: timeout.aborted ? timeoutMs : undefined };
  }
}

/** Error codes of `error` and its causes (undici nests them; happy eyeballs aggregates them; Electron names them in the message). */
export function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  const pending: unknown[] = [error];
  for (let depth = 0; pending.length > 0 && depth < 20; depth++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    if ('code' in current && typeof current.code === 'string') codes.push(current.code);
    if (current instanceof Error) {
      const net = /net::(ERR_[A-Z0-9_]+)/.exec(current.message);
      if (net?.[1] !== undefined) codes.push(net[1]);
      pending.push(current.cause);
    }
    if (current instanceof AggregateError) pending.push(...(current.errors as unknown[]));
  }
  return codes.filter((code) => /^[A-Z][A-Z0-9_]{1,63}$/.test(code));
}

const TLS_UNTRUSTED = ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'ERR_CERT_AUTHORITY_INVALID'];
const TLS_EXPIRED = ['CERT_HAS_EXPIRED', 'ERR_CERT_DATE_INVALID'];
const TLS_NOT_YET_VALID = ['CERT_NOT_YET_VALID'];
const TLS_WRONG_HOST = ['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_CERT_COMMON_NAME_INVALID'];
const REFUSED = ['ECONNREFUSED', 'ERR_CONNECTION_REFUSED'];
const UNKNOWN_HOST = ['ENOTFOUND', 'EAI_AGAIN', 'ERR_NAME_NOT_RESOLVED'];
const TIMED_OUT = ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_TIMED_OUT', 'ERR_CONNECTION_TIMED_OUT'];

/**
 * Whether a failed probe says for certain that a browser would not reach the page either: nothing
 * listens, the host is unknown, its certificate is refused, or nothing answered within the reach
 * timeout. Anything else (a reset, a TLS handshake that wants a client certificate, an error we
 * cannot name) may be a proxy or firewall treating our quick GET unlike a browser, so the sign-in
 * goes on to the browser rather than locking the person out.
 */
export function isDefiniteReachFailure(error: unknown, timedOutAfterMs: number | undefined): boolean {
  if (timedOutAfterMs !== undefined) return true;
  const definite = [...TLS_UNTRUSTED, ...TLS_EXPIRED, ...TLS_NOT_YET_VALID, ...TLS_WRONG_HOST, ...REFUSED, ...UNKNOWN_HOST, ...TIMED_OUT];
  return causeCodes(error).some((code) => definite.includes(code));
}

/**
 * One sentence for a request to `where` (an origin, or a page's origin and path) that got no HTTP
 * answer (unreachable host, untrusted TLS), naming the cause's code; `timedOutAfterMs` when our own
 * timeout ended it.
 */
export function describeReachFailure(error: unknown, where: string, timedOutAfterMs: number | undefined): string {
  const codes = causeCodes(error);
  const has = (list: readonly string[]): string | undefined => codes.find((code) => list.includes(code));
  const tls = (why: string, code: string): string => `${where} ${why} (${code}).`;
  const untrusted = has(TLS_UNTRUSTED);
  if (untrusted !== undefined) return tls('presents a certificate this computer does not trust (self-signed or from an unknown authority): if this is really AIRisk, ask its administrator', untrusted);
  const expired = has(TLS_EXPIRED);
  if (expired !== undefined) return tls("presents an expired certificate: AIRisk's administrator must renew it, or check this computer's clock", expired);
  const early = has(TLS_NOT_YET_VALID);
  if (early !== undefined) return tls("presents a certificate that is not valid yet: check this computer's clock", early);
  const wrongHost = has(TLS_WRONG_HOST);
  if (wrongHost !== undefined) return tls('presents a certificate for another host name: check the host in the base URL', wrongHost);
  const otherTls = codes.find((code) => /^(?:ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|ERR_CERT_)/.test(code));
  if (otherTls !== undefined) return tls('could not set up a secure (TLS) connection: check the base URL’s scheme and port', otherTls);
  if (timedOutAfterMs !== undefined || has(TIMED_OUT) !== undefined) {
    return `No answer from ${where} within ${timedOutAfterMs === undefined ? 'the time allowed' : `${Math.round(timedOutAfterMs / 100) / 10} s`}: check the base URL and your network or proxy.`;
  }
  const refused = has(REFUSED);
  if (refused !== undefined) return `Nothing answers at ${where} (${refused}): check the base URL and that AIRisk is running.`;
  const unknown = has(UNKNOWN_HOST);
  if (unknown !== undefined) return `The host of ${where} is not known (${unknown}): check the base URL and your network or proxy.`;
  const first = codes.find((code) => code !== 'REDIRECT_REFUSED');
  return `Could not reach ${where}${first === undefined ? '' : ` (${first})`}: check the base URL and your network or proxy.`;
}
