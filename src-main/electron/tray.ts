import { join } from 'node:path';
import { Menu, Tray } from 'electron';
import type { AppState } from '../contract.ts';
import type { TrayAction, TrayIconState } from '../core/tray/tray-menu-model.ts';
import { createTrayPresenter, popsUpMenuOnClick, type TrayPicture } from '../core/tray/tray-presenter.ts';

/** The tray icon and its menu. */
export interface TrayView {
  /** Redraws icon, tooltip and menu for `state`. */
  update(state: AppState): void;
  /** The Electron menu set on the tray now, and the icon's state (the Electron tests read both). */
  readonly menu: Menu | undefined;
  readonly iconState: TrayIconState;
  destroy(): void;
}

/** Options of {@link createTray}: `resourcesDir` holds `tray/…`; `dispatch` runs a menu action against the state its menu showed. */
export interface TrayOptions {
  readonly resourcesDir: string;
  readonly platform: NodeJS.Platform;
  readonly initialState: AppState;
  readonly dispatch: (action: TrayAction, state: AppState) => void;
}

/** Creates the tray; core's presenter decides what it shows. Every action lives in the menu (Linux ignores clicks on the icon). */
export function createTray(options: TrayOptions): TrayView {
  const present = createTrayPresenter(options);
  const iconPath = (picture: TrayPicture): string => join(options.resourcesDir, ...picture.iconFile.split('/'));
  let picture = present(options.initialState);
  let menu: Menu | undefined;
  const tray = new Tray(iconPath(picture));
  const draw = (): void => {
    tray.setToolTip(picture.tooltip);
    menu = Menu.buildFromTemplate(picture.template);
    tray.setContextMenu(menu);
  };
  if (popsUpMenuOnClick(options.platform)) tray.on('click', () => tray.popUpContextMenu());
  draw();
  return {
    update(state) {
      if (tray.isDestroyed()) return;
      picture = present(state);
      if (picture.iconChanged) tray.setImage(iconPath(picture));
      draw();
    },
    get menu() {
      return menu;
    },
    get iconState() {
      return picture.iconState;
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
