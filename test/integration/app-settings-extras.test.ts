import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import type { SettingFieldView, SettingsView } from '../../src-main/contract.ts';
import type { ShortcutPort } from '../../src-main/core/settings/global-shortcut.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';
import { ConsentingBrowser } from '../support/sign-in-fixtures.ts';

/*
 * Settings' ready sentences and the global shortcut, through the real app service against a real
 * sandbox on loopback: the lead warning from the stored tokens' lifetimes, and the shortcut that
 * copies the active token in the default format (a stand-in for Electron's globalShortcut).
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A desktop whose `taken` shortcuts belong to another program; `press` fires a registered one. */
function desktop(taken: readonly string[] = []): ShortcutPort & { readonly registered: Map<string, () => void> } {
  const registered = new Map<string, () => void>();
  return {
    registered,
    register: (accelerator, callback) => !taken.includes(accelerator) && (registered.set(accelerator, callback), true),
    unregister: (accelerator) => void registered.delete(accelerator),
  };
}

async function appWith(sandbox: Sandbox, shortcuts?: ShortcutPort): Promise<NodeApp> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-settings-extras-'));
  const browser = new ConsentingBrowser('approve');
  const app = await createNodeApp({ directory, openUrl: (url) => browser.openUrl(url), ...(shortcuts === undefined ? {} : { shortcuts }) });
  cleanups.push(async () => {
    await app.service.shutdown();
    await rm(directory, { recursive: true, force: true });
  });
  await connectSandbox(app.service, sandbox);
  const outcome = await app.service.signIn({});
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  return app;
}

/** The field `key` as Settings shows it. */
function fieldOf(settings: SettingsView, key: SettingFieldView['key']): SettingFieldView {
  const field = settings.groups.flatMap((group) => group.fields).find((candidate) => candidate.key === key);
  assert.ok(field !== undefined, `Settings shows ${key}`);
  return field;
}

async function sandboxWith(tokenLifetimeSeconds: number): Promise<Sandbox> {
  const sandbox = await startSandbox({ tokenLifetimeSeconds });
  cleanups.push(() => sandbox.close());
  return sandbox;
}

test('with 3-minute tokens and the 5-minute default lead, Settings warns in one sentence; a 2-minute lead clears it', async () => {
  const app = await appWith(await sandboxWith(180));
  const settings = await app.service.getSettings();
  assert.equal(settings.expiryLeadSeconds, 300);
  assert.match(fieldOf(settings, 'expiryLeadSeconds').warning ?? '', /^Your tokens last about (2|3) min, not longer than the 5 min warning: every token shows as “Expiring”/);
  const saved = await app.service.updateSettings({ expiryLeadSeconds: 120 });
  assert.ok(saved.ok);
  assert.equal(fieldOf(saved.settings, 'expiryLeadSeconds').warning, null);
});

test('hour-long tokens and the default lead: no warning, and Settings offers every copy format, in main’s words, for the default', async () => {
  const app = await appWith(await sandboxWith(3600));
  const settings = await app.service.getSettings();
  assert.equal(fieldOf(settings, 'expiryLeadSeconds').warning, null);
  const choices = fieldOf(settings, 'defaultCopyFormat').choices;
  assert.deepEqual(choices.map((choice) => choice.value), ['header', 'token', 'curl', 'curl-command', 'httpie', 'export-posix', 'export-powershell']);
  assert.equal(choices[0]?.label, 'Header (Authorization: Bearer …)');
});

