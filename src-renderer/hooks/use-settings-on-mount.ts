import { useEffect } from 'react';
import type { AiriskApi, SettingsView } from '../../src-main/contract.ts';

/**
 * Reads the settings once, when the component mounts, and hands the answer (or the failure) to
 * `loaded` / `failed` (after an unmount React ignores the state they set). The two are read at
 * mount only: pass functions that just set state.
 */
export function useSettingsOnMount(api: AiriskApi, loaded: (settings: SettingsView) => void, failed: (error: unknown) => void): void {
  useEffect(() => {
    api.getSettings().then(loaded, failed);
    // `loaded` and `failed` only set state: reading the first ones is enough.
  }, [api]);
}
