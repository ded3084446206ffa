import type { IncomingMessage } from 'node:http';
import { callbackPages } from './callback-pages.ts';
import type { CallbackPage } from './callback-pages.ts';
import { readCallbackParameters } from './callback-parameters.ts';
import type { CallbackExpectation, CallbackParameters } from './callback-parameters.ts';
import { LOOPBACK_HOST_NAMES } from './transport-rule.ts';

/** What a request to the callback server must match, known once the server listens. */
export interface CallbackRouting {
  /** Host headers that name this server (DNS-rebinding defence). */
  readonly allowedHosts: ReadonlySet<string>;
  /** The redirect URI's path, e.g. `/callback`. */
  readonly path: string;
  /** The state and issuer the callback must carry. */
  readonly expected: CallbackExpectation;
}

/** How to answer one request: a page right away, or the callback's parameters for the sign-in. */
export type CallbackRoute =
  | { readonly kind: 'page'; readonly page: CallbackPage; readonly headers?: Record<string, string> }
  | { readonly kind: 'callback'; readonly parameters: CallbackParameters };

/** The Host header values that name this server on `port`: loopback names, with the port (or without it on the scheme default). */
export function allowedHostHeaders(protocol: 'http' | 'https', port: number): ReadonlySet<string> {
  const defaultPort = protocol === 'https' ? 443 : 80;
  return new Set(
    LOOPBACK_HOST_NAMES.flatMap((name) => (port === defaultPort ? [`${name}:${port}`, name] : [`${name}:${port}`])),
  );
}

function page(value: CallbackPage, headers?: Record<string, string>): CallbackRoute {
  return headers === undefined ? { kind: 'page', page: value } : { kind: 'page', page: value, headers };
}

/**
 * Checks one request in order — Host header, target, path, method — and reads the callback
 * parameters of a GET on the redirect path. `routing` is undefined until the server listens, when
 * nobody can have been sent here yet.
 */
export function routeCallbackRequest(request: IncomingMessage, routing: CallbackRouting | undefined): CallbackRoute {
  if (routing === undefined) return page(callbackPages.notReady());
  const host = request.headers.host;
  if (host === undefined || !routing.allowedHosts.has(host.toLowerCase())) return page(callbackPages.badHost());
  const target = request.url ?? '';
  if (!target.startsWith('/')) return page(callbackPages.badRequest());
  let url: URL;
  try {
    url = new URL(`http://loopback${target}`);
  } catch {
    return page(callbackPages.badRequest());
  }
  if (url.pathname !== routing.path) return page(callbackPages.notFound());
  if (request.method !== 'GET') return page(callbackPages.methodNotAllowed(), { Allow: 'GET' });
  return { kind: 'callback', parameters: readCallbackParameters(url.searchParams, routing.expected) };
}
