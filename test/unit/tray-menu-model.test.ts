import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountView, appState } from '../support/app-state-fixtures.ts';
import { buildTrayMenu, trayIconState, trayTooltip, type TrayMenuItem } from '../../src-main/core/tray/tray-menu-model.ts';

const labels = (items: readonly TrayMenuItem[]): string[] => items.map((item) => (item.kind === 'separator' ? '---' : item.label));

test('the first item copies the active user’s header and names the time left', () => {
  const menu = buildTrayMenu(appState([accountView('user_42', { active: true })]));
  assert.deepEqual(menu[0], { kind: 'action', label: 'Copy bearer header — user_42 — 42 min left', action: { type: 'copy', accountId: 'user_42' }, enabled: true });
});

test('with several users there is a copy-for submenu and a switch-user radio submenu', () => {
  const menu = buildTrayMenu(appState([accountView('Generic', { userid: null }), accountView('user_42', { active: true }), accountView('user_7', { status: 'expired', secondsLeft: -180 })]));
  const copyFor = menu.find((item) => item.kind === 'submenu' && item.label === 'Copy bearer header for');
  assert.ok(copyFor?.kind === 'submenu');
  assert.deepEqual(labels(copyFor.items), ['Generic — 42 min left', 'user_42 — 42 min left', 'user_7 — expired 3 min ago']);
  assert.equal(copyFor.items[2]?.kind === 'action' && copyFor.items[2].enabled, false, 'an expired token is not offered for copying');
  const switchUser = menu.find((item) => item.kind === 'submenu' && item.label === 'Switch active user');
  assert.ok(switchUser?.kind === 'submenu');
  assert.deepEqual(switchUser.items.map((item) => item.kind === 'check' && item.checked), [false, true, false]);
});

test('renew appears only for expiring, expired and sign-in-again accounts', () => {
  const menu = buildTrayMenu(appState([accountView('a', { active: true }), accountView('b', { status: 'expiring', secondsLeft: 120 }), accountView('c', { status: 'sign_in_again' })]));
  assert.deepEqual(labels(menu).filter((label) => label.startsWith('Renew')), ['Renew b — 2 min left', 'Renew c — sign in again']);
});

test('the menu always ends with sign-in, open window, start at login and quit', () => {
  const menu = buildTrayMenu(appState([], { startAtLogin: true }));
  assert.deepEqual(labels(menu), ['No tokens yet — sign in to get one', '---', 'Sign in (generic token)', 'Sign in as a user…', '---', 'Open AIRisk Token Tray', 'Start at login', 'Quit']);
  assert.deepEqual(menu.at(-2), { kind: 'check', label: 'Start at login', action: { type: 'toggle-start-at-login' }, checked: true });
});

test('an unconfigured app disables sign-in and says how to set up', () => {
  const menu = buildTrayMenu(appState([], { configured: false }));
  assert.equal(labels(menu)[0], 'Not set up — open the window to configure');
  assert.equal(menu.find((item) => item.kind === 'action' && item.action.type === 'sign-in-generic')?.kind === 'action' && (menu.find((item) => item.kind === 'action' && item.action.type === 'sign-in-generic') as { enabled: boolean }).enabled, false);
});

test('a sign-in in progress shows its stage and offers cancel instead of sign-in', () => {
  const menu = buildTrayMenu(appState([], { signIn: { userid: 'user_42', stage: 'waiting_for_browser', authorizationUrl: null, listening: true, notes: [] } }));
  assert.ok(labels(menu).includes('Signing in user_42: waiting for you in the browser'));
  assert.ok(labels(menu).includes('Cancel sign-in'));
  assert.ok(!labels(menu).includes('Sign in (generic token)'));
});

test('an expired active token disables the main copy item and points to renew', () => {
  const menu = buildTrayMenu(appState([accountView('user_42', { active: true, status: 'expired', secondsLeft: -60 })]));
  assert.deepEqual(menu[0], { kind: 'action', label: 'Copy bearer header — user_42 — expired 1 min ago (renew first)', action: { type: 'copy', accountId: 'user_42' }, enabled: false });
});

test('icon and tooltip follow the active token', () => {
  assert.equal(trayIconState(appState([])), 'empty');
  assert.equal(trayIconState(appState([accountView('a', { active: true })])), 'valid');
  assert.equal(trayIconState(appState([accountView('a', { active: true }), accountView('b', { status: 'expiring' })])), 'expiring');
  assert.equal(trayIconState(appState([accountView('a', { active: true, status: 'expired' })])), 'expired');
  assert.equal(trayTooltip(appState([accountView('user_42', { active: true })])), 'AIRisk Token Tray — user_42 — 42 min left');
  assert.equal(trayTooltip(appState([])), 'AIRisk Token Tray — no token');
});
