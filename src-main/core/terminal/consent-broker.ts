/**
 * The person's consent to terminal reads. A request for an account the caller's terminal session
 * has no approval for waits here: one is shown at a time (the rest queue, and a second request for
 * the same session and account joins the first), and ends when the person answers or 60 s after
 * it was shown (`no_answer`). Approvals live in ConsentSessions. Also keeps the audit of the last
 * terminal read per account: who and when, never a token.
 */
import { randomUUID } from 'node:crypto';
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';
import { allowText, CONSENT_WORDS, claimNote, consentQuestion } from './consent-text.ts';
import { ConsentSessions, SESSION_MINUTES } from './consent-sessions.ts';
import type { ConsentSubject } from './consent-sessions.ts';
import type { ConsentAnswer, ConsentBrokerView, ConsentRequestView, TerminalClientView, TerminalRead } from './terminal-views.ts';

export type { ConsentSubject } from './consent-sessions.ts';
/** The one TerminalRead (the contract's `lastTerminalRead`), for state-view.ts and the desk. */
export type { TerminalRead } from './terminal-views.ts';

/** How a consent request ended. `revoked`: every session was ended (screen locked, quit, access off). */
export type ConsentOutcome =
  | { readonly kind: 'approved' }
  | { readonly kind: 'denied' }
  | { readonly kind: 'no_answer' }
  | { readonly kind: 'revoked'; readonly reason: string }
  | { readonly kind: 'cancelled' }
  /** Too many different requests already wait for the person; this one was not queued. */
  | { readonly kind: 'busy' };


/** Options of the broker; tests pass a ManualClock and predictable ids. */
export interface ConsentBrokerOptions {
  readonly timers: TimerPort;
  /** Inactivity length of a session, 1–120 (default 10). */
  readonly sessionMinutes?: number;
  /** How long a shown request waits for an answer (default 60 s). */
  readonly answerTimeoutMs?: number;
  readonly newId?: () => string;
}

/** How long a shown consent request waits for the person. */
export const CONSENT_ANSWER_TIMEOUT_MS = 60_000;

/** At most this many different requests wait at once, so a flood of callers cannot bury the window in prompts. */
export const MAX_PENDING_REQUESTS = 10;

interface Pending {
  readonly id: string;
  readonly subject: ConsentSubject;
  readonly askedAt: number;
  readonly waiters: Set<(outcome: ConsentOutcome) => void>;
  shownUntil: number | undefined;
  timer: TimerHandle | undefined;
}

/** Pending consent requests, approved sessions and the read audit. */
export class ConsentBroker {
  readonly #timers: TimerPort;
  readonly #answerTimeoutMs: number;
  readonly #newId: () => string;
  readonly #sessions: ConsentSessions;
  readonly #queue: Pending[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #reads = new Map<string, TerminalRead>();

  constructor(options: ConsentBrokerOptions) {
    this.#timers = options.timers;
    this.#answerTimeoutMs = options.answerTimeoutMs ?? CONSENT_ANSWER_TIMEOUT_MS;
    this.#newId = options.newId ?? randomUUID;
    this.#sessions = new ConsentSessions(options.timers, options.sessionMinutes ?? SESSION_MINUTES.default, () => this.#emit());
  }

  /** True when `sessionKey` has an approval for `accountId` now (refreshing it): no prompt needed. */
  isApproved(sessionKey: string, accountId: string): boolean {
    return this.#sessions.use(sessionKey, accountId);
  }

