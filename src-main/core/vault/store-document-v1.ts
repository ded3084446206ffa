import { defaultLabel } from './account-label.ts';
import type { StoredAccount } from './store-document-schema.ts';
import { invalidDocument } from './store-document-error.ts';
import { readEncryptedSecret, readIsoTime, readUserid } from './store-readers.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/*
 * Store schema version 1 (pre-release builds), kept only to migrate it:
 *   {
 *     "schemaVersion": 1,
 *     "tokens": { "<userid, or \"\" for the generic token>": {
 *         "expiration": ISO, "obtainedAt": ISO, "lastUsedAt": ISO | null,
 *         "token": { "ciphertext", "backend" } | null } },
 *     "active": "<a key of tokens>" | null,
 *     "settings": StoredSettings (optional)
 *   }
 * Version 1 had no account ids, no labels and no clock skew.
 */

/**
 * Version 1 → 2: each token becomes an account with a fresh random id, the default label (its
 * userid, or "Generic") and a clock skew of 0 (unknown, so AIRisk's clock is assumed to agree with
 * ours); `active` becomes the matching account id. Settings are carried over unchanged.
 */
export function migrateV1ToV2(raw: Record<string, unknown>, newId: () => string): Record<string, unknown> {
  if (!isJsonObject(raw.tokens)) throw invalidDocument('tokens (schema version 1) is not an object');
  const idsByKey = new Map<string, string>();
  const accounts: Omit<StoredAccount, 'connectionId'>[] = Object.entries(raw.tokens).map(([key, entry]) => {
    const path = `tokens[${JSON.stringify(key)}]`;
    if (!isJsonObject(entry)) throw invalidDocument(`${path} is not an object`);
    const userid = key === '' ? null : readUserid(key, `the key of ${path}`);
    const id = newId();
    idsByKey.set(key, id);
    return {
      id,
      userid,
      label: defaultLabel(userid),
      expiration: readIsoTime(entry.expiration, `${path}.expiration`),
      obtainedAt: readIsoTime(entry.obtainedAt, `${path}.obtainedAt`),
      clockSkewMs: 0,
      lastUsedAt: entry.lastUsedAt === null ? null : readIsoTime(entry.lastUsedAt, `${path}.lastUsedAt`),
      token: readEncryptedSecret(entry.token, `${path}.token`),
    };
  });
  const active = raw.active ?? null;
  if (active !== null && typeof active !== 'string') throw invalidDocument('active (schema version 1) is neither text nor null');
  return {
    schemaVersion: 2,
    accounts,
    activeAccountId: active === null ? null : (idsByKey.get(active) ?? null),
    settings: raw.settings,
  };
}
