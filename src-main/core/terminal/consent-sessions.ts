/**
 * Approved terminal sessions: one per (terminal session key, account), ending after N minutes of
 * inactivity (refreshed on use), and per-account "don't ask again" grants that last until revoked.
 */
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';
import { sessionClient } from './consent-text.ts';
import type { TerminalClientView, TerminalSessionView } from './terminal-views.ts';

/** What an approval is for: who asked (as established by the server) and which account. */
export interface ConsentSubject {
  /** The terminal session the caller belongs to (peer-identity.ts); an approval covers only it. */
  readonly sessionKey: string;
  readonly client: TerminalClientView;
  readonly accountId: string;
  /** "user_42 on Staging". */
  readonly accountName: string;
}

interface Session {
  readonly id: string;
  readonly subject: ConsentSubject;
  readonly approvedAt: number;
  lastUsedAt: number;
  /** Unarmed for "don't ask again". */
  timer: TimerHandle | undefined;
}

/** Session length limits (minutes) and the default. */
export const SESSION_MINUTES = { min: 1, max: 120, default: 10 } as const;

/** Throws RangeError unless `minutes` is a whole number within {@link SESSION_MINUTES}. */
export function checkSessionMinutes(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < SESSION_MINUTES.min || minutes > SESSION_MINUTES.max) {
    throw new RangeError(`A terminal session lasts ${SESSION_MINUTES.min}–${SESSION_MINUTES.max} whole minutes, not ${minutes}.`);
  }
  return minutes;
}

/** The approved sessions and "don't ask again" grants, with their inactivity timers. */
export class ConsentSessions {
  readonly #timers: TimerPort;
  readonly #changed: () => void;
  readonly #sessions = new Map<string, Session>();
  readonly #always = new Map<string, Session>();
  #minutes: number;

  constructor(timers: TimerPort, minutes: number, changed: () => void) {
    this.#timers = timers;
    this.#minutes = checkSessionMinutes(minutes);
    this.#changed = changed;
  }

  /** True when `sessionKey` may read `accountId` now; refreshes the session it uses. */
  use(sessionKey: string, accountId: string): boolean {
    const always = this.#always.get(accountId);
    if (always !== undefined) {
      always.lastUsedAt = this.#timers.now();
      return true;
    }
    const session = this.#sessions.get(keyOf(sessionKey, accountId));
    if (session === undefined) return false;
    // The timer counts awake time only; after a sleep the wall clock may already be past the end.
    if (this.#timers.now() >= session.lastUsedAt + this.#lengthMs()) {
      this.#end(session);
      return false;
    }
    session.lastUsedAt = this.#timers.now();
    this.#arm(session);
    return true;
  }

  /** Records an approval: for this terminal session only, or (`always`) for the account everywhere. */
  approve(id: string, subject: ConsentSubject, always: boolean): void {
    const now = this.#timers.now();
    const session: Session = { id, subject, approvedAt: now, lastUsedAt: now, timer: undefined };
    if (always) {
      this.#always.set(subject.accountId, session);
    } else {
      const existing = this.#sessions.get(keyOf(subject.sessionKey, subject.accountId));
      if (existing !== undefined) this.#end(existing);
      this.#sessions.set(keyOf(subject.sessionKey, subject.accountId), session);
      this.#arm(session);
    }
  }

  /** Ends one session or grant by id; false when there is none. */
  revoke(id: string): boolean {
    const session = [...this.#sessions.values(), ...this.#always.values()].find((candidate) => candidate.id === id);
    if (session === undefined) return false;
    this.#end(session);
    return true;
  }

  /** Ends every session and grant. */
  revokeAll(): void {
    for (const session of [...this.#sessions.values(), ...this.#always.values()]) this.#end(session);
  }

  /** New length for every session, counted from each one's last use. */
  setMinutes(minutes: number): void {
    this.#minutes = checkSessionMinutes(minutes);
    for (const session of [...this.#sessions.values()]) {
      if (this.#timers.now() >= session.lastUsedAt + this.#lengthMs()) this.#end(session);
      else this.#arm(session);
    }
  }

  get minutes(): number {
    return this.#minutes;
  }

  /** The sessions as the window shows them, oldest first. */
  views(): TerminalSessionView[] {
    const iso = (ms: number): string => new Date(ms).toISOString();
    const view = (session: Session, expires: boolean): TerminalSessionView => ({
      id: session.id,
      client: session.subject.client,
      who: sessionClient(session.subject.client),
      accountId: session.subject.accountId,
      accountName: session.subject.accountName,
      approvedAt: iso(session.approvedAt),
      lastUsedAt: iso(session.lastUsedAt),
      expiresAt: expires ? iso(session.lastUsedAt + this.#lengthMs()) : null,
    });
    return [...[...this.#always.values()].map((session) => view(session, false)), ...[...this.#sessions.values()].map((session) => view(session, true))].sort(
      (a, b) => a.approvedAt.localeCompare(b.approvedAt),
    );
  }

  #lengthMs(): number {
    return this.#minutes * 60_000;
  }

  #arm(session: Session): void {
    if (session.timer !== undefined) this.#timers.clearTimeout(session.timer);
    const left = session.lastUsedAt + this.#lengthMs() - this.#timers.now();
    session.timer = this.#timers.setTimeout(() => this.#end(session), left);
  }

  #end(session: Session): void {
    if (session.timer !== undefined) this.#timers.clearTimeout(session.timer);
    session.timer = undefined;
    const key = keyOf(session.subject.sessionKey, session.subject.accountId);
    if (this.#sessions.get(key) === session) this.#sessions.delete(key);
    if (this.#always.get(session.subject.accountId) === session) this.#always.delete(session.subject.accountId);
    this.#changed();
  }
}

function keyOf(sessionKey: string, accountId: string): string {
  return JSON.stringify([sessionKey, accountId]);
}
