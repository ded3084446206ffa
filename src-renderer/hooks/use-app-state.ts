import { useCallback, useEffect, useState } from 'react';
import type { AiriskApi, AppState } from '../../src-main/contract.ts';
import { errorText } from '../lib/error-text.ts';
import { newerState } from '../lib/newer-state.ts';

/** The app state as the window knows it, with a way to ask for it again. */
export interface AppStateHandle {
  /** `null` until the first answer. */
  readonly state: AppState | null;
  /** Why the state could not be read, if it could not. */
  readonly loadError: string | null;
  /** Asks main for the state now (after a change whose event may still be on its way). */
  readonly refresh: () => Promise<void>;
}

/**
 * Subscribes to `onStateChange` and takes `firstState`, the `getState()` answer the entry point asked
 * for before the first render; whichever is newer wins (see {@link newerState}). Unsubscribes on
 * unmount.
 */
export function useAppState(api: AiriskApi, firstState: Promise<AppState>): AppStateHandle {
  const [state, setState] = useState<AppState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const take = useCallback(async (answer: Promise<AppState>) => {
    try {
      const fresh = await answer;
      setState((current) => newerState(current, fresh));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorText(error));
    }
  }, []);
  const refresh = useCallback(() => take(api.getState()), [api, take]);

  useEffect(() => {
    const unsubscribe = api.onStateChange((incoming) => {
      setState((current) => newerState(current, incoming));
    });
    void take(firstState);
    return unsubscribe;
  }, [api, take, firstState]);

  return { state, loadError, refresh };
}
