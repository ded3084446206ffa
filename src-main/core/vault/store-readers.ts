import { isWellFormedUserid, MAX_USERID_LENGTH } from '../oauth/userid.ts';
import type { EncryptedSecret } from '../settings/stored-settings.ts';
import { invalidDocument } from './store-document-error.ts';
import { isJsonObject } from '../../shared/json-object.ts';

/*
 * Small readers of store-document values, shared by validation (version 3) and the version 1 and 2
 * migrations. Each throws StoreDocumentError('invalid') naming the path.
 */

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** An encrypted secret (`{ ciphertext, backend }`, both non-empty text) or null. */
export function readEncryptedSecret(raw: unknown, path: string): EncryptedSecret | null {
  if (raw === null) return null;
  if (!isJsonObject(raw)) throw invalidDocument(`${path} is neither an encrypted value nor null`);
  if (typeof raw.ciphertext !== 'string' || raw.ciphertext.length === 0) throw invalidDocument(`${path}.ciphertext is not non-empty text`);
  if (typeof raw.backend !== 'string' || raw.backend.length === 0) throw invalidDocument(`${path}.backend is not non-empty text`);
  return { ciphertext: raw.ciphertext, backend: raw.backend };
}

/**
 * An ISO 8601 date-time with seconds and a zone, returned as `Date#toISOString` writes it (UTC,
 * milliseconds): times are then compared as text anywhere, even if a person edited the file.
 */
export function readIsoTime(raw: unknown, path: string): string {
  const ms = typeof raw === 'string' && ISO_TIME.test(raw) ? Date.parse(raw) : Number.NaN;
  if (typeof raw !== 'string' || !Number.isFinite(ms)) throw invalidDocument(`${path} is not an ISO 8601 date-time`);
  return CANONICAL_ISO_TIME.test(raw) ? raw : new Date(ms).toISOString();
}

/** What `Date#toISOString` writes: 2025-03-31T12:00:00.000Z. */
const CANONICAL_ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A userid as normaliseUserid accepts it, or null for the generic account. */
export function readUserid(raw: unknown, path: string): string | null {
  if (raw === null) return null;
  if (typeof raw !== 'string' || !isWellFormedUserid(raw)) {
    throw invalidDocument(`${path} is not a userid (1 to ${MAX_USERID_LENGTH} characters without spaces) or null`);
  }
  return raw;
}

/** `raw[key]` when `check` accepts it, `fallback` when it is missing; otherwise throws naming `path.key` and what was `expected`. */
export function readField<T>(raw: Record<string, unknown>, key: string, check: (value: unknown) => value is T, expected: string, path: string, fallback: T): T {
  const value = raw[key];
  if (value === undefined) return fallback;
  if (!check(value)) throw invalidDocument(`${path}.${key} is not ${expected}`);
  return value;
}

/** Text. */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** `form` or `json`, the token request body encodings. */
export function isBodyEncoding(value: unknown): value is 'form' | 'json' {
  return value === 'form' || value === 'json';
}

/** true or false. */
export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** A number that is not NaN or infinite. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
