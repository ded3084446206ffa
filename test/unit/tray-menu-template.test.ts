import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayMenuItem } from '../../src-main/core/tray/tray-menu-model.ts';
import { trayMenuTemplate } from '../../src-main/core/tray/tray-menu-template.ts';

const MODEL: TrayMenuItem[] = [
  { kind: 'action', label: 'Copy bearer header — R&D — 42 min left', action: { type: 'copy', accountId: 'a1' }, enabled: true },
  { kind: 'submenu', label: 'Switch active user', items: [{ kind: 'check', label: 'user_42', action: { type: 'set-active', accountId: 'a1' }, checked: true, radio: true }] },
  { kind: 'check', label: 'Start at login', action: { type: 'toggle-start-at-login' }, checked: false },
  { kind: 'info', label: 'Signing in user_7: waiting for you in the browser' },
  { kind: 'separator' },
  { kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true },
];

/** Calls an item's click the way Electron does (with arguments this mapper ignores). */
function click(item: MenuItemConstructorOptions | undefined): void {
  assert.ok(item?.click, 'the item has a click handler');
  (item.click as () => void)();
}

test('each model kind maps to the matching Electron menu item', () => {
  const template = trayMenuTemplate(MODEL, () => undefined, 'darwin');
  assert.deepEqual(
    template.map(({ type, label, enabled, checked }) => ({ type, label, enabled, checked })),
    [
      { type: 'normal', label: 'Copy bearer header — R&D — 42 min left', enabled: true, checked: undefined },
      { type: 'submenu', label: 'Switch active user', enabled: undefined, checked: undefined },
      { type: 'checkbox', label: 'Start at login', enabled: undefined, checked: false },
      { type: 'normal', label: 'Signing in user_7: waiting for you in the browser', enabled: false, checked: undefined },
      { type: 'separator', label: undefined, enabled: undefined, checked: undefined },
      { type: 'normal', label: 'Quit', enabled: true, checked: undefined },
    ],
  );
  const submenu = template[1]?.submenu as MenuItemConstructorOptions[];
  assert.deepEqual(submenu.map(({ type, label, checked }) => ({ type, label, checked })), [{ type: 'radio', label: 'user_42', checked: true }]);
  assert.equal(template[3]?.click, undefined, 'info lines do nothing');
});

test('clicks dispatch the model’s action, also from submenus', () => {
  const dispatched: TrayAction[] = [];
  const template = trayMenuTemplate(MODEL, (action) => dispatched.push(action), 'linux');
  click(template[0]);
  click((template[1]?.submenu as MenuItemConstructorOptions[])[0]);
  click(template[2]);
  click(template[5]);
  assert.deepEqual(dispatched, [{ type: 'copy', accountId: 'a1' }, { type: 'set-active', accountId: 'a1' }, { type: 'toggle-start-at-login' }, { type: 'quit' }]);
});

test('a literal & is doubled on Windows and Linux (mnemonics), kept on macOS', () => {
  assert.equal(trayMenuTemplate(MODEL, () => undefined, 'win32')[0]?.label, 'Copy bearer header — R&&D — 42 min left');
  assert.equal(trayMenuTemplate(MODEL, () => undefined, 'linux')[0]?.label, 'Copy bearer header — R&&D — 42 min left');
  assert.equal(trayMenuTemplate(MODEL, () => undefined, 'darwin')[0]?.label, 'Copy bearer header — R&D — 42 min left');
});
