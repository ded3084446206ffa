import { useEffect } from 'react';
import type { AiriskApi, SettingsView } from '../../src-main/contract.ts';

/**
 * Reads the settings once, when the component mounts, and hands the answer (or the failure) to
 * `loaded` / `failed` unless the component has unmounted by then. The two are read at mount only:
 * pass functions that just set state.
 */
export function useSettingsOnMount(api: AiriskApi, loaded: (settings: SettingsView) => void, failed: (error: unknown) => void): void {
  useEffect(() => {
    let mounted = true;
    api.getSettings().then(
      (settings) => {
        if (mounted) loaded(settings);
      },
      (error: unknown) => {
        if (mounted) failed(error);
      },
    );
    return () => {
      mounted = false;
    };
    // `loaded` and `failed` only set state: reading the first ones is enough.
  }, [api]);
}
