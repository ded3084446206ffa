import { join } from 'node:path';
import { Menu, Tray } from 'electron';
import type { AppState } from '../contract.ts';
import { trayIconFiles } from '../core/tray/tray-icon-paths.ts';
import { buildTrayMenu, trayIconState, trayTooltip, type TrayAction, type TrayIconState, type TrayMenuItem } from '../core/tray/tray-menu-model.ts';
import { trayMenuTemplate } from './tray-menu-template.ts';

/** The tray icon and its menu. */
export interface TrayView {
  /** Redraws icon, tooltip and menu for `state` (the menu is set again every time: Linux needs it). */
  update(state: AppState): void;
  /** What the menu shows now, as core's model and as the Electron menu set on the tray (tests read both). */
  readonly items: readonly TrayMenuItem[];
  readonly menu: Menu | undefined;
  readonly iconState: TrayIconState;
  destroy(): void;
}

/** Options of {@link createTray}. */
export interface TrayOptions {
  /** The `resources/` folder holding `tray/…`. */
  readonly resourcesDir: string;
  readonly platform: NodeJS.Platform;
  readonly initialState: AppState;
  /** Runs a menu action against the state the menu was built from. */
  readonly dispatch: (action: TrayAction, state: AppState) => void;
}

/**
 * Creates the tray from core's menu model. Every action lives in the menu (Linux ignores clicks on
 * the icon).
 */
export function createTray(options: TrayOptions): TrayView {
  const iconPath = (state: TrayIconState): string => join(options.resourcesDir, ...trayIconFiles(options.platform, state).file.split('/'));
  let iconState = trayIconState(options.initialState);
  let items: readonly TrayMenuItem[] = [];
  let menu: Menu | undefined;
  const tray = new Tray(iconPath(iconState));
  const update = (state: AppState): void => {
    if (tray.isDestroyed()) return;
    const nextIcon = trayIconState(state);
    if (nextIcon !== iconState) {
      iconState = nextIcon;
      tray.setImage(iconPath(nextIcon));
    }
    tray.setToolTip(trayTooltip(state));
    items = buildTrayMenu(state);
    menu = Menu.buildFromTemplate(trayMenuTemplate(items, (action) => options.dispatch(action, state), options.platform));
    tray.setContextMenu(menu);
  };
  // macOS opens the menu on click by itself; Windows only on right-click, so pop it up on click too.
  if (options.platform === 'win32') tray.on('click', () => tray.popUpContextMenu());
  update(options.initialState);
  return {
    update,
    get items() {
      return items;
    },
    get menu() {
      return menu;
    },
    get iconState() {
      return iconState;
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
