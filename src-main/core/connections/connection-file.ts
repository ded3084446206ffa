/**
 * The connection file a team shares: one connection without its secret, as small JSON. Reading it
 * is structural only and safe on hostile input; the field rules (origin, transport, redirect URI,
 * name) are applied afterwards by the same validation as saving.
 */
import type { ConnectionProblem } from '../../contract.ts';
import { serverText } from '../oauth/server-text.ts';
import type { ConnectionFields } from '../settings/stored-settings.ts';
import { connectionNameProblem } from '../settings/connection-name.ts';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH } from '../../shared/airisk-defaults.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/** The connection as the file carries it: its fields, never the secret (which ConnectionFields does not hold). */
export type ConnectionFileFields = ConnectionFields;

type FieldName = keyof ConnectionFileFields;

const FORMAT = 'airisk-token-tray/connection';
const VERSION = 1;
/** Larger files are refused before parsing; an exported file is well under 1 KiB. */
export const MAX_CONNECTION_FILE_BYTES = 16 * 1024;
const MAX_VALUE_LENGTH = 2048;
/** How many offending keys a message names before "and N more". */
const MAX_NAMED_KEYS = 5;

/** Field order of the file; the optional ones take these defaults when absent. */
const FIELD_ORDER: readonly FieldName[] = ['name', 'baseUrl', 'authorizePath', 'tokenPath', 'clientId', 'redirectUri', 'bodyEncoding', 'scope', 'issuer'];
const DEFAULTS: Readonly<Partial<Record<FieldName, string>>> = { authorizePath: DEFAULT_AUTHORIZE_PATH, tokenPath: DEFAULT_TOKEN_PATH, bodyEncoding: 'form', scope: '', issuer: '' };
const TOP_KEYS: readonly string[] = ['format', 'version', 'connection'];

/** Key names (lower case, without `_` and `-`) that carry a secret, wherever they are. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['clientsecret', 'secret', 'password', 'passwd', 'token', 'accesstoken', 'refreshtoken', 'idtoken', 'bearer', 'apikey', 'privatekey', 'codeverifier']);
/** Keys that could reach an object's prototype if anything merged the parsed value. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Control characters, line separators and the bidi controls that reorder what is shown. */
const UNSAFE_CHARACTERS = /[\p{Cc}\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** The file's text for `fields`: pretty JSON with a trailing newline, never a secret. */
export function exportConnectionFile(fields: ConnectionFileFields): string {
  const connection = Object.fromEntries(FIELD_ORDER.map((name) => [name, fields[name]]));
  return `${JSON.stringify({ format: FORMAT, version: VERSION, connection }, null, 2)}\n`;
}

/**
 * Reads a connection file's text: size (≤ 16 KiB, checked first), a leading BOM, JSON, the format
 * and version, then the fields. Refuses unknown, duplicate, secret-looking and prototype keys
 * anywhere, non-string or overlong values and control characters; never echoes a value.
 */
export function parseConnectionFile(text: string): { ok: true; fields: ConnectionFileFields } | { ok: false; problems: ConnectionProblem[] } {
  const refuse = (message: string): { ok: false; problems: ConnectionProblem[] } => ({ ok: false, problems: [{ field: 'file', message }] });
  if (text.length > MAX_CONNECTION_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_CONNECTION_FILE_BYTES) {
    return refuse(`The file is larger than ${MAX_CONNECTION_FILE_BYTES / 1024} KiB, so it is not a connection file; choose the file AIRisk Token Tray exported.`);
  }
  const json = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (json.includes('\ufffd')) return refuse('The file is not valid UTF-8 text; export the connection again, or save the file as UTF-8.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json) as unknown;
  } catch {
    return refuse('The file is not valid JSON; choose the file AIRisk Token Tray exported.');
  }
  if (!isJsonObject(parsed)) return refuse(`The file holds ${describeJson(parsed)}, not a connection; choose the file AIRisk Token Tray exported.`);
  const keyProblems = findKeyProblems(parsed, json);
  if (keyProblems.length > 0) return { ok: false, problems: keyProblems };
  const header = checkHeader(parsed);
  if (header !== undefined) return refuse(header);
  const { connection } = parsed;
  if (!isJsonObject(connection)) return refuse('The file has no "connection" object; export the connection again.');
  return readFields(connection);
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  return value === null ? 'null' : `a JSON ${typeof value}`;
}

/** A key name fit for a message: sanitized and short. */
function keyName(key: string): string {
  return `"${serverText(key, 40)}"`;
}

function listKeys(keys: readonly string[]): string {
  const named = keys.slice(0, MAX_NAMED_KEYS).map(keyName).join(', ');
  return keys.length > MAX_NAMED_KEYS ? `${named} and ${keys.length - MAX_NAMED_KEYS} more` : named;
}

/**
 * Secret, prototype and duplicate keys anywhere in the file (walked without recursion), and keys
 * unknown at the top or in `connection` (deeper values are refused as not text anyway).
 */
function findKeyProblems(root: Record<string, unknown>, text: string): ConnectionProblem[] {
  const secret: string[] = [];
  const prototype: string[] = [];
  const unknown: string[] = [];
  const pending: { value: unknown; allowed: readonly string[] | undefined }[] = [{ value: root, allowed: TOP_KEYS }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, allowed } = item;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const normalized = key.toLowerCase().replace(/[_-]/g, '');
      if (SECRET_KEYS.has(normalized)) secret.push(key);
      else if (PROTOTYPE_KEYS.has(key)) prototype.push(key);
      else if (allowed !== undefined && !allowed.includes(key)) unknown.push(key);
      const inConnection = value === root && key === 'connection' && isJsonObject(child);
      pending.push({ value: child, allowed: inConnection ? FIELD_ORDER : undefined });
    }
  }
  const problems: ConnectionProblem[] = [];
  if (secret.length > 0) {
    const field = secret.includes('clientSecret') ? 'clientSecret' : 'file';
    problems.push({ field, message: `The file must not carry a secret; remove it (${listKeys(secret)}). Each person enters the client secret after the import.` });
  }
  if (prototype.length > 0) problems.push({ field: 'file', message: `The file has keys that are not allowed (${listKeys(prototype)}); remove them.` });
  if (unknown.length > 0) problems.push({ field: 'file', message: `The file has keys a connection file does not have (${listKeys(unknown)}); remove them.` });
  const duplicates = findDuplicateKeys(text);
  if (duplicates.length > 0) problems.push({ field: 'file', message: `The file names a key more than once (${listKeys(duplicates)}); keep one of each.` });
  return problems;
}

