import type { AppState } from '../../contract.ts';
import { messageOf } from '../../shared/message-of.ts';
import { isOpenableAuthorizationUrl, type ExpectedAuthorizationEndpoint } from '../oauth/external-url-policy.ts';
import { isReleasePageUrl } from '../update/release-page.ts';

/** The one answer the window gives `window.open` and `target=_blank` links: no window of ours. */
export const DENY_NEW_WINDOW = { action: 'deny' } as const;

/**
 * The app's `openUrl`: hands a URL to the system browser (`openExternal`) only when it is the
 * configured AIRisk authorization endpoint (`isOpenableAuthorizationUrl`) or one of the app's own
 * release pages (`isReleasePageUrl`, the tray's "open download page"); anything else is refused
 * with an error and never reaches `openExternal`. The service's sign-in opens the URL it built
 * through it; the window's link goes through {@link pendingSignInPageOpener} first.
 */
export function authorizationUrlOpener(expected: () => Promise<ExpectedAuthorizationEndpoint>, openExternal: (url: string) => Promise<void>): (url: string) => Promise<void> {
  return async (url) => {
    if (!isReleasePageUrl(url) && !isOpenableAuthorizationUrl(url, await expected())) {
      throw new Error('Refusing to open an address that is not the configured AIRisk sign-in page.');
    }
    await openExternal(url);
  };
}

/**
 * The endpoint {@link authorizationUrlOpener} allows, read from the service at the time of the call:
 * the service may still be starting (the opener exists before it), or have no connection.
 */
export function expectedEndpointOf(service: () => { authorizationEndpoint(): ExpectedAuthorizationEndpoint | undefined } | undefined): () => Promise<ExpectedAuthorizationEndpoint> {
  return async () => {
    const current = service();
    if (current === undefined) throw new Error('The app is still starting.');
    const endpoint = current.authorizationEndpoint();
    if (endpoint === undefined) throw new Error('There is no connection to open a sign-in page for.');
    return endpoint;
  };
}

/**
 * The authorization URL of the sign-in under way, while the window offers it as "Open the sign-in
 * page" (before the code exchange), or null.
 */
export function pendingAuthorizationUrl(state: AppState | null): string | null {
  const signIn = state?.signIn ?? null;
  return signIn === null || signIn.stage === 'exchanging_code' ? null : signIn.authorizationUrl;
}

/**
 * The opener of new-window requests (the window's "Open the sign-in page" link): only the exact
 * authorization URL the service built for the sign-in pending now — same endpoint with another
 * query (client_id, redirect_uri, state) is refused, and with no sign-in under way nothing opens —
 * then through `openUrl`, the allowlist. A renderer cannot make the browser open a sign-in of its own.
 */
export function pendingSignInPageOpener(state: () => Promise<AppState | null>, openUrl: (url: string) => Promise<void>): (url: string) => Promise<void> {
  return async (url) => {
    const pending = pendingAuthorizationUrl(await state());
    if (pending === null) throw new Error('No sign-in is under way, so there is no sign-in page to open.');
    if (!sameUrl(url, pending)) throw new Error('Refusing to open an address that is not the sign-in page of the sign-in under way.');
    await openUrl(pending);
  };
}

/** Whether two URLs are the same address once parsed (Chromium hands the link back normalized). */
function sameUrl(candidate: string, expected: string): boolean {
  try {
    return new URL(candidate).href === new URL(expected).href;
  } catch {
    return false;
  }
}

/**
 * The window-open handler of every web contents: always denies the new window, and hands the URL
 * to `openUrl` (main.ts gives it {@link pendingSignInPageOpener}), so the sign-in link opens in the
 * system browser and everything else stays closed. `onRefused` hears why a URL was not opened,
 * without the URL (an authorization URL carries the sign-in's state).
 */
export function windowOpenHandler(openUrl: (url: string) => Promise<void>, onRefused: (reason: string) => void): (details: { readonly url: string }) => typeof DENY_NEW_WINDOW {
  return (details) => {
    openUrl(details.url).catch((error: unknown) => onRefused(messageOf(error)));
    return DENY_NEW_WINDOW;
  };
}
