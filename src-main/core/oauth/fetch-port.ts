/**
 * The one HTTP call the core makes, injected so the Electron shell can pass `net.fetch`
 * (Chromium's network stack: system proxy, PAC, proxy auth) while Node and tests pass `fetch`.
 */
export interface FetchInit {
  readonly method: 'POST';
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly signal: AbortSignal;
  readonly redirect: 'manual';
}

/** Same shape as the standard fetch, narrowed to what the token client uses. */
export type FetchPort = (url: string, init: FetchInit) => Promise<Response>;
