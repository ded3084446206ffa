import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginItemPlan } from '../../src-main/core/autostart/login-item-plan.ts';

test('macOS uses a login item with openAtLogin only (Electron 45 has no openAsHidden)', () => {
  assert.deepEqual(loginItemPlan('darwin', { enabled: true, hidden: true }), { kind: 'login-item', settings: { openAtLogin: true } });
  assert.deepEqual(loginItemPlan('darwin', { enabled: false, hidden: false }), { kind: 'login-item', settings: { openAtLogin: false } });
});

test('Windows uses a login item whose Run entry passes --hidden when starting hidden', () => {
  assert.deepEqual(loginItemPlan('win32', { enabled: true, hidden: true }), { kind: 'login-item', settings: { openAtLogin: true, args: ['--hidden'] } });
  assert.deepEqual(loginItemPlan('win32', { enabled: true, hidden: false }), { kind: 'login-item', settings: { openAtLogin: true, args: [] } });
  assert.deepEqual(loginItemPlan('win32', { enabled: false, hidden: true }), { kind: 'login-item', settings: { openAtLogin: false, args: ['--hidden'] } });
});

test('unpackaged on Windows, the app folder comes before --hidden', () => {
  assert.deepEqual(loginItemPlan('win32', { enabled: true, hidden: true, leadingArguments: ['C:\\src\\app'] }), { kind: 'login-item', settings: { openAtLogin: true, args: ['C:\\src\\app', '--hidden'] } });
});

test('Linux and the BSDs use an XDG autostart entry', () => {
  assert.deepEqual(loginItemPlan('linux', { enabled: true, hidden: true }), { kind: 'xdg', enabled: true, hidden: true });
  assert.deepEqual(loginItemPlan('linux', { enabled: false, hidden: false }), { kind: 'xdg', enabled: false, hidden: false });
  assert.equal(loginItemPlan('freebsd', { enabled: true, hidden: false }).kind, 'xdg');
});

test('other platforms are unsupported, with a reason', () => {
  const plan = loginItemPlan('aix', { enabled: true, hidden: false });
  assert.equal(plan.kind, 'unsupported');
  assert.match(plan.kind === 'unsupported' ? plan.reason : '', /not supported on aix/);
});
