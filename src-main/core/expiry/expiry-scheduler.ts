/**
 * Follows every account's token status over time with a single timer: the one for the next
 * status change across all accounts (kept in a min-heap), re-armed after every change. No polling.
 * The tray, the window and notifications subscribe with `onChange`.
 */
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';
import { BoundaryHeap } from './boundary-heap.ts';
import { checkLead, DEFAULT_EXPIRY_LEAD_MS, nextStatusChangeAt, tokenStatus } from './token-status.ts';
import type { ExpiryFacts, TokenStatus } from './token-status.ts';

/** One account's status moved from `from` to `to`. */
export interface StatusChange {
  readonly id: string;
  readonly from: TokenStatus;
  readonly to: TokenStatus;
}

/** Receives the changes of one moment (one timer firing, one call) as one batch, never empty. */
export type StatusChangeListener = (changes: readonly StatusChange[]) => void;

/** How to build an {@link ExpiryScheduler}. */
export interface ExpirySchedulerOptions {
  readonly timers: TimerPort;
  /** A token counts as expiring this long before it expires; default 5 minutes. */
  readonly leadMs?: number;
  /** Told when a listener throws (the other listeners still run); default `console.error`. */
  readonly onListenerError?: (error: unknown) => void;
}

interface AccountRecord {
  readonly id: string;
  facts: ExpiryFacts;
  status: TokenStatus;
  /** Local instant of the next status change (heap key); meaningful only while in the heap. */
  key: number;
  heapIndex: number;
}

/**
 * Keeps each account's status (`valid` / `expiring` / `expired`, on AIRisk's clock) current and
 * reports changes. One timer at most is armed, for the earliest next change of any account; when
 * it fires, the status of the accounts due is recomputed from the clock (a timer that fires early
 * changes nothing and is re-armed), and everything that changed at that moment is one batch.
 *
 * Changes are also reported when `setAccount`/`setAll` give a known account facts with another
 * status, when `setLead` moves the boundary, and when `resumed` finds what changed during sleep.
 * Adding or removing an account reports nothing: the caller did it and knows.
 * After `dispose` every method is a harmless no-op.
 */
export class ExpiryScheduler {
  readonly #timers: TimerPort;
  readonly #onListenerError: (error: unknown) => void;
  readonly #accounts = new Map<string, AccountRecord>();
  readonly #heap = new BoundaryHeap<AccountRecord>();
  #listeners: readonly StatusChangeListener[] = [];
  #leadMs: number;
  #timer: TimerHandle | undefined;
  #armedFor: number | undefined;
  #disposed = false;

  constructor(options: ExpirySchedulerOptions) {
    this.#timers = options.timers;
    this.#leadMs = checkLead(options.leadMs ?? DEFAULT_EXPIRY_LEAD_MS);
    this.#onListenerError = options.onListenerError ?? ((error) => console.error('An expiry listener failed:', error));
  }

  /** The lead currently in force, in ms. */
  get leadMs(): number {
    return this.#leadMs;
  }

