import { DEFAULT_CONNECTION_NAME } from '../settings/stored-settings.ts';
import { readClientSecretField, readConnectionFields } from './read-store-connection.ts';
import { invalidDocument } from './store-document-error.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/*
 * Store schema version 2, kept only to migrate it:
 *   {
 *     "schemaVersion": 2,
 *     "accounts": [{ "id", "userid", "label", "expiration", "obtainedAt", "clockSkewMs", "lastUsedAt", "token" }],
 *     "activeAccountId": "<an account id>" | null,
 *     "settings": { "baseUrl", "authorizePath", "tokenPath", "clientId", "clientSecret", "redirectUri",
 *                   "bodyEncoding", "scope", "issuer",   ← the one configuration
 *                   "expiryLeadSeconds", "clipboardClearSeconds", "startAtLogin", "startHidden",
 *                   "allowWeakEncryption" }   ← app-wide
 *   }
 * test/fixtures/store-v2.json is a file the version-2 code wrote.
 */

const APP_WIDE_KEYS = ['expiryLeadSeconds', 'clipboardClearSeconds', 'startAtLogin', 'startHidden', 'allowWeakEncryption'] as const;

/**
 * Version 2 → 3: the one configuration becomes one connection named "AIRisk" (a fresh id; its
 * sealed client secret kept as is, as it is bound to its origin already), every account gets that
 * connection's id, and `settings` keeps the app-wide settings. Accounts, labels, tokens, the active
 * account and last use are carried over untouched (the v3 validation then checks them).
 */
export function migrateV2ToV3(raw: Record<string, unknown>, newId: () => string): Record<string, unknown> {
  const settings = raw.settings ?? {};
  if (!isJsonObject(settings)) throw invalidDocument('settings (schema version 2) is not an object');
  if (!Array.isArray(raw.accounts)) throw invalidDocument('accounts (schema version 2) is not a list');
  const connection = {
    id: newId(),
    ...readConnectionFields(settings, 'settings', DEFAULT_CONNECTION_NAME),
    clientSecret: readClientSecretField(settings, 'settings'),
  };
  const accounts = raw.accounts.map((account: unknown, index) => {
    if (!isJsonObject(account)) throw invalidDocument(`accounts[${index}] is not an object`);
    return { ...account, connectionId: connection.id };
  });
  const appWide = Object.fromEntries(APP_WIDE_KEYS.filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]]));
  return { schemaVersion: 3, connections: [connection], accounts, activeAccountId: raw.activeAccountId ?? null, settings: appWide };
}