  /** Asks the person (or joins the same pending question); `signal` aborts when the caller gives up. */
  ask(subject: ConsentSubject, signal?: AbortSignal): Promise<ConsentOutcome> {
    if (this.isApproved(subject.sessionKey, subject.accountId)) return Promise.resolve({ kind: 'approved' });
    if (signal?.aborted === true) return Promise.resolve({ kind: 'cancelled' });
    let pending = this.#queue.find((entry) => entry.subject.sessionKey === subject.sessionKey && entry.subject.accountId === subject.accountId);
    if (pending === undefined) {
      if (this.#queue.length >= MAX_PENDING_REQUESTS) return Promise.resolve({ kind: 'busy' });
      pending = { id: this.#newId(), subject, askedAt: this.#timers.now(), waiters: new Set(), shownUntil: undefined, timer: undefined };
      this.#queue.push(pending);
    }
    const entry = pending;
    return new Promise<ConsentOutcome>((resolve) => {
      const waiter = (outcome: ConsentOutcome): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onAbort = (): void => {
        entry.waiters.delete(waiter);
        if (entry.waiters.size === 0) this.#finish(entry, { kind: 'cancelled' });
        resolve({ kind: 'cancelled' });
      };
      entry.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#showNext();
    });
  }

  /** The person's answer to request `requestId`; false when it is no longer pending. */
  answer(requestId: string, answer: ConsentAnswer): boolean {
    const entry = this.#queue.find((candidate) => candidate.id === requestId);
    if (entry === undefined) return false;
    if (answer === 'deny') {
      this.#finish(entry, { kind: 'denied' });
      return true;
    }
    this.#sessions.approve(this.#newId(), entry.subject, answer === 'always');
    for (const other of [...this.#queue]) {
      if (this.#sessions.use(other.subject.sessionKey, other.subject.accountId)) this.#finish(other, { kind: 'approved' });
    }
    return true;
  }

  /** Ends one approved session (or "don't ask again" grant); false when there is none. */
  revoke(sessionId: string): boolean {
    return this.#sessions.revoke(sessionId);
  }

  /** Ends every session and grant, and every pending request (screen locked, quit, access off). */
  revokeAll(reason: string): void {
    for (const entry of [...this.#queue]) this.#finish(entry, { kind: 'revoked', reason });
    this.#sessions.revokeAll();
    this.#emit();
  }

  /** Sets the inactivity length of sessions (1–120 minutes); throws RangeError otherwise. */
  setSessionMinutes(minutes: number): void {
    this.#sessions.setMinutes(minutes);
    this.#emit();
  }

  /** Calls `listener` after every change of {@link view} or {@link lastReads}; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The request on screen, if any, and the approved sessions. */
  /** How long an approval lasts without use, in minutes. */
  get sessionMinutes(): number {
    return this.#sessions.minutes;
  }

  /** The id of the request on screen, if any (cheaper than {@link view}). */
  shownRequestId(): string | null {
    return this.#queue[0]?.id ?? null;
  }

  view(): ConsentBrokerView {
    const shown = this.#queue[0];
    return { consent: shown === undefined ? null : this.#requestView(shown), sessions: this.#sessions.views() };
  }

  /** Notes that a terminal read `accountId`'s token (for the audit line). */
  recordRead(accountId: string, client: TerminalClientView): void {
    this.#reads.set(accountId, { at: new Date(this.#timers.now()).toISOString(), client: clientText(client) });
    this.#emit();
  }

  /** The last terminal read of each account: when and by whom, never a token. */
  lastReads(): Map<string, TerminalRead> {
    return new Map(this.#reads);
  }

  #requestView(entry: Pending): ConsentRequestView {
    const { client, accountId, accountName } = entry.subject;
    const iso = (ms: number): string => new Date(ms).toISOString();
    return { id: entry.id, client, accountId, accountName, question: consentQuestion(client, accountName), claimNote: claimNote(client), allow: allowText(this.#sessions.minutes), words: CONSENT_WORDS, askedAt: iso(entry.askedAt), expiresAt: iso(entry.shownUntil ?? entry.askedAt + this.#answerTimeoutMs) };
  }

  /** Starts the answer timer of the request at the head of the queue, if it has none yet. */
  #showNext(): void {
    const head = this.#queue[0];
    if (head === undefined || head.timer !== undefined) return;
    head.shownUntil = this.#timers.now() + this.#answerTimeoutMs;
    head.timer = this.#timers.setTimeout(() => this.#finish(head, { kind: 'no_answer' }), this.#answerTimeoutMs);
    this.#emit();
  }

  #finish(entry: Pending, outcome: ConsentOutcome): void {
    const index = this.#queue.indexOf(entry);
    if (index === -1) return;
    this.#queue.splice(index, 1);
    if (entry.timer !== undefined) this.#timers.clearTimeout(entry.timer);
    for (const waiter of [...entry.waiters]) waiter(outcome);
    entry.waiters.clear();
    this.#emit();
    this.#showNext();
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** "bash, pid 1234" (or the name alone when the pid is unknown). */
function clientText(client: TerminalClientView): string {
  return client.pid === null ? client.name : `${client.name}, pid ${client.pid}`;
}