  /** Adds an account or replaces its facts (e.g. after a sign-in), then re-arms. */
  setAccount(id: string, facts: ExpiryFacts): void {
    if (this.#disposed) return;
    const now = this.#timers.now();
    const changes: StatusChange[] = [];
    const existing = this.#accounts.get(id);
    if (existing === undefined) {
      const record = this.#newRecord(id, facts, now);
      this.#accounts.set(id, record);
      this.#schedule(record, now);
    } else {
      existing.facts = copyFacts(facts);
      this.#settle(existing, now, changes);
    }
    this.#arm(false);
    this.#emit(changes);
  }

  /** Stops following an account; removing the last one leaves no timer armed. */
  removeAccount(id: string): void {
    if (this.#disposed) return;
    const record = this.#accounts.get(id);
    if (record === undefined) return;
    this.#heap.remove(record);
    this.#accounts.delete(id);
    this.#arm(false);
  }

  /** Replaces the whole set of accounts (a Map or [id, facts] pairs) in O(n), then re-arms. */
  setAll(accounts: ReadonlyMap<string, ExpiryFacts> | Iterable<readonly [string, ExpiryFacts]>): void {
    if (this.#disposed) return;
    const now = this.#timers.now();
    const changes: StatusChange[] = [];
    const previous = new Map(this.#accounts);
    this.#accounts.clear();
    for (const [id, facts] of accounts) this.#accounts.set(id, this.#newRecord(id, facts, now));
    for (const record of this.#accounts.values()) {
      const before = previous.get(record.id)?.status;
      if (before !== undefined && before !== record.status) changes.push({ id: record.id, from: before, to: record.status });
    }
    this.#rebuildHeap(now);
    this.#arm(false);
    this.#emit(changes);
  }

  /** Changes how long before expiry a token counts as expiring; re-judges every account. */
  setLead(leadMs: number): void {
    if (this.#disposed) return;
    checkLead(leadMs);
    if (leadMs === this.#leadMs) return;
    this.#leadMs = leadMs;
    this.#recomputeAll(false);
  }

  /**
   * Call after the system resumed from sleep (or the clock was set): re-judges every account
   * from the clock, reports what changed meanwhile as one batch and re-arms the timer afresh.
   */
  resumed(): void {
    if (this.#disposed) return;
    this.#recomputeAll(true);
  }

  /** The account's status as last reported, or undefined for an unknown account. */
  status(id: string): TokenStatus | undefined {
    return this.#accounts.get(id)?.status;
  }

  /** Local instant the timer is armed for (the next status change of any account), if any. */
  nextChangeAt(): number | undefined {
    return this.#armedFor;
  }

  /** Subscribes to batches of changes; returns the unsubscribe function. */
  onChange(listener: StatusChangeListener): () => void {
    if (this.#disposed) return () => undefined;
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((candidate) => candidate !== listener);
    };
  }

  /** Disarms the timer and forgets all accounts and listeners. */
  dispose(): void {
    this.#disposed = true;
    this.#disarm();
    this.#heap.clear();
    this.#accounts.clear();
    this.#listeners = [];
  }

  readonly #fire = (): void => {
    this.#timer = undefined;
    this.#armedFor = undefined;
    if (this.#disposed) return;
    const now = this.#timers.now();
    const changes: StatusChange[] = [];
    for (let due = this.#heap.peek(); due !== undefined && due.key <= now; due = this.#heap.peek()) {
      this.#settle(due, now, changes);
    }
    this.#arm(true);
    this.#emit(changes);
  };

  #newRecord(id: string, facts: ExpiryFacts, now: number): AccountRecord {
    const copied = copyFacts(facts);
    return { id, facts: copied, status: tokenStatus(copied, now, this.#leadMs), key: 0, heapIndex: -1 };
  }

  /** Re-judges one account at `now`, notes a change, and puts its next boundary in the heap. */
  #settle(record: AccountRecord, now: number, changes: StatusChange[]): void {
    const status = tokenStatus(record.facts, now, this.#leadMs);
    if (status !== record.status) {
      changes.push({ id: record.id, from: record.status, to: status });
      record.status = status;
    }
    this.#schedule(record, now);
  }

  #schedule(record: AccountRecord, now: number): void {
    const next = nextStatusChangeAt(record.facts, now, this.#leadMs);
    if (next === undefined) {
      this.#heap.remove(record);
    } else {
      record.key = next;
      this.#heap.upsert(record);
    }
  }

  #recomputeAll(forceRearm: boolean): void {
    const now = this.#timers.now();
    const changes: StatusChange[] = [];
    for (const record of this.#accounts.values()) {
      const status = tokenStatus(record.facts, now, this.#leadMs);
      if (status !== record.status) {
        changes.push({ id: record.id, from: record.status, to: status });
        record.status = status;
      }
    }
    this.#rebuildHeap(now);
    this.#arm(forceRearm);
    this.#emit(changes);
  }

  #rebuildHeap(now: number): void {
    const scheduled: AccountRecord[] = [];
    for (const record of this.#accounts.values()) {
      const next = nextStatusChangeAt(record.facts, now, this.#leadMs);
      if (next === undefined) continue;
      record.key = next;
      scheduled.push(record);
    }
    this.#heap.rebuild(scheduled);
  }

  /** Arms the one timer for the heap's earliest boundary; keeps an armed timer that already fits. */
  #arm(force: boolean): void {
    const next = this.#heap.peek()?.key;
    if (!force && this.#timer !== undefined && next === this.#armedFor) return;
    this.#disarm();
    if (next === undefined) return;
    this.#armedFor = next;
    this.#timer = this.#timers.setTimeout(this.#fire, Math.max(0, next - this.#timers.now()));
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedFor = undefined;
  }

  #emit(changes: StatusChange[]): void {
    if (changes.length === 0) return;
    const batch: readonly StatusChange[] = Object.freeze(changes.map((change) => Object.freeze(change)));
    for (const listener of this.#listeners) {
      try {
        listener(batch);
      } catch (error) {
        try {
          this.#onListenerError(error);
        } catch {
          // A failing error reporter must not stop the others or the timer.
        }
      }
    }
  }
}

function copyFacts(facts: ExpiryFacts): ExpiryFacts {
  return Object.freeze({ expirationMs: facts.expirationMs, clockSkewMs: facts.clockSkewMs });
}

