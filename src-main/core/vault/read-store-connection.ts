import { connectionNameProblem } from '../settings/connection-name.ts';
import { DEFAULT_CONNECTION_FIELDS, type ConnectionFields, type StoredConnection } from '../settings/stored-settings.ts';
import { invalidDocument } from './store-document-error.ts';
import { isBodyEncoding, isString, readEncryptedSecret, readField } from './store-readers.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/** Ids of accounts and connections in the store file. */
export const STORE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The connection fields of `raw` (a v3 connection, or v2 `settings`): each missing one takes its default, a wrong type throws. */
export function readConnectionFields(raw: Record<string, unknown>, path: string, name: string): ConnectionFields {
  const text = (key: keyof Omit<ConnectionFields, 'name' | 'bodyEncoding'>): string => readField(raw, key, isString, 'text', path, DEFAULT_CONNECTION_FIELDS[key]);
  return {
    name,
    baseUrl: text('baseUrl'),
    authorizePath: text('authorizePath'),
    tokenPath: text('tokenPath'),
    clientId: text('clientId'),
    redirectUri: text('redirectUri'),
    bodyEncoding: readField(raw, 'bodyEncoding', isBodyEncoding, '"form" or "json"', path, DEFAULT_CONNECTION_FIELDS.bodyEncoding),
    scope: text('scope'),
    issuer: text('issuer'),
  };
}

/** The encrypted client secret of `raw` (null when missing). */
export function readClientSecretField(raw: Record<string, unknown>, path: string): StoredConnection['clientSecret'] {
  return raw.clientSecret === undefined ? null : readEncryptedSecret(raw.clientSecret, `${path}.clientSecret`);
}

/** One schema-v3 connection; its name must be valid and not taken (case-insensitively) by an earlier one in `taken`. */
export function readStoredConnection(raw: unknown, path: string, taken: readonly string[]): StoredConnection {
  if (!isJsonObject(raw)) throw invalidDocument(`${path} is not an object`);
  if (typeof raw.id !== 'string' || !STORE_ID.test(raw.id)) throw invalidDocument(`${path}.id is not a connection id`);
  if (typeof raw.name !== 'string') throw invalidDocument(`${path}.name is not text`);
  const problem = raw.name === raw.name.trim() ? connectionNameProblem(raw.name, taken) : 'A name has no leading or trailing spaces.';
  if (problem !== undefined) throw invalidDocument(`${path}.name is not a usable connection name (${problem})`);
  return { id: raw.id, ...readConnectionFields(raw, path, raw.name), clientSecret: readClientSecretField(raw, path) };
}
