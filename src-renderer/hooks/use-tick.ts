import { useCallback, useLayoutEffect, useSyncExternalStore, type RefObject } from 'react';
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

/**
 * Text derived from the shared clock, for the element `ref` points at. The component renders the
 * returned text; when the clock changes it, the text is written into the element directly, without
 * a React render. A countdown changes once a minute (once a second in its last minute), and a
 * render costs a scheduler task and a commit for one text node, several times the write itself.
 * `text` and `steadyFor` must be stable (useCallback); the text is re-checked whenever they change.
 * While `live` is false (the element is out of view) the clock leaves it alone; when it turns true
 * the text is brought up to date before the next paint.
 */
export function useTickText(ref: RefObject<HTMLElement | null>, text: (nowMs: number) => string, steadyFor: SteadyFor, live: boolean): string {
  useLayoutEffect(() => {
    if (!live) return undefined;
    const write = (): void => {
      const element = ref.current;
      const next = text(tickStore.getSnapshot());
      if (element !== null && element.textContent !== next) element.textContent = next;
    };
    // A tick may have passed between the render and this subscription.
    write();
    return tickStore.subscribe(write, steadyFor);
  }, [ref, text, steadyFor, live]);
  return text(tickStore.getSnapshot());
}
