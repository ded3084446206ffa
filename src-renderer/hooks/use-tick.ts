import { useSyncExternalStore } from 'react';
import { createTickStore } from '../lib/tick-store.ts';

/** The window's one 1 Hz clock: stops while the window is hidden and while no countdown is shown. */
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
 * boolean): the component re-renders only when that value changes, so a "42 min left" countdown
 * renders once a minute although the clock ticks every second.
 */
export function useTick<T extends string | number | boolean>(select: (nowMs: number) => T): T {
  return useSyncExternalStore(tickStore.subscribe, () => select(tickStore.getSnapshot()));
}
