import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppState } from '../../src-main/contract.ts';
import type { TrayAction } from '../../src-main/core/tray/tray-menu-model.ts';
import { createTrayPresenter, popsUpMenuOnClick } from '../../src-main/core/tray/tray-presenter.ts';
import { accountView, appState } from '../support/app-state-fixtures.ts';

test('the icon is reported as changed only when its state changes; tooltip and menu follow every state', () => {
  const dispatched: [TrayAction, AppState][] = [];
  const present = createTrayPresenter({ platform: 'linux', dispatch: (action, state) => dispatched.push([action, state]) });
  const empty = present(appState());
  assert.deepEqual([empty.iconState, empty.iconFile, empty.iconChanged], ['empty', 'tray/tray-empty.png', true]);
  assert.equal(present(appState()).iconChanged, false, 'the same icon is not set again');
  const signedIn = appState([accountView('a1', { label: 'user_42', active: true })]);
  const valid = present(signedIn);
  assert.deepEqual([valid.iconState, valid.iconChanged], ['valid', true]);
  assert.match(valid.tooltip, /user_42 — 42 min left$/);
  valid.template[0]?.click?.();
  assert.deepEqual(dispatched, [[{ type: 'copy', accountId: 'a1' }, signedIn]], 'a click dispatches against the state its menu showed');
});

test('each platform gets its own icon file', () => {
  assert.equal(createTrayPresenter({ platform: 'darwin', dispatch: () => undefined })(appState()).iconFile, 'tray/tray-emptyTemplate.png');
  assert.equal(createTrayPresenter({ platform: 'win32', dispatch: () => undefined })(appState()).iconFile, 'tray/tray-empty.ico');
});

test('a click on the tray icon pops up the menu by hand on Windows only (macOS opens it itself, Linux ignores clicks)', () => {
  assert.equal(popsUpMenuOnClick('win32'), true);
  for (const platform of ['darwin', 'linux', 'freebsd'] as const) assert.equal(popsUpMenuOnClick(platform), false, platform);
});
