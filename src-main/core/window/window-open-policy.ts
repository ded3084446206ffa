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
 * through it, also when the window asks to reopen it (`openSignInPage`).
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
 * The opener of new-window requests (`window.open`, `target=_blank` links): none opens anything.
 * The window has no sign-in URL to offer (it reopens the sign-in page through the contract's
 * `openSignInPage`, which uses the service's own `openUrl`), so a URL asked for here is not ours.
 */
export async function refuseNewWindowUrl(): Promise<void> {
  throw new Error('The window opens no addresses itself; the sign-in page opens through “Open the sign-in page again”.');
}

/**
 * The window-open handler of every web contents: always denies the new window, and hands the URL
 * to `openUrl` (main.ts gives it {@link refuseNewWindowUrl}), so nothing opens from the window. `onRefused` hears why a URL was not opened,
 * without the URL (an authorization URL carries the sign-in's state).
 */
export function windowOpenHandler(openUrl: (url: string) => Promise<void>, onRefused: (reason: string) => void): (details: { readonly url: string }) => typeof DENY_NEW_WINDOW {
  return (details) => {
    openUrl(details.url).catch((error: unknown) => onRefused(messageOf(error)));
    return DENY_NEW_WINDOW;
  };
}