/**
 * Keys that appear twice in one object of valid JSON `text`. JSON.parse keeps the last one, so a
 * reader of the file could see another value than the app would use: such files are refused.
 */
function findDuplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  const objects: (Set<string> | undefined)[] = []; // one entry per open object or array (undefined)
  let expectKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '{') {
      objects.push(new Set());
      expectKey = true;
    } else if (char === '[') {
      objects.push(undefined);
    } else if (char === '}' || char === ']') {
      objects.pop();
    } else if (char === ',') {
      expectKey = objects.at(-1) !== undefined;
    } else if (char === '"') {
      const end = endOfString(text, index);
      const keys = objects.at(-1);
      if (expectKey && keys !== undefined) {
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        if (keys.has(key)) duplicates.push(key);
        keys.add(key);
      }
      expectKey = false;
      index = end;
    }
  }
  return duplicates;
}

/** Index of the quote that closes the string opening at `start` (the text is valid JSON). */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index;
}

/** Why the file is not a connection file of this version, or undefined when it is. */
function checkHeader(file: Record<string, unknown>): string | undefined {
  if (file.format !== FORMAT) return `The file is not an AIRisk Token Tray connection file (its "format" is not "${FORMAT}"); choose the file the app exported.`;
  const { version } = file;
  if (typeof version === 'number' && Number.isInteger(version) && version > VERSION) {
    return 'The file was made by a newer version of AIRisk Token Tray; update the app, then import it again.';
  }
  if (version !== VERSION) return `The file's "version" must be ${VERSION}; export the connection again.`;
  return undefined;
}

/** Every field a string of sane length without control characters; absent optional ones defaulted. */
function readFields(connection: Record<string, unknown>): { ok: true; fields: ConnectionFileFields } | { ok: false; problems: ConnectionProblem[] } {
  const problems: ConnectionProblem[] = [];
  const read = (field: FieldName): string => {
    const value = Object.hasOwn(connection, field) ? connection[field] : DEFAULTS[field];
    const problem = fieldProblem(field, value);
    if (problem !== undefined) problems.push({ field, message: problem });
    return typeof value === 'string' ? value : '';
  };
  const fields: ConnectionFileFields = {
    name: read('name'),
    baseUrl: read('baseUrl'),
    authorizePath: read('authorizePath'),
    tokenPath: read('tokenPath'),
    clientId: read('clientId'),
    redirectUri: read('redirectUri'),
    bodyEncoding: read('bodyEncoding') === 'json' ? 'json' : 'form',
    scope: read('scope'),
    issuer: read('issuer'),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fields };
}

function fieldProblem(field: FieldName, value: unknown): string | undefined {
  if (value === undefined) return `The file has no "${field}"; export the connection again.`;
  if (typeof value !== 'string') return `"${field}" must be text, not ${describeJson(value)}.`;
  // The name has the rules of every connection name (uniqueness aside: a taken name gets " (imported)").
  if (field === 'name') return connectionNameProblem(value);
  if (value.length > MAX_VALUE_LENGTH) return `"${field}" is longer than ${MAX_VALUE_LENGTH} characters.`;
  if (UNSAFE_CHARACTERS.test(value) || !value.isWellFormed()) return `"${field}" contains control or invisible characters; remove them.`;
  if (field === 'bodyEncoding' && value !== 'form' && value !== 'json') return '"bodyEncoding" must be "form" or "json".';
  return undefined;
}
