import { DEFAULT_SETTINGS, type StoredConnection, type StoredSettings } from '../settings/stored-settings.ts';
import { labelProblem } from './account-label.ts';
import { sensibleActiveAccountId } from './account-order.ts';
import { STORE_ID, readStoredConnection } from './read-store-connection.ts';
import type { StoreDocument, StoredAccount } from './store-document-schema.ts';
import { invalidDocument } from './store-document-error.ts';
import { isBoolean, isFiniteNumber, isString, readEncryptedSecret, readField, readIsoTime, readUserid } from './store-readers.ts';
import { storedSessionMinutes } from '../settings/settings-validation.ts';
import { isCopyFormat, type CopyFormat } from '../clipboard/copy-format.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/*
 * Strict runtime validation of the current store document (schema version 3). Rules:
 * - wrong types, malformed times, bad labels or connection names, duplicate ids, two connections
 *   with the same name (case-insensitively), an account of a connection that does not exist, and
 *   two accounts for the same (connection, userid) (or two generic ones on one connection) are
 *   rejected: the file is then moved aside, never guessed at;
 * - an `activeAccountId` that points nowhere (or is null/missing while accounts exist) is repaired to
 *   the sensible choice (generic account, else the first in display order) and reported in `repairs`:
 *   losing every account over which one was selected would be worse than re-selecting;
 * - a missing `settings` object, and any missing setting or connection field, take the default;
 *   a value of the wrong type is rejected. Which origin a client secret is for is sealed inside its
 *   ciphertext, never read from a plain field (vault/client-secret-seal.ts);
 * - properties this version does not know are dropped.
 */

/** Checks a schema-version-3 document field by field; throws StoreDocumentError('invalid') naming the first problem. */
export function validateStoreDocument(raw: Record<string, unknown>): { document: StoreDocument; repairs: string[] } {
  if (raw.schemaVersion !== 3) throw invalidDocument(`schemaVersion is ${JSON.stringify(raw.schemaVersion)}, expected 3`);
  const connections = readConnections(raw.connections);
  if (!Array.isArray(raw.accounts)) throw invalidDocument('accounts is not a list');
  const connectionIds = new Set(connections.map((connection) => connection.id));
  const accounts = raw.accounts.map((account: unknown, index) => readAccount(account, `accounts[${index}]`, connectionIds));
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
  return { document: { schemaVersion: 3, connections, accounts, activeAccountId, settings }, repairs };
}

/** The app-wide settings object, each missing setting filled from DEFAULT_SETTINGS (missing object → all defaults). */
export function readSettings(raw: unknown, path: string): StoredSettings {
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (!isJsonObject(raw)) throw invalidDocument(`${path} is not an object`);
  return {
    expiryLeadSeconds: readField(raw, 'expiryLeadSeconds', isFiniteNumber, 'a number', path, DEFAULT_SETTINGS.expiryLeadSeconds),
    clipboardClearSeconds: readField(raw, 'clipboardClearSeconds', isFiniteNumber, 'a number', path, DEFAULT_SETTINGS.clipboardClearSeconds),
    startAtLogin: readField(raw, 'startAtLogin', isBoolean, 'true or false', path, DEFAULT_SETTINGS.startAtLogin),
    startHidden: readField(raw, 'startHidden', isBoolean, 'true or false', path, DEFAULT_SETTINGS.startHidden),
    allowWeakEncryption: readField(raw, 'allowWeakEncryption', isBoolean, 'true or false', path, DEFAULT_SETTINGS.allowWeakEncryption),
    allowTerminalAccess: readField(raw, 'allowTerminalAccess', isBoolean, 'true or false', path, DEFAULT_SETTINGS.allowTerminalAccess),
    terminalSessionMinutes: storedSessionMinutes(readField(raw, 'terminalSessionMinutes', isFiniteNumber, 'a number', path, DEFAULT_SETTINGS.terminalSessionMinutes)),
    defaultCopyFormat: readCopyFormat(raw.defaultCopyFormat, `${path}.defaultCopyFormat`),
    // Text is kept as is: a shortcut that is no longer valid is refused where it is registered and fixed in Settings.
    globalShortcut: readField(raw, 'globalShortcut', isString, 'text', path, DEFAULT_SETTINGS.globalShortcut),
    checkForUpdatesAutomatically: readField(raw, 'checkForUpdatesAutomatically', isBoolean, 'true or false', path, DEFAULT_SETTINGS.checkForUpdatesAutomatically),
  };
}

/**
 * The default copy format: text that names no format this version knows (one a newer version
 * added) reads as the default, rather than setting the whole store aside; anything else is invalid.
 */
function readCopyFormat(raw: unknown, path: string): CopyFormat {
  if (raw === undefined) return DEFAULT_SETTINGS.defaultCopyFormat;
  if (typeof raw !== 'string') throw invalidDocument(`${path} is not text`);
  return isCopyFormat(raw) ? raw : DEFAULT_SETTINGS.defaultCopyFormat;
}

function readConnections(raw: unknown): StoredConnection[] {
  if (!Array.isArray(raw)) throw invalidDocument('connections is not a list');
  const connections: StoredConnection[] = [];
  const ids = new Set<string>();
  raw.forEach((entry: unknown, index) => {
    const connection = readStoredConnection(entry, `connections[${index}]`, connections.map(({ name }) => name));
    if (ids.has(connection.id)) throw invalidDocument(`connections[${index}] has the id of an earlier connection (${JSON.stringify(connection.id)})`);
    ids.add(connection.id);
    connections.push(connection);
  });
  return connections;
}

function readAccount(raw: unknown, path: string, connectionIds: ReadonlySet<string>): StoredAccount {
  if (!isJsonObject(raw)) throw invalidDocument(`${path} is not an object`);
  if (typeof raw.id !== 'string' || !STORE_ID.test(raw.id)) throw invalidDocument(`${path}.id is not an account id`);
  if (typeof raw.connectionId !== 'string' || !connectionIds.has(raw.connectionId)) throw invalidDocument(`${path}.connectionId names no connection in the file`);
  if (typeof raw.label !== 'string') throw invalidDocument(`${path}.label is not text`);
  const problem = raw.label === raw.label.trim() ? labelProblem(raw.label) : 'A label has no leading or trailing spaces.';
  if (problem !== undefined) throw invalidDocument(`${path}.label is not a valid label (${problem})`);
  if (!isFiniteNumber(raw.clockSkewMs)) throw invalidDocument(`${path}.clockSkewMs is not a number`);
  return {
    id: raw.id,
    connectionId: raw.connectionId,
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
  const holders = new Map<string, number>();
  accounts.forEach((account, index) => {
    const sameId = ids.get(account.id);
    if (sameId !== undefined) throw invalidDocument(`accounts[${index}] has the same id as accounts[${sameId}] (${JSON.stringify(account.id)})`);
    ids.set(account.id, index);
    // The userid cannot contain a space (userid.ts), so this key is unambiguous.
    const holder = `${account.connectionId} ${account.userid ?? ''}`;
    const sameUser = holders.get(holder);
    if (sameUser !== undefined) {
      const whose = account.userid === null ? 'are both the generic account' : `both belong to userid ${JSON.stringify(account.userid)}`;
      throw invalidDocument(`accounts[${sameUser}] and accounts[${index}] ${whose} on connection ${JSON.stringify(account.connectionId)}`);
    }
    holders.set(holder, index);
  });
}
