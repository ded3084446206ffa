/**
 * One shared 1 Hz clock for every countdown in the window: a tiny external store for
 * `useSyncExternalStore`. It runs only while someone listens and the page is visible, so a hidden
 * window or an empty list costs nothing; on becoming visible it ticks at once, so no countdown
 * shows a stale value.
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

/** The store: `subscribe` and `getSnapshot` in the shape `useSyncExternalStore` wants. */
export interface TickStore {
  subscribe(listener: () => void): () => void;
  /** The time of the last tick, in ms since the epoch, rounded down to the whole second. */
  getSnapshot(): number;
  /** Whether the timer is currently scheduled (for tests). */
  running(): boolean;
}

/** Creates a tick store that fires at each whole second of `environment.now()`. */
export function createTickStore(environment: TickEnvironment): TickStore {
  const listeners = new Set<() => void>();
  const wholeSecond = (): number => Math.floor(environment.now() / 1000) * 1000;
  let now = wholeSecond();
  let timer: unknown;
  let scheduled = false;
  let stopVisibility: (() => void) | undefined;

  const emit = (): void => {
    now = wholeSecond();
    for (const listener of [...listeners]) listener();
  };
  const schedule = (): void => {
    if (scheduled || listeners.size === 0 || environment.isHidden()) return;
    scheduled = true;
    const delay = 1000 - (environment.now() % 1000);
    timer = environment.setTimeout(() => {
      scheduled = false;
      emit();
      schedule();
    }, delay);
  };
  const stop = (): void => {
    if (!scheduled) return;
    scheduled = false;
    environment.clearTimeout(timer);
  };
  const visibilityChanged = (): void => {
    if (environment.isHidden()) {
      stop();
    } else if (listeners.size > 0 && !scheduled) {
      emit();
      schedule();
    }
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        stopVisibility = environment.onVisibilityChange(visibilityChanged);
        now = wholeSecond();
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop();
          stopVisibility?.();
          stopVisibility = undefined;
        }
      };
    },
    getSnapshot: () => {
      // Idle (nothing mounted): no tick keeps `now` fresh, so read the clock, to the whole second
      // so that repeated reads during one render agree.
      if (listeners.size === 0) now = wholeSecond();
      return now;
    },
    running: () => scheduled,
  };
}
