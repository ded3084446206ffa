import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SettingsView, TerminalClientView } from '../../src-main/contract.ts';
import { settingsView } from '../../src-main/core/settings/settings-view.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import { sameRowContent } from '../../src-renderer/lib/row-equality.ts';
import { formFromSettings, updateFromForm } from '../../src-renderer/lib/settings-form.ts';
import { clientDetails, consentQuestion, sessionClient } from '../../src-main/core/terminal/consent-text.ts';
import { ago, answerWithin, secondsUntil, sessionTimes, shownAsIs } from '../../src-renderer/lib/terminal-text.ts';
import { accountView } from '../support/app-state-fixtures.ts';

const now = Date.parse('2030-01-01T00:10:00Z');
const at = (seconds: number): string => new Date(now + seconds * 1000).toISOString();
const bash: TerminalClientView = { pid: 1234, name: 'bash', chain: ['bash (pid 1234, /dev/pts/3)'], tty: '/dev/pts/3', proven: true };

test('the prompt names a proven program plainly, and a declared one as what it claims to be', () => {
  assert.equal(consentQuestion(bash, 'user_42 on Staging'), 'bash (pid 1234, /dev/pts/3) asks for the token of user_42 on Staging');
  assert.equal(consentQuestion({ ...bash, tty: null, proven: false }, 'user_42 on Staging'), 'A program that claims to be bash (pid 1234) asks for the token of user_42 on Staging');
  assert.equal(consentQuestion({ pid: null, name: ' ', chain: [], tty: null, proven: false }, 'Generic'), 'A program that claims to be an unknown program asks for the token of Generic');
  assert.equal(clientDetails({ pid: null, tty: null }), '');
});

test('a program name with bidi overrides, zero-width or control characters cannot reorder or hide words of the prompt', () => {
  // U+202E turns the rest of the line around on screen: "bash" followed by a reversed fake claim.
  const hostile = { ...bash, name: 'evil\u202E)detrevni( hsab', tty: '/dev/pts/3\n(verified)' };
  assert.equal(consentQuestion(hostile, 'user_42 on Staging'), 'evil\uFFFD)detrevni( hsab (pid 1234, /dev/pts/3\uFFFD(verified)) asks for the token of user_42 on Staging');
  assert.equal(shownAsIs('zsh\u200B\u0007'), 'zsh\uFFFD\uFFFD');
  assert.equal(shownAsIs('tmux: server (pid 99)'), 'tmux: server (pid 99)');
  assert.equal(sessionClient(hostile), 'evil\uFFFD)detrevni( hsab, pid 1234');
});

test('the prompt counts down to its deadline in whole seconds and says when time is up', () => {
  assert.equal(secondsUntil(at(41.2), now), 42);
  assert.equal(answerWithin(at(42), now), 'answer within 42 s');
  assert.equal(answerWithin(at(0), now), 'the time to answer is up');
  assert.equal(answerWithin(at(-5), now), 'the time to answer is up');
  assert.equal(answerWithin('not a date', now), 'the time to answer is up');
});

test('a session says when it was approved and when it ends, or that it lasts until revoked', () => {
  assert.equal(sessionTimes({ approvedAt: at(-180), expiresAt: at(420) }, now), 'approved 3 min ago · expires in 7 min');
  assert.equal(sessionTimes({ approvedAt: at(-10), expiresAt: at(30) }, now), 'approved just now · expires in 30 s');
  assert.equal(sessionTimes({ approvedAt: at(-3700), expiresAt: null }, now), 'approved 1 h 1 min ago · until you revoke it');
  assert.equal(sessionTimes({ approvedAt: at(-700), expiresAt: at(-1) }, now), 'approved 11 min ago · expired');
  assert.equal(sessionClient(bash), 'bash, pid 1234');
  assert.equal(sessionClient({ ...bash, proven: false }), 'bash, pid 1234 (claimed)');
});

test('"ago" says just now under a minute, then whole minutes', () => {
  assert.equal(ago(at(-5), now), 'just now');
  assert.equal(ago(at(-125 - 55), now), '3 min ago');
});

test('the terminal settings travel with the settings form: the switch as a flag, the session length as minutes', () => {
  const settings: SettingsView = settingsView(DEFAULT_SETTINGS, [], { tokens: [], globalShortcutProblem: null });
  const form = formFromSettings(settings);
  assert.deepEqual(updateFromForm(form, settings), {});
  assert.deepEqual(updateFromForm({ ...form, allowTerminalAccess: true, terminalSessionMinutes: '30' }, settings), { allowTerminalAccess: true, terminalSessionMinutes: 30 });
  assert.ok(Number.isNaN(updateFromForm({ ...form, terminalSessionMinutes: 'ten' }, settings).terminalSessionMinutes), 'main names the problem');
});

test('a row redraws when a terminal reads its token', () => {
  const before = accountView('a');
  const read = { at: '2030-01-01T00:00:00Z', client: 'bash, pid 1234' };
  assert.equal(sameRowContent(before, { ...before, lastTerminalRead: read }), false);
  assert.equal(sameRowContent({ ...before, lastTerminalRead: read }, { ...before, lastTerminalRead: { ...read } }), true);
  assert.equal(sameRowContent({ ...before, lastTerminalRead: read }, { ...before, lastTerminalRead: { ...read, at: '2030-01-01T00:01:00Z' } }), false);
});
