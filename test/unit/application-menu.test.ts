import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate } from '../../src-main/core/window/application-menu.ts';

test('only macOS gets an (invisible) Edit menu, so ⌘C/⌘V work in the window’s text fields', () => {
  assert.equal(applicationMenuTemplate('linux'), null);
  assert.equal(applicationMenuTemplate('win32'), null);
  const mac = applicationMenuTemplate('darwin');
  assert.equal(mac?.[0]?.label, 'Edit');
  const roles = (mac?.[0]?.submenu as MenuItemConstructorOptions[]).map((item) => item.role ?? item.type);
  assert.deepEqual(roles, ['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
});
