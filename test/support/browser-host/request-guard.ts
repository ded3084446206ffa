/**
 * Who may talk to the browser host: the browser that opened the printed URL, on this machine,
 * through the host's own origin. Everything else is refused before any routing happens.
 *
 * - A foreign `Host` header (DNS rebinding: evil.example resolving to 127.0.0.1) → 403.
 * - A foreign `Origin` header (a page elsewhere posting to us, CSRF) → 403.
 * - The printed URL carries the per-run key once as `?key=…`: the host answers that page load with
 *   an `HttpOnly; SameSite=Strict; Path=/` cookie holding the key and a 302 to the clean URL.
 * - Every other request (pages, assets, `/__airisk/*`) must carry that cookie → else 401.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What to do with a request. */
export type GuardDecision =
  | { readonly kind: 'allow' }
  | { readonly kind: 'refuse'; readonly status: 401 | 403; readonly message: string }
  /** The key was presented in the URL: set the cookie and redirect to the clean `location`. */
  | { readonly kind: 'enter'; readonly location: string; readonly setCookie: string };

/** The request checks of one running host. */
export interface RequestGuard {
  /** The per-run secret (256 bits, base64url). */
  readonly key: string;
  /** The cookie that carries the key; named per port, since cookies ignore ports. */
  readonly cookieName: string;
  /** The origins a browser may show for this host: `http://127.0.0.1:PORT`, `http://localhost:PORT`. */
  readonly origins: readonly string[];
  check(req: IncomingMessage): GuardDecision;
}

/** Prefix of the bridge's own endpoints; the key is never accepted in their URLs. */
export const BRIDGE_PREFIX = '/__airisk/';

/** A guard for the host listening on 127.0.0.1:`port`, with a fresh random key unless one is given. */
export function createRequestGuard(port: number, key: string = randomBytes(32).toString('base64url')): RequestGuard {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = hosts.map((host) => `http://${host}`);
  const cookieName = `airisk_host_${port}`;

  return {
    key,
    cookieName,
    origins,
    check(req) {
      const host = (req.headers.host ?? '').toLowerCase();
      if (!hosts.includes(host)) return { kind: 'refuse', status: 403, message: 'Unknown Host: open the browser host at 127.0.0.1 or localhost.' };
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return { kind: 'refuse', status: 403, message: 'Requests from other origins are refused.' };

      const target = req.url ?? '/';
      const queryStart = target.indexOf('?');
      const path = queryStart === -1 ? target : target.slice(0, queryStart);
      const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
      const presented = query.get('key');
      if (presented !== null && req.method === 'GET' && !path.startsWith(BRIDGE_PREFIX)) {
        if (!sameSecret(presented, key)) return { kind: 'refuse', status: 401, message: 'That key is not this run\'s: open the URL the browser host printed.' };
        query.delete('key');
        const rest = query.toString();
        // Never a redirect off the host: `//evil.example` or `/\\evil.example` would be read as another host.
        const local = /^\/(?![/\\])[^\\]*$/.test(path) ? path : '/';
        return {
          kind: 'enter',
          location: rest === '' ? local : `${local}?${rest}`,
          setCookie: `${cookieName}=${key}; HttpOnly; SameSite=Strict; Path=/`,
        };
      }
      const cookie = readCookie(req.headers.cookie, cookieName);
      if (cookie === undefined || !sameSecret(cookie, key)) {
        return { kind: 'refuse', status: 401, message: 'Open the URL the browser host printed (it carries ?key=…) in this browser first.' };
      }
      return { kind: 'allow' };
    },
  };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
