import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveMessage, validateSettingsUpdate } from '../../src-main/core/settings/settings-validation.ts';
import { readSettings } from '../../src-main/core/vault/validate-store-document.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import type { SettingsUpdate } from '../../src-main/contract.ts';

test('app-wide settings: an accepted update returns every app-wide setting', () => {
  const result = validateSettingsUpdate(DEFAULT_SETTINGS, { expiryLeadSeconds: 600, startHidden: true });
  assert.ok(result.ok);
  assert.deepEqual(result.settings, { ...DEFAULT_SETTINGS, expiryLeadSeconds: 600, startHidden: true });
});

test('terminal access is off by default, and turning it on keeps a 1–120 minute session length', () => {
  assert.equal(DEFAULT_SETTINGS.allowTerminalAccess, false);
  assert.equal(DEFAULT_SETTINGS.terminalSessionMinutes, 10);
  const result = validateSettingsUpdate(DEFAULT_SETTINGS, { allowTerminalAccess: true, terminalSessionMinutes: 120 });
  assert.ok(result.ok);
  assert.deepEqual(result.settings, { ...DEFAULT_SETTINGS, allowTerminalAccess: true, terminalSessionMinutes: 120 });
});

test('each app-wide rule names its field and the fix', () => {
  const cases: [SettingsUpdate, string, RegExp][] = [
    [{ expiryLeadSeconds: 1.5 }, 'expiryLeadSeconds', /whole number of seconds from 0 to 86400/],
    [{ clipboardClearSeconds: 99999 }, 'clipboardClearSeconds', /0 to 3600/],
    [{ startHidden: 'yes' as unknown as boolean }, 'startHidden', /true or false/],
    [{ colour: 'blue' } as SettingsUpdate, 'colour', /not an app-wide setting/],
    [{ terminalSessionMinutes: 0 }, 'terminalSessionMinutes', /whole number of minutes from 1 to 120/],
    [{ terminalSessionMinutes: 121 }, 'terminalSessionMinutes', /1 to 120/],
    [{ terminalSessionMinutes: 2.5 }, 'terminalSessionMinutes', /whole number of minutes/],
    [{ allowTerminalAccess: 1 as unknown as boolean }, 'allowTerminalAccess', /true or false/],
  ];
  for (const [update, field, message] of cases) {
    const result = validateSettingsUpdate(DEFAULT_SETTINGS, update);
    assert.ok(!result.ok, JSON.stringify(update));
    assert.equal(result.problems[0]?.field, field, JSON.stringify(update));
    assert.match(result.problems[0]?.message ?? '', message);
  }
});

test('a connection field sent as an app-wide setting is refused and points to saveConnection', () => {
  for (const update of [{ baseUrl: 'https://api.AIRisk.example.com' }, { clientSecret: 's3cret' }, { connections: [] }] as unknown as SettingsUpdate[]) {
    const result = validateSettingsUpdate(DEFAULT_SETTINGS, update);
    assert.ok(!result.ok, JSON.stringify(update));
    assert.match(result.problems[0]?.message ?? '', /not an app-wide setting/);
  }
  const connections = validateSettingsUpdate(DEFAULT_SETTINGS, { connections: [] } as unknown as SettingsUpdate);
  assert.ok(!connections.ok);
  assert.match(connections.problems[0]?.message ?? '', /saveConnection/);
});

test('a stored session length out of range (a hand-edited store) reads as the default, so the app still starts', () => {
  for (const minutes of [0, 500, 1.5, -3]) assert.equal(readSettings({ terminalSessionMinutes: minutes }, 'settings').terminalSessionMinutes, 10, String(minutes));
  assert.equal(readSettings({ terminalSessionMinutes: 45 }, 'settings').terminalSessionMinutes, 45);
});

test('the default copy format is one of the copy formats, header unless changed', () => {
  assert.equal(DEFAULT_SETTINGS.defaultCopyFormat, 'header');
  const result = validateSettingsUpdate(DEFAULT_SETTINGS, { defaultCopyFormat: 'curl-command' });
  assert.ok(result.ok);
  assert.equal(result.settings.defaultCopyFormat, 'curl-command');
  for (const value of ['yaml', '', 'Header', 3] as unknown[]) {
    const refused = validateSettingsUpdate(DEFAULT_SETTINGS, { defaultCopyFormat: value } as SettingsUpdate);
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.match(refused.problems[0]?.message ?? '', /must be one of header, token, curl, curl-command, httpie, export-posix, export-powershell/);
  }
});

test('the global shortcut is off by default, saved trimmed when valid, refused with the accelerator rule’s message', () => {
  assert.equal(DEFAULT_SETTINGS.globalShortcut, '');
  const on = validateSettingsUpdate(DEFAULT_SETTINGS, { globalShortcut: ' CommandOrControl+Shift+A ' });
  assert.ok(on.ok);
  assert.equal(on.settings.globalShortcut, 'CommandOrControl+Shift+A');
  const off = validateSettingsUpdate(on.settings, { globalShortcut: '' });
  assert.ok(off.ok);
  assert.equal(off.settings.globalShortcut, '');
  const refused = validateSettingsUpdate(DEFAULT_SETTINGS, { globalShortcut: 'A' });
  assert.deepEqual(refused, { ok: false, problems: [{ field: 'globalShortcut', message: 'The global shortcut needs at least one modifier, e.g. CommandOrControl+Shift+A.' }] });
  const notText = validateSettingsUpdate(DEFAULT_SETTINGS, { globalShortcut: true } as unknown as SettingsUpdate);
  assert.equal(notText.ok, false);
});

test('after Save, main says in one sentence: saved, nothing to save, or how many settings need a change', () => {
  assert.equal(saveMessage('saved'), 'Settings saved.');
  assert.equal(saveMessage('unchanged'), 'Nothing to save: no setting was changed.');
  assert.equal(saveMessage([{ field: 'expiryLeadSeconds', message: 'a' }, { field: 'expiryLeadSeconds', message: 'b' }]), 'One setting needs a change; nothing was saved.');
  assert.equal(saveMessage([{ field: 'expiryLeadSeconds', message: 'a' }, { field: 'globalShortcut', message: 'b' }]), '2 settings need a change; nothing was saved.');
});
