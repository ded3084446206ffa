import type { TerminalSessionView } from '../../src-main/contract.ts';
import { formatDuration } from '../../src-main/shared/time-left.ts';
import { shownAsIs } from '../../src-main/shared/shown-as-is.ts';

/*
 * The words of terminal access that change with the clock: the prompt's time to answer, a session's
 * times, the audit line. Who asks is worded in main (core/terminal/consent-text.ts) and sent ready.
 */

export { shownAsIs };

/** Whole seconds from `nowMs` until `iso` (0 once passed, or when `iso` is not a date). */
export function secondsUntil(iso: string, nowMs: number): number {
  const ms = Date.parse(iso) - nowMs;
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** What {@link answerWithin} says at 0. */
export const TIME_UP = 'the time to answer is up';

/** "answer within 42 s"; {@link TIME_UP} at 0. */
export function answerWithin(expiresAt: string, nowMs: number): string {
  const seconds = secondsUntil(expiresAt, nowMs);
  return seconds === 0 ? TIME_UP : `answer within ${seconds} s`;
}

/** "just now" under a minute, else "3 min ago", "1 h 5 min ago". */
export function ago(iso: string, nowMs: number): string {
  const ms = nowMs - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  return `${formatDuration(ms)} ago`;
}

/** "approved 3 min ago · expires in 7 min" or "… · until you revoke it" ("don't ask again"). */
export function sessionTimes(session: Pick<TerminalSessionView, 'approvedAt' | 'expiresAt'>, nowMs: number): string {
  const approved = `approved ${ago(session.approvedAt, nowMs)}`;
  if (session.expiresAt === null) return `${approved} · until you revoke it`;
  const left = Date.parse(session.expiresAt) - nowMs;
  return `${approved} · ${left > 0 ? `expires in ${formatDuration(Math.max(left, 1000))}` : 'expired'}`;
}
