/**
 * One shared clock for every countdown in the window: a tiny external store for
 * `useSyncExternalStore`. It ticks on whole seconds, but only at the seconds when something shown
 * may change: each listener can say how long its value stays the same ("42 min left" holds for up
 * to a minute), and the one timer waits for the earliest of those — at most once a second. It runs
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
  const listeners = new Map<() => void, SteadyFor | undefined>();
  const wholeSecond = (): number => Math.floor(environment.now() / 1000) * 1000;
  let timer: unknown;
  let scheduledAt = Infinity;
  let stopVisibility: (() => void) | undefined;

  /** The whole second at which the listeners next need a tick (Infinity: never), from `second` on. */
  const nextTick = (second: number, steadyFor: Iterable<SteadyFor | undefined>): number => {
    let due = Infinity;
    for (const steady of steadyFor) due = Math.min(due, second + (steady === undefined ? 0 : steady(second)));
    return due === Infinity ? due : Math.max(second + 1000, Math.ceil(due / 1000) * 1000);
  };
  const emit = (): void => {
    for (const listener of [...listeners.keys()]) listener();
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
      scheduledAt = Infinity;
      emit();
      schedule(nextTick(wholeSecond(), listeners.values()));
    }, at - environment.now());
  };
  const visibilityChanged = (): void => {
    if (environment.isHidden()) {
      stop();
    } else if (listeners.size > 0 && scheduledAt === Infinity) {
      emit();
      schedule(nextTick(wholeSecond(), listeners.values()));
    }
  };

  return {
    subscribe(listener, steadyFor) {
      listeners.set(listener, steadyFor);
      if (listeners.size === 1) stopVisibility = environment.onVisibilityChange(visibilityChanged);
      schedule(nextTick(wholeSecond(), [steadyFor]));
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
