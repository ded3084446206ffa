import type { TrayView } from './tray.ts';
import type { WindowController } from './window.ts';

/** What the Electron tests reach through `electronApp.evaluate(() => globalThis.airiskE2E…)`. */
export interface E2eHooks {
  /** The tray menu's labels, top level, as set on the real Electron Menu. */
  trayLabels(): string[];
  trayIconState(): string;
  /** Clicks the top-level tray menu item whose label starts with `prefix`; false when none. */
  clickTrayItem(prefix: string): boolean;
  showWindow(): void;
}

declare global {
  var airiskE2E: E2eHooks | undefined;
}

/**
 * Exposes read-and-click access to the tray for test/electron, only when the environment says
 * `AIRISK_E2E=1` (whoever sets a process's environment controls it anyway). Otherwise does nothing.
 */
export function exposeE2eHooks(env: { readonly AIRISK_E2E?: string | undefined }, parts: { readonly tray: TrayView; readonly window: WindowController }): void {
  if (env.AIRISK_E2E !== '1') return;
  globalThis.airiskE2E = {
    trayLabels: () => (parts.tray.menu?.items ?? []).map((item) => item.label),
    trayIconState: () => parts.tray.iconState,
    clickTrayItem: (prefix) => {
      const item = parts.tray.menu?.items.find((candidate) => candidate.label.startsWith(prefix) && candidate.enabled);
      if (item === undefined) return false;
      item.click();
      return true;
    },
    showWindow: () => parts.window.show(),
  };
}
