import type { AccountView, TerminalClientView, TerminalSessionView } from '../../src-main/contract.ts';
import { formatDuration } from '../../src-main/shared/time-left.ts';

/*
 * The words of terminal access: who asks, for how long, and what a terminal read. Never overstates
 * who asked: a pid the kernel did not confirm is what the caller "claims".
 */

/**
 * Text a program chose about itself (its name, a process chain entry), with control and invisible
 * format characters (bidi overrides, zero-width) shown as "�": it cannot reorder or hide parts of the prompt.
 */
export function shownAsIs(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
}

/** The program's name, or "an unknown program" when it gave none. */
function clientName(client: TerminalClientView): string {
  return client.name.trim() === '' ? 'an unknown program' : shownAsIs(client.name);
}

/** "(pid 1234, /dev/pts/3)", "(pid 1234)", or "" when neither is known. */
export function clientDetails(client: Pick<TerminalClientView, 'pid' | 'tty'>): string {
  const parts = [client.pid === null ? '' : `pid ${client.pid}`, shownAsIs(client.tty ?? '')].filter((part) => part !== '');
  return parts.length === 0 ? '' : `(${parts.join(', ')})`;
}

/** Before the name in the prompt: nothing when the kernel named the peer, "claims to be" when it is only declared. */
function clientClaim(client: TerminalClientView): string {
  return client.proven ? '' : 'A program that claims to be';
}

/** The whole question in one line, for the dialog's accessible name and announcements. */
export function consentQuestion(client: TerminalClientView, accountName: string): string {
  const who = [clientClaim(client), clientName(client), clientDetails(client)].filter((part) => part !== '').join(' ');
  return `${who} asks for the token of ${accountName}`;
}

/** Whole seconds from `nowMs` until `iso` (0 once passed, or when `iso` is not a date). */
export function secondsUntil(iso: string, nowMs: number): number {
  const ms = Date.parse(iso) - nowMs;
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** "answer within 42 s"; "the time to answer is up" at 0. */
export function answerWithin(expiresAt: string, nowMs: number): string {
  const seconds = secondsUntil(expiresAt, nowMs);
  return seconds === 0 ? 'the time to answer is up' : `answer within ${seconds} s`;
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

/** "bash, pid 1234" for a session's list entry. */
export function sessionClient(client: TerminalClientView): string {
  const name = clientName(client);
  return client.pid === null ? name : `${name}, pid ${client.pid}${client.proven ? '' : ' (claimed)'}`;
}

/** The audit line under an account: "read by a terminal (bash, pid 1234) 2 min ago"; null when never read. */
export function terminalReadText(read: AccountView['lastTerminalRead'], nowMs: number): string | null {
  return read === null ? null : `read by a terminal (${shownAsIs(read.client)}) ${ago(read.at, nowMs)}`;
}

/** Milliseconds until {@link ago} of `iso` changes its words: the next whole minute since `iso`. */
export function agoSteadyFor(iso: string, nowMs: number): number {
  const ms = nowMs - Date.parse(iso);
  if (!Number.isFinite(ms)) return Infinity;
  return ms < 0 ? 60_000 - ms : 60_000 - (ms % 60_000);
}
