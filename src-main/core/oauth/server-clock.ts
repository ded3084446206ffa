import { formatExpiration } from './expiration.ts';

/**
 * AIRisk's clock as one token answer shows it. Expiry is judged on AIRisk's clock (its `Date`
 * header), but only within {@link MAX_PLAUSIBLE_SKEW_MS}: beyond that one of the two clocks is
 * plainly wrong (a `Date: 1970` would make a 2-hour token look valid for 56 years), so the offset is
 * ignored, this computer's clock is used, and the person is told to check the system clock.
 */
export interface ServerClock {
  /** AIRisk's `Date`, when it sent a usable and plausible one. */
  readonly serverDate: Date | undefined;
  /** Server clock minus local clock in ms; 0 without a usable, plausible Date. */
  readonly clockSkewMs: number;
  /** AIRisk's time when it answered (its Date), else the local time its answer arrived: nothing may expire by then. */
  readonly serverNowMs: number;
  /** Where an `expires_in` counts from: AIRisk's Date, else (earliest possible) the local time the request was sent. */
  readonly issuedAtMs: number;
  /** Where the judgement fell back to this computer's clock, and why. */
  readonly source: 'server' | 'no-date' | 'implausible-date';
  /** "AIRisk's clock and this computer's differ by …; check the system clock." when the Date was ignored. */
  readonly warning: string | undefined;
}

/** Offsets beyond this (either way) are not believed. */
export const MAX_PLAUSIBLE_SKEW_MS = 24 * 3600_000;

/** Reads AIRisk's `Date` header against the local times the request was sent and its answer received. */
export function readServerClock(dateHeader: string | null, sentAt: number, receivedAt: number): ServerClock {
  const date = parseHttpDate(dateHeader);
  if (date === undefined) return { serverDate: undefined, clockSkewMs: 0, serverNowMs: receivedAt, issuedAtMs: sentAt, source: 'no-date', warning: undefined };
  const skew = Math.round(date.getTime() - (sentAt + receivedAt) / 2);
  if (Math.abs(skew) > MAX_PLAUSIBLE_SKEW_MS) {
    const warning =
      `AIRisk's clock and this computer's differ by ${describeClockDifference(Math.abs(skew))} ` +
      `(AIRisk: ${formatExpiration(date)}, this computer: ${formatExpiration(new Date(receivedAt))}); check the system clock.`;
    return { serverDate: undefined, clockSkewMs: 0, serverNowMs: receivedAt, issuedAtMs: sentAt, source: 'implausible-date', warning };
  }
  return { serverDate: date, clockSkewMs: skew, serverNowMs: date.getTime(), issuedAtMs: date.getTime(), source: 'server', warning: undefined };
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

/** "25 hours", "3 days", "about 56 years": how far apart two clocks are, rounded down. */
export function describeClockDifference(ms: number): string {
  if (ms >= 2 * YEAR) return `about ${Math.floor(ms / YEAR)} years`;
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days`;
  const hours = Math.floor(ms / HOUR);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function parseHttpDate(value: string | null): Date | undefined {
  if (value === null) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
