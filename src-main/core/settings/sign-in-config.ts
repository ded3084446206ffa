import type { AiriskClientConfig } from '../oauth/client-config.ts';
import type { ConnectionFields } from './stored-settings.ts';

/**
 * The client configuration a sign-in (or a connection check) uses, from a connection's fields and its decrypted secret. The
 * optional standard-OAuth settings stored as '' (unset) are left out, so no empty scope is sent and
 * no empty issuer is expected.
 */
export function signInConfig(settings: ConnectionFields, clientSecret: string): AiriskClientConfig {
  return {
    baseUrl: settings.baseUrl,
    authorizePath: settings.authorizePath,
    tokenPath: settings.tokenPath,
    clientId: settings.clientId,
    clientSecret,
    redirectUri: settings.redirectUri,
    bodyEncoding: settings.bodyEncoding,
    ...(settings.scope === '' ? {} : { scope: settings.scope }),
    ...(settings.issuer === '' ? {} : { issuer: settings.issuer }),
  };
}
