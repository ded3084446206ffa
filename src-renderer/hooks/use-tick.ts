import { useCallback, useSyncExternalStore } from 'react';
import { createTickStore, type SteadyFor } from '../lib/tick-store.ts';

/** The window's one clock: stops while the window is hidden and while no countdown is shown. */
const tickStore = createTickStore({
  now: () => Date.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  isHidden: () => document.visibilityState === 'hidden',
  onVisibilityChange: (listener) => {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
});

/**
 * A value derived from the shared clock. `select` must return a primitive (a string, number or
 * boolean): the component re-renders only when that value changes. `steadyFor` (keep it stable,
 * e.g. with useCallback) says how long the value holds from a given time, so the clock wakes only
 * when it may change — once a minute for "42 min left"; without it, every second.
 */
export function useTick<T extends string | number | boolean>(select: (nowMs: number) => T, steadyFor?: SteadyFor): T {
  const subscribe = useCallback((listener: () => void) => tickStore.subscribe(listener, steadyFor), [steadyFor]);
  return useSyncExternalStore(subscribe, () => select(tickStore.getSnapshot()));
}
