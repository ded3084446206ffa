/**
 * One shared clock for every countdown in the window: a tiny external store for
 * `useSyncExternalStore`. It ticks on whole seconds, but only at the seconds when something shown
 * may change: each listener can say how long its value stays the same ("42 min left" holds for up
 * to a minute), the one timer waits for the earliest of those — at most once a second — and a tick
 * tells only the listeners whose value may have changed. It runs
 * only while someone listens and the page is visible, so a hidden window or an empty list costs
 * nothing; on becoming visible it ticks at once, so no countdown shows a stale value.
 */

/** What the store needs from its surroundings (the real ones in the window, fakes in tests). */
export interface TickEnvironment {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  isHidden(): boolean;
  /** Calls `listener` whenever visibility may have changed; returns the unsubscribe. */
  onVisibilityChange(listener: () => void): () => void;
}

/**
 * How long (ms) from `nowMs` a listener's value is sure to stay as it is at `nowMs`: it does not
 * change before `nowMs` plus that. Infinity when it never changes. Without one, a listener is told
 * every second.
 */
export type SteadyFor = (nowMs: number) => number;

/** The store: `subscribe` and `getSnapshot` in the shape `useSyncExternalStore` wants. */
export interface TickStore {
  subscribe(listener: () => void, steadyFor?: SteadyFor): () => void;
  /** The current time in ms since the epoch, rounded down to the whole second. */
  getSnapshot(): number;
  /** Whether the timer is currently scheduled (for tests). */
  running(): boolean;
}

/** Creates a tick store that fires on whole seconds of `environment.now()`, when a listener's value may change. */
export function createTickStore(environment: TickEnvironment): TickStore {
  /** Each listener with the whole second at which its value may next change. */
  const listeners = new Map<() => void, { readonly steadyFor: SteadyFor | undefined; due: number }>();
  const wholeSecond = (): number => Math.floor(environment.now() / 1000) * 1000;
  let timer: unknown;
  let scheduledAt = Infinity;
  let stopVisibility: (() => void) | undefined;

  /** The whole second after `second` at which a value steady for `steadyFor` needs a look (Infinity: never). */
  const dueAfter = (second: number, steadyFor: SteadyFor | undefined): number => {
    const due = second + (steadyFor === undefined ? 0 : steadyFor(second));
    return due === Infinity ? due : Math.max(second + 1000, Math.ceil(due / 1000) * 1000);
  };
  /** Tells the listeners whose value may have changed by now (or all of them), and when to look next. */
  const tell = (everyone: boolean): void => {
    const second = wholeSecond();
    for (const [listener, entry] of [...listeners]) {
      if (!everyone && entry.due > second) continue;
      entry.due = dueAfter(second, entry.steadyFor);
      listener();
    }
  };
  const earliestDue = (): number => {
    let earliest = Infinity;
    for (const { due } of listeners.values()) earliest = Math.min(earliest, due);
    return earliest;
  };
  const stop = (): void => {
    if (scheduledAt === Infinity) return;
    scheduledAt = Infinity;
    environment.clearTimeout(timer);
  };
  /** Sets the timer for `at` (a whole second), unless one is set for earlier already. */
  const schedule = (at: number): void => {
    if (at >= scheduledAt || listeners.size === 0 || environment.isHidden()) return;
    stop();
    if (at === Infinity) return;
    scheduledAt = at;
    timer = environment.setTimeout(() => {
      const expected = scheduledAt;
      scheduledAt = Infinity;
      // Earlier than planned on the wall clock: it was set back, so every due second is suspect.
      tell(wholeSecond() < expected);
      schedule(earliestDue());
    }, at - environment.now());
  };
  const visibilityChanged = (): void => {
    if (environment.isHidden()) {
      stop();
    } else if (listeners.size > 0 && scheduledAt === Infinity) {
      tell(true);
      schedule(earliestDue());
    }
  };

  return {
    subscribe(listener, steadyFor) {
      const entry = { steadyFor, due: dueAfter(wholeSecond(), steadyFor) };
      listeners.set(listener, entry);
      if (listeners.size === 1) stopVisibility = environment.onVisibilityChange(visibilityChanged);
      schedule(entry.due);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop();
          stopVisibility?.();
          stopVisibility = undefined;
        }
      };
    },
    // Always the current second: a row rendered between ticks shows the right value; the ticks
    // only tell the listeners when to look again.
    getSnapshot: wholeSecond,
    running: () => scheduledAt !== Infinity,
  };
}
