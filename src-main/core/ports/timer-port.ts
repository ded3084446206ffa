/**
 * The clock and the one-shot timers the core schedules with, injected so tests can drive time by
 * hand (test/support/manual-clock.ts) and the app runs on `Date.now` and the global timers.
 */

declare const timerHandleBrand: unique symbol;

/** An armed timer, good only for `clearTimeout` of the port that returned it. */
export interface TimerHandle {
  readonly [timerHandleBrand]: true;
}

/** Wall-clock time and one-shot timers. */
export interface TimerPort {
  /** Local wall-clock time in ms since the epoch (what `Date.now()` says). */
  now(): number;
  /** Calls `callback` once, `delayMs` from now (negative or NaN = as soon as possible). */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  /** Disarms a timer; harmless when it already fired or was cleared. */
  clearTimeout(handle: TimerHandle): void;
}

/** Node's and Chromium's timers overflow above this delay (about 24.8 days) and fire at once. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** The live global timeout behind each handle; it changes when a long delay is re-armed. */
const liveTimeouts = new WeakMap<TimerHandle, ReturnType<typeof globalThis.setTimeout>>();

/**
 * `Date.now` and the global timers. Timers stay ref'd (an armed timer keeps the process alive, as
 * with `setTimeout`). A delay beyond {@link MAX_TIMER_DELAY_MS} is waited out in chunks and
 * re-armed, instead of overflowing; `Infinity` therefore never fires.
 */
export const systemTimers: TimerPort = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const handle = Object.freeze({}) as TimerHandle;
    let remaining = delayMs > 0 ? delayMs : 0;
    const arm = (): void => {
      const chunk = Math.min(remaining, MAX_TIMER_DELAY_MS);
      remaining -= chunk;
      const timeout = globalThis.setTimeout(() => {
        if (remaining > 0) {
          arm();
          return;
        }
        liveTimeouts.delete(handle);
        callback();
      }, chunk);
      liveTimeouts.set(handle, timeout);
    };
    arm();
    return handle;
  },
  clearTimeout(handle) {
    const timeout = liveTimeouts.get(handle);
    if (timeout === undefined) return;
    globalThis.clearTimeout(timeout);
    liveTimeouts.delete(handle);
  },
};
