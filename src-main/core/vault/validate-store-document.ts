import type { TokenBodyEncoding } from '../oauth/client-config.ts';
import { DEFAULT_SETTINGS, type StoredSettings } from '../settings/stored-settings.ts';
import { labelProblem } from './account-label.ts';
import { sensibleActiveAccountId } from './account-order.ts';
import type { StoreDocument, StoredAccount } from './store-document-schema.ts';
import { invalidDocument } from './store-document-error.ts';
import { isRecord, readEncryptedSecret, readIsoTime, readUserid } from './store-readers.ts';

/*
 * Strict runtime validation of the current store document (schema version 2). Rules:
 * - wrong types, malformed times, bad labels, duplicate account ids and two accounts for the same
 *   userid (or two generic ones) are rejected: the file is then moved aside, never guessed at;
 * - an `activeAccountId` that points nowhere (or is null/missing while accounts exist) is repaired to
 *   the sensible choice (generic account, else the first in display order) and reported in `repairs`:
 *   losing every account over which one was selected would be worse than re-selecting;
 * - a missing `settings` object, and any missing setting, take the default (settings grow over
 *   time); a setting of the wrong type is rejected. Which origin the client secret is for is sealed
 *   inside its ciphertext, never read from a plain field (vault/client-secret-seal.ts);
 * - properties this version does not know are dropped.
 */

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks a schema-version-2 document field by field; throws StoreDocumentError('invalid') naming the first problem. */
export function validateStoreDocument(raw: Record<string, unknown>): { document: StoreDocument; repairs: string[] } {
  if (raw.schemaVersion !== 2) throw invalidDocument(`schemaVersion is ${JSON.stringify(raw.schemaVersion)}, expected 2`);
  if (!Array.isArray(raw.accounts)) throw invalidDocument('accounts is not a list');
  const accounts = raw.accounts.map((account: unknown, index) => readAccount(account, `accounts[${index}]`));
  assertUnique(accounts);
  const settings = readSettings(raw.settings, 'settings');

  const repairs: string[] = [];
  const rawActive = raw.activeAccountId ?? null;
  if (rawActive !== null && typeof rawActive !== 'string') throw invalidDocument('activeAccountId is neither text nor null');
  let activeAccountId: string | null = rawActive;
  if (activeAccountId === null ? accounts.length > 0 : !accounts.some((account) => account.id === activeAccountId)) {
    const repaired = sensibleActiveAccountId(accounts);
    repairs.push(
      activeAccountId === null
        ? 'No account was active; the first one in display order was made active.'
        : `The active account ${JSON.stringify(activeAccountId)} does not exist; ${repaired === null ? 'no account is active now' : 'the first one in display order was made active'}.`,
    );
    activeAccountId = repaired;
  }
  return { document: { schemaVersion: 2, accounts, activeAccountId, settings }, repairs };
}

/** The settings object, each missing setting filled from DEFAULT_SETTINGS (missing object → all defaults). */
export function readSettings(raw: unknown, path: string): StoredSettings {
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (!isRecord(raw)) throw invalidDocument(`${path} is not an object`);
  return {
    baseUrl: setting(raw, 'baseUrl', isString, 'text', path),
    authorizePath: setting(raw, 'authorizePath', isString, 'text', path),
    tokenPath: setting(raw, 'tokenPath', isString, 'text', path),
    clientId: setting(raw, 'clientId', isString, 'text', path),
    clientSecret: raw.clientSecret === undefined ? DEFAULT_SETTINGS.clientSecret : readEncryptedSecret(raw.clientSecret, `${path}.clientSecret`),
    redirectUri: setting(raw, 'redirectUri', isString, 'text', path),
    bodyEncoding: setting(raw, 'bodyEncoding', isBodyEncoding, '"form" or "json"', path),
    expiryLeadSeconds: setting(raw, 'expiryLeadSeconds', isFiniteNumber, 'a number', path),
    clipboardClearSeconds: setting(raw, 'clipboardClearSeconds', isFiniteNumber, 'a number', path),
    startAtLogin: setting(raw, 'startAtLogin', isBoolean, 'true or false', path),
    startHidden: setting(raw, 'startHidden', isBoolean, 'true or false', path),
    allowWeakEncryption: setting(raw, 'allowWeakEncryption', isBoolean, 'true or false', path),
    scope: setting(raw, 'scope', isString, 'text', path),
    issuer: setting(raw, 'issuer', isString, 'text', path),
  };
}

function readAccount(raw: unknown, path: string): StoredAccount {
  if (!isRecord(raw)) throw invalidDocument(`${path} is not an object`);
  if (typeof raw.id !== 'string' || !ACCOUNT_ID.test(raw.id)) throw invalidDocument(`${path}.id is not an account id`);
  if (typeof raw.label !== 'string') throw invalidDocument(`${path}.label is not text`);
  const problem = raw.label === raw.label.trim() ? labelProblem(raw.label) : 'A label has no leading or trailing spaces.';
  if (problem !== undefined) throw invalidDocument(`${path}.label is not a valid label (${problem})`);
  if (!isFiniteNumber(raw.clockSkewMs)) throw invalidDocument(`${path}.clockSkewMs is not a number`);
  return {
    id: raw.id,
    userid: readUserid(raw.userid, `${path}.userid`),
    label: raw.label,
    expiration: readIsoTime(raw.expiration, `${path}.expiration`),
    obtainedAt: readIsoTime(raw.obtainedAt, `${path}.obtainedAt`),
    clockSkewMs: raw.clockSkewMs,
    lastUsedAt: raw.lastUsedAt === null ? null : readIsoTime(raw.lastUsedAt, `${path}.lastUsedAt`),
    token: readEncryptedSecret(raw.token, `${path}.token`),
  };
}

function assertUnique(accounts: readonly StoredAccount[]): void {
  const ids = new Map<string, number>();
  const userids = new Map<string | null, number>();
  accounts.forEach((account, index) => {
    const sameId = ids.get(account.id);
    if (sameId !== undefined) throw invalidDocument(`accounts[${index}] has the same id as accounts[${sameId}] (${JSON.stringify(account.id)})`);
    ids.set(account.id, index);
    const sameUser = userids.get(account.userid);
    if (sameUser !== undefined) {
      const whose = account.userid === null ? 'are both the generic account' : `both belong to userid ${JSON.stringify(account.userid)}`;
      throw invalidDocument(`accounts[${sameUser}] and accounts[${index}] ${whose}`);
    }
    userids.set(account.userid, index);
  });
}

function setting<K extends keyof StoredSettings>(
  raw: Record<string, unknown>,
  key: K,
  check: (value: unknown) => value is StoredSettings[K],
  expected: string,
  path: string,
): StoredSettings[K] {
  const value = raw[key];
  if (value === undefined) return DEFAULT_SETTINGS[key];
  if (!check(value)) throw invalidDocument(`${path}.${key} is not ${expected}`);
  return value;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isBodyEncoding(value: unknown): value is TokenBodyEncoding {
  return value === 'form' || value === 'json';
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
