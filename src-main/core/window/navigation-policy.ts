import { hasOrigin } from './app-origin.ts';

/**
 * Whether the window may navigate (or be redirected) to `url`: only within our own app origin.
 * Everything else — http(s), file:, data:, javascript:, another custom scheme — is refused; links
 * to the outside world never open inside the window (sign-in opens the system browser instead).
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  return hasOrigin(url, appOrigin);
}
