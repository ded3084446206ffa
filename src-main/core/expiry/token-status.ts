/**
 * Whether a token is valid, about to expire or expired, judged on AIRisk's clock: the expiration
 * is the server's instant, so "now" is local now plus the skew measured at the token exchange.
 */

/** What an account's token looks like to the person: still good, expiring soon, or dead. */
export type TokenStatus = 'valid' | 'expiring' | 'expired';

/** The two numbers that decide a token's status. */
export interface ExpiryFacts {
  /** When AIRisk says the token expires, in ms since the epoch on AIRisk's clock. */
  readonly expirationMs: number;
  /** Server clock minus local clock in ms, measured at the token exchange. */
  readonly clockSkewMs: number;
}

/** A token counts as expiring this long before it expires, unless settings say otherwise. */
export const DEFAULT_EXPIRY_LEAD_MS = 5 * 60_000;

/**
 * Milliseconds the token has left on the server's clock; zero or negative once expired.
 * NaN when the facts are not numbers (which {@link tokenStatus} reads as expired).
 */
export function msLeft(facts: ExpiryFacts, localNowMs: number): number {
  return facts.expirationMs - (localNowMs + facts.clockSkewMs);
}

/**
 * `expired` when no time is left (msLeft <= 0), `expiring` when 0 < msLeft <= leadMs, else `valid`.
 * Facts that are not numbers give `expired`: a token we cannot date must not look usable.
 */
export function tokenStatus(facts: ExpiryFacts, localNowMs: number, leadMs: number): TokenStatus {
  checkLead(leadMs);
  const left = msLeft(facts, localNowMs);
  if (!(left > 0)) return 'expired';
  return left <= leadMs ? 'expiring' : 'valid';
}

/**
 * The local instant (ms since the epoch) at which the status next changes: when a valid token
 * turns expiring (or expired, with a zero lead), or an expiring one expires. Always after
 * `localNowMs`; undefined once expired or when the token never expires.
 */
export function nextStatusChangeAt(facts: ExpiryFacts, localNowMs: number, leadMs: number): number | undefined {
  const expiresAtLocal = facts.expirationMs - facts.clockSkewMs;
  let next: number;
  switch (tokenStatus(facts, localNowMs, leadMs)) {
    case 'expired':
      return undefined;
    case 'expiring':
      next = expiresAtLocal;
      break;
    case 'valid':
      next = expiresAtLocal - leadMs;
      break;
  }
  if (!Number.isFinite(next)) return undefined;
  // With fractional inputs, rounding could put the boundary at `localNowMs`; never answer the past.
  return next > localNowMs ? next : localNowMs + 1;
}

/** Returns a valid lead (zero or more ms) or throws RangeError. */
export function checkLead(leadMs: number): number {
  if (!(leadMs >= 0)) throw new RangeError(`The expiry lead must be zero or more milliseconds, got ${leadMs}.`);
  return leadMs;
}