test('the global shortcut is registered when set, copies the active token in the default format, and is unregistered when cleared and on quit', async () => {
  const port = desktop();
  const app = await appWith(await sandboxWith(3600), port);
  assert.equal(port.registered.size, 0, 'off by default');
  const saved = await app.service.updateSettings({ globalShortcut: 'CommandOrControl+Shift+A', defaultCopyFormat: 'token' });
  assert.ok(saved.ok);
  assert.equal(fieldOf(saved.settings, 'globalShortcut').warning, null);
  port.registered.get('CommandOrControl+Shift+A')?.();
  await app.service.flush();
  let copied = '';
  for (let tries = 0; tries < 500 && copied === ''; tries++) {
    copied = await app.clipboard.readText();
    if (copied === '') await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.match(copied, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, 'the bare token, the default format');
  assert.ok((await app.service.updateSettings({ globalShortcut: '' })).ok);
  assert.equal(port.registered.size, 0);
  assert.ok((await app.service.updateSettings({ globalShortcut: 'Alt+F9' })).ok);
  await app.service.shutdown();
  assert.equal(port.registered.size, 0, 'unregistered on quit');
});

test('a shortcut another program holds is saved but reported in Settings as one sentence; a press with no token says why in a message', async () => {
  const port = desktop(['Alt+Space']);
  const app = await appWith(await sandboxWith(3600), port);
  const saved = await app.service.updateSettings({ globalShortcut: 'Alt+Space' });
  assert.ok(saved.ok);
  assert.equal(fieldOf(saved.settings, 'globalShortcut').warning, 'Alt+Space could not be registered: another program (or the system) already uses it; choose another shortcut.');
  assert.equal(fieldOf((await app.service.getSettings()), 'globalShortcut').warning, fieldOf(saved.settings, 'globalShortcut').warning);
  assert.ok((await app.service.updateSettings({ globalShortcut: 'Alt+F9' })).ok);
  const active = (await app.service.getState()).activeAccountId;
  assert.ok(active !== null);
  await app.service.remove(active);
  port.registered.get('Alt+F9')?.();
  while (app.messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(app.messages, ['AIRisk Token Tray: The shortcut copied nothing: There is no token to copy yet: sign in first.']);
});

test('a saved shortcut that another program holds when the app starts is said in one message, not only in Settings', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-settings-extras-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  const first = await createNodeApp({ directory, openUrl: async () => undefined, shortcuts: desktop() });
  assert.ok((await first.service.updateSettings({ globalShortcut: 'Alt+F9' })).ok);
  assert.deepEqual(first.messages, [], 'free when it was saved');
  await first.service.shutdown();
  const restarted = await createNodeApp({ directory, openUrl: async () => undefined, shortcuts: desktop(['Alt+F9']) });
  cleanups.push(() => restarted.service.shutdown());
  assert.deepEqual(restarted.messages, ['AIRisk Token Tray: Alt+F9 could not be registered: another program (or the system) already uses it; choose another shortcut. (Settings → Copying)']);
});

test('saving the connection form unchanged (every field as the window sends it) keeps the tokens, the secret and the sign-in', async () => {
  const app = await appWith(await sandboxWith(3600));
  const [view] = (await app.service.getSettings()).connections;
  assert.ok(view !== undefined);
  const { id, clientSecretSet: _set, clientSecretProblem: _problem, accountCount: _count, exportFileName: _file, tokens: _tokens, removeQuestion: _question, secretField: _secret, badge: _badge, origin: _origin, ...fields } = view;
  const saved = await app.service.saveConnection(id, fields);
  assert.ok(saved.ok, saved.ok ? '' : JSON.stringify(saved.problems));
  assert.equal(saved.connection.clientSecretSet, true, 'the secret stays');
  const state = await app.service.getState();
  assert.equal(state.accounts.length, 1);
  assert.equal(state.accounts[0]?.status, 'valid', 'the token stays');
  await app.service.copy(null, 'token');
  assert.match(await app.clipboard.readText(), /^eyJ/);
});

test('an expired token’s details still show its claims, and every copy format says why it cannot be copied before any click', async () => {
  const app = await appWith(await sandboxWith(1));
  const [account] = (await app.service.getState()).accounts;
  assert.ok(account !== undefined);
  assert.ok((await app.service.tokenDetails(account.id)).copyFormats.every((option) => option.problem === null), 'a valid token takes every format');
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const details = await app.service.tokenDetails(account.id);
  assert.equal(details.kind, 'jwt', 'the claims are still shown');
  assert.ok(details.copyFormats.every((option) => /^The token for Generic expired .*; renew it first\.$/.test(option.problem ?? '')), JSON.stringify(details.copyFormats[0]));
  await assert.rejects(app.service.copy(account.id, 'header'), { message: details.copyFormats[0]?.problem ?? '' }, 'the same sentence as the copy’s own refusal');
});
