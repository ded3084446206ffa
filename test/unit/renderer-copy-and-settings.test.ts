import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SettingsView } from '../../src-main/contract.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import { copiedAnnouncement, copiedText } from '../../src-renderer/lib/copy-text.ts';
import { errorText } from '../../src-renderer/lib/error-text.ts';
import { firstProblemField, formFromSettings, problemsByField, updateFromForm } from '../../src-renderer/lib/settings-form.ts';
import { stageAnnouncement } from '../../src-renderer/lib/sign-in-text.ts';

const now = Date.parse('2030-01-01T00:00:00Z');

test('a copy confirms when the clipboard clears, or just "Copied"', () => {
  assert.equal(copiedText('2030-01-01T00:01:00Z', now), 'Copied — clears in 60 s');
  assert.equal(copiedText('2030-01-01T00:05:00Z', now), 'Copied — clears in 5 min');
  assert.equal(copiedText(null, now), 'Copied');
  assert.equal(copiedAnnouncement('header', 'user_42', '2030-01-01T00:01:00Z', now), 'Copied header for user_42 — clears in 60 s');
  assert.equal(copiedAnnouncement('curl', 'Generic', null, now), 'Copied curl -H option for Generic');
});

test('sign-in stages are announced in the tray’s words', () => {
  assert.equal(stageAnnouncement('user_42', 'waiting_for_browser'), 'Signing in for user_42: waiting for you in the browser.');
  assert.equal(stageAnnouncement(null, 'exchanging_code'), 'Signing in for the generic token: exchanging the code.');
});

test('rejections read as their reason, without Electron’s wrapper', () => {
  assert.equal(errorText(new Error("Error invoking remote method 'airisk:copy': Error: The token for user_42 expired 3 min ago; renew it first.")), 'The token for user_42 expired 3 min ago; renew it first.');
  assert.equal(errorText(new Error('That account no longer exists; it may have been removed.')), 'That account no longer exists; it may have been removed.');
  assert.equal(errorText(undefined), 'Something went wrong. Try again.');
});

const settings: SettingsView = { ...DEFAULT_SETTINGS, connections: [], copyFormats: [], expiryLeadWarning: null, globalShortcutProblem: null };

test('an untouched settings form sends nothing', () => {
  const form = formFromSettings(settings);
  assert.equal(form.expiryLeadMinutes, '5');
  assert.deepEqual(updateFromForm(form, settings), { update: {}, problems: [] });
});

test('the settings form sends only what changed, converting minutes to seconds', () => {
  const form = { ...formFromSettings(settings), expiryLeadMinutes: '10', startAtLogin: true };
  assert.deepEqual(updateFromForm(form, settings), { update: { expiryLeadSeconds: 600, startAtLogin: true }, problems: [] });
});

test('the app-wide settings form carries no connection field', () => {
  assert.deepEqual(Object.keys(formFromSettings(settings)).sort(), ['allowTerminalAccess', 'allowWeakEncryption', 'clipboardClearSeconds', 'expiryLeadMinutes', 'startAtLogin', 'startHidden', 'terminalSessionMinutes']);
});

test('numbers that are not numbers become problems on their own fields', () => {
  const form = { ...formFromSettings(settings), expiryLeadMinutes: '', clipboardClearSeconds: 'soon' };
  const { problems } = updateFromForm(form, settings);
  assert.deepEqual(problems.map((problem) => problem.field), ['expiryLeadSeconds', 'clipboardClearSeconds']);
});

test('problems group by field and the first one in form order gets focus', () => {
  const byField = problemsByField([
    { field: 'redirectUri', message: 'A.' },
    { field: 'baseUrl', message: 'B.' },
    { field: 'redirectUri', message: 'C.' },
  ]);
  assert.equal(byField.get('redirectUri'), 'A. C.');
  assert.equal(firstProblemField(byField), 'baseUrl');
  assert.equal(firstProblemField(problemsByField([{ field: 'clientId', message: 'X.' }, { field: 'name', message: 'Y.' }])), 'name');
});
