import type { AccountStatus, AccountView } from '../../src-main/contract.ts';

/**
 * When an account's token runs out, on the local clock: `generatedAt` plus `secondsLeft`.
 * `secondsLeft` is rounded down by main, so the true instant lies within the following second;
 * half a second is added to land in its middle. NaN when `generatedAt` is not a date.
 */
export function deadlineMs(account: Pick<AccountView, 'secondsLeft'>, generatedAt: string): number {
  return Date.parse(generatedAt) + (account.secondsLeft + 0.5) * 1000;
}

/**
 * Milliseconds left at `nowMs`. A token main already called expired never shows time left, so the
 * countdown and the status cannot contradict each other.
 */
export function msLeftAt(deadline: number, nowMs: number, status: AccountStatus): number {
  const left = deadline - nowMs;
  return status === 'expired' ? Math.min(left, 0) : left;
}

/**
 * The status to show at `nowMs`: main's status, except that a token whose time has run out shows
 * as expired at once, before main's next state update arrives.
 */
export function displayStatus(status: AccountStatus, msLeft: number): AccountStatus {
  if ((status === 'valid' || status === 'expiring') && !(msLeft > 0)) return 'expired';
  return status;
}

/** Whether a copy can succeed: the token exists and has time left. */
export function isUsable(status: AccountStatus): boolean {
  return status === 'valid' || status === 'expiring';
}
