import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayMenuItem } from '../core/tray/tray-menu-model.ts';

/**
 * Maps core's pure tray menu model to `Menu.buildFromTemplate` input. Type-only electron import, so
 * it runs (and is tested) in Node. On Windows and Linux `&` in a label marks a mnemonic, so a
 * literal `&` (an account label may have one) is doubled there.
 */
export function trayMenuTemplate(items: readonly TrayMenuItem[], dispatch: (action: TrayAction) => void, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const label = (text: string): string => (platform === 'darwin' ? text : text.replaceAll('&', '&&'));
  return items.map((item): MenuItemConstructorOptions => {
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
