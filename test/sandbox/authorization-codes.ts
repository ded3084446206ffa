import { randomBytes } from 'node:crypto';

/** What an approved authorization request granted, remembered under its code. */
export interface AuthorizationGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  /** The `userid` of the authorization request, or null for a generic token. */
  readonly userid: string | null;
  /** The S256 `code_challenge`, or null when the request carried none. */
  readonly codeChallenge: string | null;
}

/** The outcome of presenting a code at the token endpoint. */
export type CodeRedemption =
  | { readonly status: 'ok'; readonly grant: AuthorizationGrant }
  | { readonly status: 'unknown' }
  | { readonly status: 'expired' }
  /** Second use: `revokedTokenIds` are the tokens issued from the code's first use. */
  | { readonly status: 'reused'; readonly revokedTokenIds: readonly string[] };

interface CodeEntry {
  readonly grant: AuthorizationGrant;
  readonly issuedAtMs: number;
  used: boolean;
  readonly tokenIds: string[];
}

/** How long a used or expired code is remembered, so its reuse is recognised as such. */
const REMEMBER_MS = 60 * 60 * 1000;

/**
 * Authorization codes: 256 random bits each, base64url, single-use, valid for a fixed lifetime.
 * The first redemption consumes a code whatever its outcome; a later one reports it as reused and
 * hands back the ids of the tokens issued from it, so they can be revoked (RFC 6749 §4.1.2).
 */
export class AuthorizationCodeStore {
  readonly #codes = new Map<string, CodeEntry>();
  readonly #lifetimeMs: number;
  readonly #now: () => number;

  constructor(lifetimeMs: number, now: () => number) {
    this.#lifetimeMs = lifetimeMs;
    this.#now = now;
  }

  /** Issues a fresh code for an approved request. */
  issue(grant: AuthorizationGrant): string {
    this.#forgetOld();
    const code = randomBytes(32).toString('base64url');
    this.#codes.set(code, { grant, issuedAtMs: this.#now(), used: false, tokenIds: [] });
    return code;
  }

  /** Consumes a code. */
  redeem(code: string): CodeRedemption {
    const entry = this.#codes.get(code);
    if (entry === undefined) return { status: 'unknown' };
    if (entry.used) return { status: 'reused', revokedTokenIds: [...entry.tokenIds] };
    entry.used = true;
    if (this.#now() >= entry.issuedAtMs + this.#lifetimeMs) return { status: 'expired' };
    return { status: 'ok', grant: entry.grant };
  }

  /** Remembers that a token was issued from this code, to revoke it if the code is replayed. */
  recordToken(code: string, tokenId: string): void {
    this.#codes.get(code)?.tokenIds.push(tokenId);
  }

  #forgetOld(): void {
    const horizon = this.#now() - this.#lifetimeMs - REMEMBER_MS;
    for (const [code, entry] of this.#codes) {
      if (entry.issuedAtMs < horizon) this.#codes.delete(code);
    }
  }
}
