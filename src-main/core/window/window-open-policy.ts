import { messageOf } from '../../shared/message-of.ts';
import { isOpenableAuthorizationUrl, type ExpectedAuthorizationEndpoint } from '../oauth/external-url-policy.ts';

/** The one answer the window gives `window.open` and `target=_blank` links: no window of ours. */
export const DENY_NEW_WINDOW = { action: 'deny' } as const;

/**
 * The app's `openUrl`: hands a URL to the system browser (`openExternal`) only when it is the
 * configured AIRisk authorization endpoint (`isOpenableAuthorizationUrl`); anything else is refused
 * with an error and never reaches `openExternal`. The service's sign-in and the window's
 * "Open the sign-in page" link both go through it.
 */
export function authorizationUrlOpener(expected: () => Promise<ExpectedAuthorizationEndpoint>, openExternal: (url: string) => Promise<void>): (url: string) => Promise<void> {
  return async (url) => {
    if (!isOpenableAuthorizationUrl(url, await expected())) {
      throw new Error('Refusing to open an address that is not the configured AIRisk sign-in page.');
    }
    await openExternal(url);
  };
}

/**
 * The window-open handler of every web contents: always denies the new window, and hands the URL
 * to `openUrl` (the allowlisted opener above), so the sign-in link opens in the system browser and
 * everything else stays closed. `onRefused` hears why a URL was not opened, without the URL (an
 * authorization URL carries the sign-in's state).
 */
export function windowOpenHandler(openUrl: (url: string) => Promise<void>, onRefused: (reason: string) => void): (details: { readonly url: string }) => typeof DENY_NEW_WINDOW {
  return (details) => {
    openUrl(details.url).catch((error: unknown) => onRefused(messageOf(error)));
    return DENY_NEW_WINDOW;
  };
}
