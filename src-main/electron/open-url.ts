import { shell } from 'electron';
import { isOpenableAuthorizationUrl, type ExpectedAuthorizationEndpoint } from '../core/oauth/external-url-policy.ts';

/**
 * The service's `openUrl`: hands the authorization URL to the system browser, but only when it is
 * the configured AIRisk authorization endpoint (`isOpenableAuthorizationUrl`); anything else is
 * refused with an error and never reaches `shell.openExternal`.
 */
export function createOpenUrl(expected: () => Promise<ExpectedAuthorizationEndpoint>): (url: string) => Promise<void> {
  return async (url) => {
    if (!isOpenableAuthorizationUrl(url, await expected())) {
      throw new Error('Refusing to open an address that is not the configured AIRisk sign-in page.');
    }
    await shell.openExternal(url, { activate: true });
  };
}
