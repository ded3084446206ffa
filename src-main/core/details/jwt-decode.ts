import type { JsonValue, JwtView } from '../../contract.ts';
import { serverText } from '../oauth/server-text.ts';

/*
 * A JWT's header and claims, decoded for the token details panel. The token came from a server:
 * every text in it is server-chosen, so keys and strings go through the one sanitizer, and sizes
 * are capped. Nothing is verified (the app holds no key): this is for reading, never for trust.
 * The signature is never returned, nor any string that contains it (and so the raw token).
 */

/** A part larger than this (base64url characters) is not decoded. */
export const MAX_JWT_PART_LENGTH = 16_384;
/** At most this many claims (and header fields), object keys and array items per level. */
export const MAX_JWT_ENTRIES = 64;
/** Nesting deeper than this is cut. */
export const MAX_JWT_DEPTH = 4;
/** A claim's text (and a key) is cut to this many characters. */
export const MAX_CLAIM_TEXT_LENGTH = 200;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** What a token is, for the details panel: a decoded JWT, or why it is not shown as one. */
export type JwtReading = { readonly kind: 'jwt'; readonly jwt: JwtView } | { readonly kind: 'opaque'; readonly reason: string };

interface Budget {
  truncated: boolean;
  readonly signature: string;
}

/**
 * Reads `token` as a signed JWT (JWS compact: three base64url parts whose first two are JSON
 * objects). Anything else is `opaque` with one sentence why; an encrypted JWT (five parts) too.
 */
export function decodeJwt(token: string): JwtReading {
  const parts = token.split('.');
  if (parts.length === 5) return { kind: 'opaque', reason: 'The token is an encrypted JWT (JWE); its claims cannot be read without AIRisk’s key.' };
  if (parts.length !== 3) return { kind: 'opaque', reason: 'The token is not a JWT (three parts separated by dots); AIRisk may issue opaque tokens.' };
  const [headerPart = '', payloadPart = '', signature = ''] = parts;
  const budget: Budget = { truncated: false, signature };
  const header = decodePart(headerPart, 'header', budget);
  if (typeof header === 'string') return { kind: 'opaque', reason: header };
  const claims = decodePart(payloadPart, 'claims', budget);
  if (typeof claims === 'string') return { kind: 'opaque', reason: claims };
  return { kind: 'jwt', jwt: { header, claims, ...claimTimes(claims), truncated: budget.truncated } };
}

/** The object a part holds, sanitized, or a sentence saying why it cannot be read. */
function decodePart(part: string, name: 'header' | 'claims', budget: Budget): Readonly<Record<string, JsonValue>> | string {
  const what = `The token looks like a JWT, but its ${name} ${name === 'header' ? 'is' : 'are'}`;
  if (part.length > MAX_JWT_PART_LENGTH) return `${what} too large to show (over ${MAX_JWT_PART_LENGTH} characters).`;
  if (!BASE64URL.test(part) || part.length % 4 === 1) return `${what} not base64url.`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(part, 'base64url')));
  } catch {
    return `${what} not JSON text.`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return `${what} not a JSON object.`;
  return sanitizeObject(parsed as Record<string, unknown>, 0, budget);
}

function sanitizeObject(raw: Record<string, unknown>, depth: number, budget: Budget): Readonly<Record<string, JsonValue>> {
  const entries = Object.entries(raw);
  if (entries.length > MAX_JWT_ENTRIES) budget.truncated = true;
  // fromEntries defines own properties: a "__proto__" claim stays a claim.
  return Object.fromEntries(entries.slice(0, MAX_JWT_ENTRIES).map(([key, value]) => [sanitizeText(key, budget), sanitizeValue(value, depth + 1, budget)]));
}

function sanitizeValue(value: unknown, depth: number, budget: Budget): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value as JsonValue;
  if (typeof value === 'string') return sanitizeText(value, budget);
  if (depth > MAX_JWT_DEPTH) {
    budget.truncated = true;
    return '…';
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_JWT_ENTRIES) budget.truncated = true;
    return value.slice(0, MAX_JWT_ENTRIES).map((item) => sanitizeValue(item, depth + 1, budget));
  }
  return sanitizeObject(value as Record<string, unknown>, depth, budget);
}

/** Server text made safe to show; a text holding the signature (or the whole token) is withheld. */
function sanitizeText(text: string, budget: Budget): string {
  if (budget.signature.length >= 8 && text.includes(budget.signature)) return '(withheld: holds the token’s signature)';
  if ([...text].length > MAX_CLAIM_TEXT_LENGTH) budget.truncated = true;
  return serverText(text, MAX_CLAIM_TEXT_LENGTH);
}

/** `iat`, `nbf` and `exp` as ISO instants, when they are NumericDate seconds. */
function claimTimes(claims: Readonly<Record<string, JsonValue>>): Pick<JwtView, 'issuedAt' | 'notBefore' | 'expiresAt'> {
  return { issuedAt: numericDate(claims.iat), notBefore: numericDate(claims.nbf), expiresAt: numericDate(claims.exp) };
}

/** A JWT NumericDate (seconds since 1970, RFC 7519 §2) as an ISO instant, or null. */
export function numericDate(value: JsonValue | undefined): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const ms = value * 1000;
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}
