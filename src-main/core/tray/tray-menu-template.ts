import type { TrayAction, TrayMenuItem } from './tray-menu-model.ts';

/** One `Menu.buildFromTemplate` entry (structurally Electron's `MenuItemConstructorOptions`). */
export interface MenuTemplateItem {
  readonly type: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  readonly label?: string;
  readonly enabled?: boolean;
  readonly checked?: boolean;
  readonly click?: () => void;
  readonly submenu?: MenuTemplateItem[];
}

/**
 * Maps core's pure tray menu model to `Menu.buildFromTemplate` input. On Windows and Linux `&` in a
 * label marks a mnemonic, so a literal `&` (an account label may have one) is doubled there.
 */
export function trayMenuTemplate(items: readonly TrayMenuItem[], dispatch: (action: TrayAction) => void, platform: NodeJS.Platform): MenuTemplateItem[] {
  const label = (text: string): string => (platform === 'darwin' ? text : text.replaceAll('&', '&&'));
  return items.map((item): MenuTemplateItem => {
    switch (item.kind) {
      case 'action':
        return { type: 'normal', label: label(item.label), enabled: item.enabled, click: () => dispatch(item.action) };
      case 'check':
        return { type: item.radio === true ? 'radio' : 'checkbox', label: label(item.label), checked: item.checked, click: () => dispatch(item.action) };
      case 'submenu':
        return { type: 'submenu', label: label(item.label), submenu: trayMenuTemplate(item.items, dispatch, platform) };
      case 'info':
        return { type: 'normal', label: label(item.label), enabled: false };
      case 'separator':
        return { type: 'separator' };
    }
  });
}
