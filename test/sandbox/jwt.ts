import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The claims the sandbox puts into every access token it issues. */
export interface AccessTokenClaims {
  /** The `userid` of the authorization request, or null for a generic token. */
  readonly sub: string | null;
  readonly client_id: string;
  /** Issued-at and expiry, in whole seconds since the epoch (RFC 7519 NumericDate). */
  readonly iat: number;
  readonly exp: number;
  /** A random token id, so the sandbox can revoke single tokens. */
  readonly jti: string;
}

/** The result of checking a bearer token: its claims, or why it was refused. */
export type TokenVerification =
  | { readonly ok: true; readonly claims: AccessTokenClaims }
  | { readonly ok: false; readonly reason: string };

const ENCODED_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A fresh HMAC key: each sandbox signs with its own, so tokens never carry over between sandboxes. */
export function createSigningSecret(): Buffer {
  return randomBytes(32);
}

/** A random token id with 128 bits of entropy. */
export function createTokenId(): string {
  return randomBytes(16).toString('base64url');
}

/** Signs the claims as a compact HS256 JWT (RFC 7519 §7.1, RFC 7515 §3.1). */
export function signJwt(claims: AccessTokenClaims, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signingInput = `${ENCODED_HEADER}.${payload}`;
  return `${signingInput}.${hmac(signingInput, secret).toString('base64url')}`;
}

/**
 * Checks the format, the header (`alg` must be HS256: no `none`, no algorithm switching), the
 * signature (in constant time) and the expiry against `nowMs`.
 */
export function verifyJwt(token: string, secret: Buffer, nowMs: number): TokenVerification {
  if (!COMPACT_JWT.test(token)) return { ok: false, reason: 'The access token is not a compact JWT.' };
  const [encodedHeader = '', encodedPayload = '', encodedSignature = ''] = token.split('.');
  const header = parseSegment(encodedHeader);
  if (header === undefined || header['alg'] !== 'HS256' || header['typ'] !== 'JWT') {
    return { ok: false, reason: 'The access token header is not {"alg":"HS256","typ":"JWT"}.' };
  }
  const expected = hmac(`${encodedHeader}.${encodedPayload}`, secret);
  const actual = Buffer.from(encodedSignature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'The access token signature is invalid.' };
  }
  const claims = toClaims(parseSegment(encodedPayload));
  if (claims === undefined) return { ok: false, reason: 'The access token payload is malformed.' };
  if (nowMs >= claims.exp * 1000) return { ok: false, reason: 'The access token expired.' };
  return { ok: true, claims };
}

function hmac(input: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(input, 'ascii').digest();
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function toClaims(payload: Record<string, unknown> | undefined): AccessTokenClaims | undefined {
  if (payload === undefined) return undefined;
  const { sub, client_id: clientId, iat, exp, jti } = payload;
  if (sub !== null && typeof sub !== 'string') return undefined;
  if (typeof clientId !== 'string' || typeof jti !== 'string') return undefined;
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return undefined;
  return { sub, client_id: clientId, iat: iat as number, exp: exp as number, jti };
}
