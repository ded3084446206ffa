import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountView, appState, connectionSummary, FIXTURE_CONNECTION_ID } from '../support/app-state-fixtures.ts';
import { buildTrayMenu, countMenuEntries, MENU_LIST_CAP, trayIconState, trayTooltip, type TrayMenuItem } from '../../src-main/core/tray/tray-menu-model.ts';
import { trayBenchState } from '../support/tray-bench-state.ts';

const labels = (items: readonly TrayMenuItem[]): string[] => items.map((item) => (item.kind === 'separator' ? '---' : item.label));

test('the first item copies the active user’s header and names the time left', () => {
  const menu = buildTrayMenu(appState([accountView('user_42', { active: true })]));
  assert.deepEqual(menu[0], { kind: 'action', label: 'Copy bearer header — user_42 — 42 min left', action: { type: 'copy', accountId: 'user_42' }, enabled: true });
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
  const menu = buildTrayMenu(appState([], { signIn: { connectionId: FIXTURE_CONNECTION_ID, userid: 'user_42', stage: 'waiting_for_browser', subject: 'user_42', message: 'Signing in for user_42', deadline: null, listening: true, notes: [] } }));
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
  assert.equal(trayIconState(appState([accountView('a', { active: true, status: 'expiring', secondsLeft: 120 })])), 'expiring');
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
  const copyFor = menu.find((item) => item.kind === 'submenu' && item.label === 'Copy for…');
  assert.deepEqual(copyFor?.kind === 'submenu' ? labels(copyFor.items) : [], ['user_42 · AIRisk — 42 min left', 'user_42 · Staging — 2 min left']);
  const switchTo = menu.find((item) => item.kind === 'submenu' && item.label === 'Switch active…');
  assert.deepEqual(switchTo?.kind === 'submenu' ? labels(switchTo.items) : [], ['user_42 · Staging', 'user_42 · AIRisk'], 'the active account heads the switch list');
  assert.ok(labels(menu).includes('Renew 1 expiring…'));
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
  const menu = buildTrayMenu(twoConnections({ signIn: { connectionId: 'staging', userid: 'user_42', stage: 'exchanging_code', subject: 'user_42', message: 'Signing in for user_42', deadline: null, listening: true, notes: [] } }));
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

const submenu = (menu: readonly TrayMenuItem[], label: string): readonly TrayMenuItem[] => {
  const found = menu.find((item) => item.kind === 'submenu' && item.label === label);
  assert.ok(found?.kind === 'submenu', `no submenu ${label}`);
  return found.items;
};

test('the icon follows only the active token: another account expiring leaves a valid active token\'s icon valid', () => {
  assert.equal(trayIconState(appState([accountView('a', { active: true, secondsLeft: 49 * 60 }), accountView('b', { status: 'expiring', secondsLeft: 60 })])), 'valid');
  assert.equal(trayIconState(appState([accountView('a', { active: true }), accountView('b', { status: 'expired', secondsLeft: -60 })])), 'valid');
  assert.equal(trayIconState(appState([accountView('a', { active: true, status: 'sign_in_again' }), accountView('b')])), 'expired');
});

test('Copy for… and Switch active… list the most recently copied first, then never-copied ones in natural order', () => {
  const menu = buildTrayMenu(
    appState([
      accountView('user_10'),
      accountView('user_2'),
      accountView('user_1', { lastUsedAt: '2029-12-31T23:00:00Z' }),
      accountView('user_30', { lastUsedAt: '2029-12-31T23:10:00Z', active: true }),
      accountView('user_7', { status: 'expired', secondsLeft: -180 }),
    ]),
  );
  assert.deepEqual(labels(submenu(menu, 'Copy for…')), ['user_30 — 42 min left', 'user_1 — 42 min left', 'user_2 — 42 min left', 'user_7 — expired 3 min ago', 'user_10 — 42 min left']);
  const copyFor = submenu(menu, 'Copy for…');
  assert.equal(copyFor[3]?.kind === 'action' && copyFor[3].enabled, false, 'an expired token is not offered for copying');
  const switchTo = submenu(menu, 'Switch active…');
  assert.deepEqual(labels(switchTo), ['user_30', 'user_1', 'user_2', 'user_7', 'user_10']);
  assert.deepEqual(switchTo.map((item) => item.kind === 'check' && item.checked), [true, false, false, false, false]);
});

test('Recent holds the last five copied accounts other than the active one, one click each', () => {
  const used = Array.from({ length: 7 }, (_, index) => accountView(`user_${index}`, { lastUsedAt: `2029-12-31T23:0${index}:00Z` }));
  const menu = buildTrayMenu(appState([accountView('active', { active: true, lastUsedAt: '2029-12-31T23:59:00Z' }), ...used, accountView('never')]));
  const at = labels(menu).indexOf('Recent');
  assert.equal(at, 1, 'right under the active account');
  assert.deepEqual(
    menu.slice(at + 1, at + 6).map((item) => (item.kind === 'action' ? item.action : undefined)),
    ['user_6', 'user_5', 'user_4', 'user_3', 'user_2'].map((accountId) => ({ type: 'copy', accountId })),
  );
  assert.equal(menu[at + 6]?.kind, 'submenu');
  assert.ok(!labels(buildTrayMenu(appState([accountView('a', { active: true }), accountView('b')]))).includes('Recent'), 'nothing copied yet: no Recent');
});

test(`past ${MENU_LIST_CAP} accounts the lists stop at ${MENU_LIST_CAP} and end with "More… (opens the window)"; the active account is always in Switch active…`, () => {
  const accounts = Array.from({ length: 30 }, (_, index) => accountView(`user_${index + 1}`, { active: index === 29 }));
  const menu = buildTrayMenu(appState(accounts));
  const copyFor = submenu(menu, 'Copy for…');
  assert.equal(copyFor.length, MENU_LIST_CAP + 1);
  assert.deepEqual(copyFor.at(-1), { kind: 'action', label: 'More… (opens the window)', action: { type: 'open-window' }, enabled: true });
  assert.deepEqual(labels(copyFor).slice(0, 3), ['user_1 — 42 min left', 'user_2 — 42 min left', 'user_3 — 42 min left']);
  const switchTo = submenu(menu, 'Switch active…');
  assert.equal(switchTo.length, MENU_LIST_CAP + 1);
  assert.deepEqual(labels(switchTo).slice(0, 2), ['user_30', 'user_1']);
});

test('one "Renew N …" line for every token needing renewal runs Renew all on their connection', () => {
  const menu = buildTrayMenu(appState([accountView('a', { active: true }), accountView('b', { status: 'expiring', secondsLeft: 120 }), accountView('c', { status: 'sign_in_again' }), accountView('d', { status: 'expired', secondsLeft: -5 })]));
  const renew = menu.filter((item) => item.kind === 'action' && /^Renew/.test(item.label));
  assert.deepEqual(renew, [{ kind: 'action', label: 'Renew 3 expired or expiring…', action: { type: 'renew-all', connectionId: FIXTURE_CONNECTION_ID }, enabled: true }]);
  assert.deepEqual(
    labels(buildTrayMenu(appState([accountView('a', { active: true, status: 'expiring', secondsLeft: 60 })]))).filter((label) => label.startsWith('Renew')),
    ['Renew 1 expiring…'],
  );
  assert.ok(!labels(buildTrayMenu(appState([accountView('a', { active: true })]))).some((label) => label.startsWith('Renew')), 'nothing to renew: no line');
});

test('renew spanning several connections opens the window; on one connection it needs that connection set up and no sign-in under way', () => {
  const connections = [connectionSummary(FIXTURE_CONNECTION_ID, 'AIRisk'), connectionSummary('staging', 'Staging', { configured: false })];
  const spanning = buildTrayMenu(appState([accountView('a', { status: 'expired', secondsLeft: -60 }), accountView('s', { connectionId: 'staging', status: 'expired', secondsLeft: -60, active: true })], { connections }));
  assert.deepEqual(
    spanning.find((item) => item.kind === 'action' && item.label.startsWith('Renew')),
    { kind: 'action', label: 'Renew 2 expired or expiring… (opens the window)', action: { type: 'open-window' }, enabled: true },
  );
  const renewEnabled = (state: ReturnType<typeof appState>): boolean | undefined => {
    const item = buildTrayMenu(state).find((candidate) => candidate.kind === 'action' && candidate.action.type === 'renew-all');
    return item?.kind === 'action' ? item.enabled : undefined;
  };
  assert.equal(renewEnabled(appState([accountView('s', { connectionId: 'staging', status: 'expired', active: true })], { connections })), false, 'its connection is not set up');
  const signIn = { connectionId: FIXTURE_CONNECTION_ID, userid: 'x', stage: 'waiting_for_browser' as const, subject: 'user_42', message: 'Signing in for user_42', deadline: null, listening: true, notes: [] };
  assert.equal(renewEnabled(appState([accountView('a', { status: 'expired', active: true })], { connections, signIn })), false, 'a sign-in is under way');
  assert.equal(renewEnabled(appState([accountView('a', { status: 'expired', active: true })], { connections })), true);
});

test('while Renew all runs the tray says "Renewing 2 of 5…" with a cancel, and no sign-in lines', () => {
  const signIn = { connectionId: FIXTURE_CONNECTION_ID, userid: 'b', stage: 'waiting_for_browser' as const, subject: 'user_42', message: 'Signing in for user_42', deadline: null, listening: true, notes: [] };
  const menu = buildTrayMenu(appState([accountView('a', { active: true }), accountView('b', { status: 'expired' })], { signIn, renewAll: { connectionId: FIXTURE_CONNECTION_ID, done: 1, total: 5, currentAccountId: 'b', message: 'Renewing 2 of 5 — b' } }));
  assert.ok(labels(menu).includes('Renewing 2 of 5…'));
  assert.ok(menu.some((item) => item.kind === 'action' && item.label === 'Cancel renew all' && item.action.type === 'cancel-renew-all'));
  assert.ok(!labels(menu).some((label) => label.startsWith('Renew ') || label.startsWith('Sign in') || label === 'Cancel sign-in'));
});

test('with more than three configured connections "Sign in on …" is one line that opens the window', () => {
  const connections = ['A', 'B', 'C', 'D'].map((name) => connectionSummary(`c-${name}`, name));
  const menu = buildTrayMenu(appState([], { connections }));
  assert.deepEqual(
    menu.filter((item) => item.kind === 'action' && item.label.startsWith('Sign in on')),
    [{ kind: 'action', label: 'Sign in on a connection… (opens the window)', action: { type: 'open-window' }, enabled: true }],
  );
});

test('at 10,000 accounts over 20 connections the whole menu has at most 40 entries, submenus and separators counted', () => {
  for (const renewAll of [null, { connectionId: 'conn-0', done: 3, total: 500, currentAccountId: 'acct-3', message: 'Renewing 4 of 500 — acct-3' }]) {
    // An update downloaded (or one to download by hand) and the version shown: the update lines are in the count.
    for (const known of [{ readyVersion: '1.2.3', availableVersion: null }, { readyVersion: null, availableVersion: '1.2.3' }, { readyVersion: '1.2.3', availableVersion: '1.2.4' }]) {
      const state = { ...trayBenchState(10_000, 20, renewAll), updates: { version: '1.2.2', status: '', canCheck: true, ...known } };
      assert.ok(countMenuEntries(buildTrayMenu(state)) <= 40, `${countMenuEntries(buildTrayMenu(state))} entries with ${JSON.stringify(known)}`);
    }
  }
  assert.ok(countMenuEntries(buildTrayMenu(trayBenchState(10_000, 3, null))) <= 40, 'three connections: three sign-in lines');
});

test('the version is a disabled line above Quit; a downloaded update adds "Restart to update to 1.2.3", disabled while a sign-in runs', () => {
  const updates = { version: '1.2.2', status: '', readyVersion: null, availableVersion: null, canCheck: true };
  assert.deepEqual(buildTrayMenu(appState([], { updates })).slice(-2), [{ kind: 'info', label: 'Version 1.2.2' }, { kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true }]);
  const ready = { ...updates, readyVersion: '1.2.3' };
  assert.deepEqual(buildTrayMenu(appState([], { updates: ready })).at(-3), { kind: 'action', label: 'Restart to update to 1.2.3', action: { type: 'restart-to-update' }, enabled: true });
  const signingIn = appState([], { updates: ready, signIn: { connectionId: FIXTURE_CONNECTION_ID, userid: null, stage: 'waiting_for_browser', subject: 'the generic token', message: 'Signing in', deadline: null, listening: true, notes: [] } });
  assert.equal((buildTrayMenu(signingIn).at(-3) as { enabled: boolean }).enabled, false);
});

test('a newer version this copy cannot install: "Version 1.2.3 available — open download page" above the version line, one update line at most', () => {
  const updates = { version: '1.2.2', status: '', readyVersion: null, availableVersion: '1.2.3', canCheck: true };
  assert.deepEqual(buildTrayMenu(appState([], { updates })).slice(-3), [
    { kind: 'action', label: 'Version 1.2.3 available — open download page', action: { type: 'open-release-page' }, enabled: true },
    { kind: 'info', label: 'Version 1.2.2' },
    { kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true },
  ]);
  const both = buildTrayMenu(appState([], { updates: { ...updates, readyVersion: '1.2.3' } }));
  assert.deepEqual(both.filter((item) => item.kind === 'action' && ['restart-to-update', 'open-release-page'].includes(item.action.type)).map((item) => item.kind === 'action' && item.action.type), ['restart-to-update']);
});
