import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SettingsView } from '../../src-main/contract.ts';
import { settingsView } from '../../src-main/core/settings/settings-view.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import { copiedAnnouncement, copiedText } from '../../src-renderer/lib/copy-text.ts';
import { errorText } from '../../src-renderer/lib/error-text.ts';
import { otherProblems, problemsByField } from '../../src-renderer/lib/form-problems.ts';
import { formFromSettings, updateFromForm } from '../../src-renderer/lib/settings-form.ts';
import { validateSettingsUpdate } from '../../src-main/core/settings/settings-validation.ts';

const now = Date.parse('2030-01-01T00:00:00Z');

test('a copy confirms when the clipboard clears, or just "Copied"', () => {
  assert.equal(copiedText('2030-01-01T00:01:00Z', now), 'Copied — clears in 60 s');
  assert.equal(copiedText('2030-01-01T00:05:00Z', now), 'Copied — clears in 5 min');
  assert.equal(copiedText(null, now), 'Copied');
  assert.equal(copiedAnnouncement('header', 'user_42', '2030-01-01T00:01:00Z', now), 'Copied header for user_42 — clears in 60 s');
  assert.equal(copiedAnnouncement('curl -H option', 'Generic', null, now), 'Copied curl -H option for Generic');
});

test('rejections read as their reason, without Electron’s wrapper', () => {
  assert.equal(errorText(new Error("Error invoking remote method 'airisk:copy': Error: The token for user_42 expired 3 min ago; renew it first.")), 'The token for user_42 expired 3 min ago; renew it first.');
  assert.equal(errorText(new Error('That account no longer exists; it may have been removed.')), 'That account no longer exists; it may have been removed.');
  assert.equal(errorText(undefined), 'Something went wrong. Try again.');
});

const settings: SettingsView = settingsView(DEFAULT_SETTINGS, [], { tokens: [], globalShortcutProblem: null });

test('an untouched settings form sends nothing', () => {
  const form = formFromSettings(settings);
  assert.equal(form.expiryLeadSeconds, '5', 'the warning is typed in minutes (main sends each field’s value in its unit)');
  assert.equal(form.startAtLogin, DEFAULT_SETTINGS.startAtLogin);
  assert.deepEqual(updateFromForm(form, settings), {});
});

test('the settings form sends only what changed, converting minutes to seconds', () => {
  const form = { ...formFromSettings(settings), expiryLeadSeconds: '10', startAtLogin: true, defaultCopyFormat: 'curl' as const, globalShortcut: 'Alt+F9' };
  assert.deepEqual(updateFromForm(form, settings), { expiryLeadSeconds: 600, startAtLogin: true, defaultCopyFormat: 'curl', globalShortcut: 'Alt+F9' });
  assert.deepEqual(updateFromForm({ ...form, expiryLeadSeconds: '0.1' }, settings).expiryLeadSeconds, 6);
});

test('the app-wide settings form carries every app-wide setting and no connection field', () => {
  assert.deepEqual(Object.keys(formFromSettings(settings)).sort(), Object.keys(DEFAULT_SETTINGS).sort());
});

test('numbers that are not numbers go to main as NaN, and main names the problem at its field', () => {
  const update = updateFromForm({ ...formFromSettings(settings), expiryLeadSeconds: '', clipboardClearSeconds: 'soon' }, settings);
  assert.ok(Number.isNaN(update.expiryLeadSeconds) && Number.isNaN(update.clipboardClearSeconds), 'an empty field is not 0');
  const checked = validateSettingsUpdate(DEFAULT_SETTINGS, update);
  assert.ok(!checked.ok);
  assert.deepEqual(checked.problems.map((problem) => problem.field), ['expiryLeadSeconds', 'clipboardClearSeconds']);
  assert.match(checked.problems[0]?.message ?? '', /0 to 1440 minutes; 0 turns it off/);
});

test('problems group by field, and those of fields a form does not show are listed apart', () => {
  const byField = problemsByField([
    { field: 'redirectUri', message: 'A.' },
    { field: 'file', message: 'B.' },
    { field: 'redirectUri', message: 'C.' },
  ]);
  assert.equal(byField.get('redirectUri'), 'A. C.');
  assert.deepEqual(otherProblems(byField, (field) => field === 'redirectUri'), ['B.']);
});
