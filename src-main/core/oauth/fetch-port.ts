/**
 * The one HTTP call the core makes, injected so the Electron shell can pass `net.fetch`
 * (Chromium's network stack: system proxy, PAC, proxy auth) while Node and tests pass `fetch`.
 */
export interface FetchInit {
  /** POST for the token request; GET only for "Check connection" probing the sign-in page. */
  readonly method: 'POST' | 'GET';
  readonly headers: Record<string, string>;
  /** The request body; null for a GET. */
  readonly body: string | null;
  readonly signal: AbortSignal;
  readonly redirect: 'manual';
}

/** Same shape as the standard fetch, narrowed to what the token client and the connection check use. */
export type FetchPort = (url: string, init: FetchInit) => Promise<Response>;
