/**
 * Test double for the TimerPort: time stands still until the test moves it. `advance` lets time
 * pass while the machine is awake (timers fire, in order, each at its own instant);
 * `shiftWallClock` moves only the wall clock, as a sleep/resume or a clock adjustment does, while
 * timers keep counting on their own (monotonic) time and do not fire.
 */
import type { TimerHandle, TimerPort } from '../../src-main/core/ports/timer-port.ts';

interface ManualTimer {
  readonly handle: TimerHandle;
  readonly callback: () => void;
  /** Monotonic instant at which it fires. */
  readonly dueAt: number;
  /** Creation order, to fire timers due at the same instant in the order they were set. */
  readonly sequence: number;
}

/** A hand-driven clock and timer implementation for tests. */
export class ManualClock implements TimerPort {
  #wallMs: number;
  #monotonicMs = 0;
  #sequence = 0;
  #fired = 0;
  #maxPending = 0;
  readonly #pending = new Map<TimerHandle, ManualTimer>();

  /** Starts the wall clock at `startMs` (default 2025-03-31T12:00:00Z). */
  constructor(startMs: number = Date.UTC(2025, 2, 31, 12, 0, 0)) {
    this.#wallMs = startMs;
  }

  now(): number {
    return this.#wallMs;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle = Object.freeze({}) as TimerHandle;
    const delay = delayMs > 0 ? delayMs : 0;
    this.#pending.set(handle, { handle, callback, dueAt: this.#monotonicMs + delay, sequence: this.#sequence++ });
    this.#maxPending = Math.max(this.#maxPending, this.#pending.size);
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#pending.delete(handle);
  }

  /** Lets `ms` pass: fires every timer that comes due, in order, with the clock at its instant. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance() needs a non-negative duration, got ${ms}`);
    const target = this.#monotonicMs + ms;
    for (let next = this.#nextDue(target); next !== undefined; next = this.#nextDue(target)) {
      this.#moveTo(next.dueAt);
      this.#pending.delete(next.handle);
      this.#fired += 1;
      next.callback();
    }
    this.#moveTo(target);
  }

  /** Moves only the wall clock by `deltaMs` (sleep/resume, NTP or a person setting the clock); no timer fires. */
  shiftWallClock(deltaMs: number): void {
    this.#wallMs += deltaMs;
  }

  /** How many timers have fired since construction. */
  get firedCount(): number {
    return this.#fired;
  }

  /** How many timers are armed right now. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /** The most timers that were ever armed at the same time. */
  get maxPendingCount(): number {
    return this.#maxPending;
  }

  /** Milliseconds until the next timer fires, or undefined when none is armed. */
  nextTimerIn(): number | undefined {
    const next = this.#nextDue(Infinity);
    return next === undefined ? undefined : next.dueAt - this.#monotonicMs;
  }

  #nextDue(limit: number): ManualTimer | undefined {
    let best: ManualTimer | undefined;
    for (const timer of this.#pending.values()) {
      if (timer.dueAt > limit) continue;
      if (best === undefined || timer.dueAt < best.dueAt || (timer.dueAt === best.dueAt && timer.sequence < best.sequence)) {
        best = timer;
      }
    }
    return best;
  }

  #moveTo(monotonicMs: number): void {
    this.#wallMs += monotonicMs - this.#monotonicMs;
    this.#monotonicMs = monotonicMs;
  }
}
