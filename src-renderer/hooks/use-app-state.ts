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
 * Starts from `initial` (the entry point's first read), subscribes to `onStateChange` and reads the
 * state again at start (a change may have happened before the subscription) and on `refresh`;
 * whichever answer is newer wins (see {@link newerState}). Unsubscribes on unmount.
 */
export function useAppState(api: AiriskApi, initial: AppState | null): AppStateHandle {
  const [state, setState] = useState<AppState | null>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const fresh = await api.getState();
      setState((current) => newerState(current, fresh));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorText(error));
    }
  }, [api]);

  useEffect(() => {
    const unsubscribe = api.onStateChange((incoming) => {
      setState((current) => newerState(current, incoming));
    });
    void refresh();
    return unsubscribe;
  }, [api, refresh]);

  return { state, loadError, refresh };
}
