import { formatDuration } from '../../shared/time-left.ts';

/*
 * Settings' warning when the expiry warning lead is at least as long as the tokens really live:
 * with 3-minute tokens and a 5-minute lead, every token reads "Expiring" from the moment it is issued.
 */

/** What the lifetime is read from: a stored token's local start, AIRisk's expiry and the skew between the clocks. */
export interface TokenTimes {
  readonly obtainedAt: string;
  readonly expiration: string;
  readonly clockSkewMs: number;
}

/**
 * The shortest lifetime (ms, obtained → expires on one clock) among `tokens`, or undefined when none
 * can be read. Unreadable times and non-positive lifetimes (a hand-edited store) are skipped.
 */
export function observedLifetimeMs(tokens: readonly TokenTimes[]): number | undefined {
  let shortest: number | undefined;
  for (const token of tokens) {
    const lifetime = Date.parse(token.expiration) - token.clockSkewMs - Date.parse(token.obtainedAt);
    if (Number.isFinite(lifetime) && lifetime > 0 && (shortest === undefined || lifetime < shortest)) shortest = lifetime;
  }
  return shortest;
}

/**
 * One sentence when `leadSeconds` (the expiry warning) is at least the shortest lifetime of the
 * stored tokens, naming both and the fix; null when it is shorter, off (0) or nothing is stored.
 */
export function expiryLeadWarning(leadSeconds: number, tokens: readonly TokenTimes[]): string | null {
  const lifetime = observedLifetimeMs(tokens);
  if (lifetime === undefined || leadSeconds <= 0 || leadSeconds * 1000 < lifetime) return null;
  const lasts = formatDuration(Math.max(lifetime, 1000));
  return `Your tokens last about ${lasts}, not longer than the ${formatDuration(leadSeconds * 1000)} warning: every token shows as “Expiring” from the moment it is issued. Warn less than ${lasts} before expiry.`;
}
