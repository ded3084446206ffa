import type { AppState } from '../../contract.ts';
import { trayIconFiles } from './tray-icon-paths.ts';
import { buildTrayMenu, trayIconState, trayTooltip, type TrayAction, type TrayIconState } from './tray-menu-model.ts';
import { trayMenuTemplate, type MenuTemplateItem } from './tray-menu-template.ts';

/** Everything the tray shows for one state. */
export interface TrayPicture {
  readonly iconState: TrayIconState;
  /** The icon, relative to `resources/` with POSIX separators. */
  readonly iconFile: string;
  /** False when the icon is the one already shown (the shell then leaves the image alone). */
  readonly iconChanged: boolean;
  readonly tooltip: string;
  /** The menu, ready for `Menu.buildFromTemplate`; its clicks dispatch against this state. */
  readonly template: MenuTemplateItem[];
}

/**
 * Whether a click on the tray icon must pop up the menu by hand: only on Windows, where the menu
 * opens by itself on right-click alone. macOS opens it on click already; Linux ignores icon clicks.
 */
export function popsUpMenuOnClick(platform: NodeJS.Platform): boolean {
  return platform === 'win32';
}

/**
 * Turns each state into what the tray shows: icon (and whether it changed since the last picture),
 * tooltip and menu. The menu is rebuilt every time: Linux needs `setContextMenu` after each change.
 */
export function createTrayPresenter(options: { readonly platform: NodeJS.Platform; readonly dispatch: (action: TrayAction, state: AppState) => void }): (state: AppState) => TrayPicture {
  let shownIcon: TrayIconState | undefined;
  return (state) => {
    const iconState = trayIconState(state);
    const iconChanged = iconState !== shownIcon;
    shownIcon = iconState;
    return {
      iconState,
      iconFile: trayIconFiles(options.platform, iconState).file,
      iconChanged,
      tooltip: trayTooltip(state),
      template: trayMenuTemplate(buildTrayMenu(state), (action) => options.dispatch(action, state), options.platform),
    };
  };
}
