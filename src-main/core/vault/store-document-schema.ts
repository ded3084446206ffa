import type { EncryptedSecret, StoredConnection, StoredSettings } from '../settings/stored-settings.ts';

/*
 * The shape of the store document, apart from the code that reads, migrates and validates it, so
 * that code (store-document.ts, validate-store-document.ts, store-document-v1.ts) imports it without
 * importing each other.
 */

/**
 * The schema version this build writes. History:
 * - 1 (pre-release): `tokens` keyed by userid (`""` = generic), no ids, labels or clock skew,
 *   `activeUserid` instead of an account id (see store-document-v1.ts).
 * - 2: `accounts` as a list with stable random ids and user-editable labels, `activeAccountId`, one configuration in `settings` (see store-document-v2.ts).
 * - 3: `connections` (each with its own sealed client secret), every account belongs to one by
 *   `connectionId`, (connectionId, userid) unique; `settings` holds only app-wide settings.
 */
export const STORE_SCHEMA_VERSION = 3;

/** One token holder as persisted. `token` is null when the token is kept in memory only (or gone). */
export type StoredAccount = {
  readonly id: string;
  /** The connection the token came from (and is only ever renewed at). */
  readonly connectionId: string;
  /** null = the generic account. */
  readonly userid: string | null;
  readonly label: string;
  /** ISO 8601, as AIRisk sent it (normalised to UTC). */
  readonly expiration: string;
  readonly obtainedAt: string;
  /** Server clock minus local clock (ms), measured when the token was obtained. */
  readonly clockSkewMs: number;
  readonly lastUsedAt: string | null;
  readonly token: EncryptedSecret | null;
};

/** The whole store file, schema version 3. A type alias (not an interface) so it is a plain JSON record for `conf`. */
export type StoreDocument = {
  readonly schemaVersion: typeof STORE_SCHEMA_VERSION;
  /** In creation order (the order Settings lists them). */
  readonly connections: readonly StoredConnection[];
  /** In creation order; display order is computed (see account-order.ts). */
  readonly accounts: readonly StoredAccount[];
  readonly activeAccountId: string | null;
  readonly settings: StoredSettings;
};
