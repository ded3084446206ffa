import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountView, appState, connectionSummary, FIXTURE_CONNECTION_ID } from '../support/app-state-fixtures.ts';
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

test('a renew item is enabled by its account\'s own connection being set up, not by any connection', () => {
  const accounts = [accountView('a', { status: 'expired', secondsLeft: -60 }), accountView('s', { connectionId: 'staging', status: 'expired', secondsLeft: -60, active: true })];
  const renewItems = (connections: Parameters<typeof appState>[1]): [string, boolean][] =>
    buildTrayMenu(appState(accounts, connections)).flatMap((item) => (item.kind === 'action' && item.action.type === 'renew' ? [[item.action.accountId, item.enabled] as [string, boolean]] : []));
  const unfinishedStaging = { configured: true, connections: [connectionSummary(FIXTURE_CONNECTION_ID, 'AIRisk'), connectionSummary('staging', 'Staging', { configured: false })] };
  assert.deepEqual(renewItems(unfinishedStaging), [['a', true], ['s', false]]);
  const onlyStaging = { configured: true, connections: [connectionSummary(FIXTURE_CONNECTION_ID, 'AIRisk', { configured: false }), connectionSummary('staging', 'Staging')] };
  assert.deepEqual(renewItems(onlyStaging), [['a', false], ['s', true]]);
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
  const menu = buildTrayMenu(appState([], { signIn: { connectionId: FIXTURE_CONNECTION_ID, userid: 'user_42', stage: 'waiting_for_browser', authorizationUrl: null, listening: true, notes: [] } }));
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

/** Two connections, "AIRisk" (the fixture's) and "Staging", with user_42 on both; the Staging one active. */
function twoConnections(overrides: Parameters<typeof appState>[1] = {}): ReturnType<typeof appState> {
  const accounts = [accountView('a42', { label: 'user_42' }), accountView('s42', { label: 'user_42', connectionId: 'staging', active: true, status: 'expiring', secondsLeft: 120 })];
  return appState(accounts, { connections: [connectionSummary(FIXTURE_CONNECTION_ID, 'AIRisk'), connectionSummary('staging', 'Staging')], ...overrides });
}

test('with two connections every account label outside a group carries its connection name', () => {
  const menu = buildTrayMenu(twoConnections());
  assert.equal(labels(menu)[0], 'Copy bearer header — user_42 · Staging — 2 min left');
  const copyFor = menu.find((item) => item.kind === 'submenu' && item.label === 'Copy bearer header for');
  assert.deepEqual(copyFor?.kind === 'submenu' ? labels(copyFor.items) : [], ['user_42 · AIRisk — 42 min left', 'user_42 · Staging — 2 min left']);
  const switchTo = menu.find((item) => item.kind === 'submenu' && item.label === 'Switch active user');
  assert.deepEqual(switchTo?.kind === 'submenu' ? labels(switchTo.items) : [], ['user_42 · AIRisk', 'user_42 · Staging']);
  assert.ok(labels(menu).includes('Renew user_42 · Staging — 2 min left'));
  assert.equal(trayTooltip(twoConnections()), 'AIRisk Token Tray — user_42 · Staging — 2 min left');
});

test('with two connections "Sign in" becomes one item per configured connection', () => {
  const state = twoConnections({ connections: [connectionSummary(FIXTURE_CONNECTION_ID, 'AIRisk'), connectionSummary('staging', 'Staging'), connectionSummary('bare', 'Unfinished', { configured: false })] });
  const signIns = buildTrayMenu(state).filter((item) => item.kind === 'action' && item.action.type === 'sign-in-generic');
  assert.deepEqual(
    signIns.map((item) => (item.kind === 'action' ? [item.label, item.action, item.enabled] : [])),
    [
      ['Sign in on AIRisk', { type: 'sign-in-generic', connectionId: FIXTURE_CONNECTION_ID }, true],
      ['Sign in on Staging', { type: 'sign-in-generic', connectionId: 'staging' }, true],
    ],
    'an unconfigured connection offers no sign-in',
  );
});

test('a sign-in under way names its connection when there are two', () => {
  const menu = buildTrayMenu(twoConnections({ signIn: { connectionId: 'staging', userid: 'user_42', stage: 'exchanging_code', authorizationUrl: null, listening: true, notes: [] } }));
  assert.ok(labels(menu).includes('Signing in user_42 on Staging: exchanging the code'));
});

test('with one connection nothing changes: plain labels and one "Sign in (generic token)"', () => {
  const menu = buildTrayMenu(appState([accountView('user_42', { active: true }), accountView('user_7')]));
  assert.equal(labels(menu)[0], 'Copy bearer header — user_42 — 42 min left');
  assert.ok(!labels(menu).some((label) => label.includes(' · ')));
  assert.deepEqual(
    menu.filter((item) => item.kind === 'action' && item.action.type === 'sign-in-generic').map((item) => (item.kind === 'action' ? item.action : undefined)),
    [{ type: 'sign-in-generic' }],
  );
});
