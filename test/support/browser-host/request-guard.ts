/**
 * Who may talk to the browser host: the page that was handed the per-run key, on this machine,
 * through the host's own origin. Everything else is refused before any routing happens.
 *
 * - A foreign `Host` header (DNS rebinding: evil.example resolving to 127.0.0.1) → 403.
 * - A foreign `Origin` header (a page elsewhere posting to us, CSRF) → 403.
 * - The bridge's calls and event stream (`/__airisk/call/*`, `/__airisk/events`) must carry the key
 *   in the `X-AIRisk-Host-Key` header → else 401. The printed URL hands the key to the page in its
 *   fragment (`/#key=…`), which browsers never send to a server; bridge.js keeps it in the tab's
 *   sessionStorage (per origin, so per port) and sends it as that header on every call.
 * - No cookie, ever: cookies ignore ports, so any other server on 127.0.0.1 would receive one.
 * - Pages, assets and bridge.js are the public renderer build: served to any request that passes
 *   the Host and Origin checks. They hold no key and no state; the calls and events do.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pathOf } from '../../../src-main/shared/request-path.ts';

/** What to do with a request. */
export type GuardDecision = { readonly kind: 'allow' } | { readonly kind: 'refuse'; readonly status: 401 | 403; readonly message: string };

/** The request checks of one running host. */
export interface RequestGuard {
  /** The per-run secret (256 bits, base64url). */
  readonly key: string;
  /** The origins a browser may show for this host: `http://127.0.0.1:PORT`, `http://localhost:PORT`. */
  readonly origins: readonly string[];
  check(req: IncomingMessage): GuardDecision;
}

/** Prefix of the bridge's own endpoints. */
export const BRIDGE_PREFIX = '/__airisk/';

/** The request header bridge.js sends the key in. */
export const HOST_KEY_HEADER = 'X-AIRisk-Host-Key';

/** The bridge endpoints that need the key: the calls and the event stream (bridge.js itself is public). */
function needsHostKey(path: string): boolean {
  return path.startsWith(`${BRIDGE_PREFIX}call/`) || path === `${BRIDGE_PREFIX}events`;
}

/** A guard for the host listening on 127.0.0.1:`port`, with a fresh random key unless one is given. */
export function createRequestGuard(port: number, key: string = randomBytes(32).toString('base64url')): RequestGuard {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = hosts.map((host) => `http://${host}`);
  return {
    key,
    origins,
    check(req) {
      const host = (req.headers.host ?? '').toLowerCase();
      if (!hosts.includes(host)) return { kind: 'refuse', status: 403, message: 'Unknown Host: open the browser host at 127.0.0.1 or localhost.' };
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return { kind: 'refuse', status: 403, message: 'Requests from other origins are refused.' };
      if (!needsHostKey(pathOf(req.url))) return { kind: 'allow' };
      const presented = req.headers[HOST_KEY_HEADER.toLowerCase()];
      if (typeof presented !== 'string' || !sameSecret(presented, key)) {
        return { kind: 'refuse', status: 401, message: `Open the URL the browser host printed (it carries #key=…) in this tab: calls need its key in ${HOST_KEY_HEADER}.` };
      }
      return { kind: 'allow' };
    },
  };
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request target's path, without its query or fragment (the app's one rule). */
export { pathOf };
