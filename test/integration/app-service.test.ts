import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import type { AppState } from '../../src-main/contract.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';
import { ConsentingBrowser, whoAmI } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
let clock: ManualClock;
let directory: string;
let app: NodeApp;
let browser: ConsentingBrowser;
/** The one connection, to the sandbox. */
let connectionId: string;

before(async () => {
  clock = new ManualClock(Date.now());
  sandbox = await startSandbox({ now: () => clock.now() });
});
after(() => sandbox.close());
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-app-'));
  browser = new ConsentingBrowser('approve');
  app = await createNodeApp({ directory, timers: clock, openUrl: (url) => browser.openUrl(url) });
  connectionId = await connectSandbox(app.service, sandbox);
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

const byLabel = (state: AppState, label: string) => state.accounts.find((account) => account.label === label);

test('two users and the generic account: copy, switch, expire on the clock, renew — against the sandbox', async () => {
  const generic = await app.service.signIn({});
  const user42 = await app.service.signIn({ userid: 'user_42' });
  const user7 = await app.service.signIn({ userid: 'user_7' });
  assert.ok(generic.ok && user42.ok && user7.ok);

  let state = await app.service.getState();
  assert.deepEqual(state.accounts.map((a) => a.label), ['Generic', 'user_42', 'user_7']);
  assert.equal(state.activeAccountId, generic.accountId, 'the first account became active');
  assert.ok(state.accounts.every((a) => a.status === 'valid' && a.secondsLeft > 3500));

  // Copy the active (generic) header: the clipboard holds a header AIRisk accepts for no user.
  await app.service.copy(null, 'header');
  let copied = await app.clipboard.readText();
  assert.match(copied, /^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  assert.deepEqual((await whoAmI(sandbox, copied)).body, { userid: null, expiration: byLabel(state, 'Generic')?.expiration.replace('.000', '') });

  // Switch active to user_42; the tray's "copy active" now copies user_42's header.
  await app.service.setActive(user42.accountId);
  await app.service.copy(null, 'header');
  copied = await app.clipboard.readText();
  assert.equal(((await whoAmI(sandbox, copied)).body as { userid: string }).userid, 'user_42');
  state = await app.service.getState();
  assert.equal(state.activeAccountId, user42.accountId);
  assert.ok(byLabel(state, 'user_42')?.lastUsedAt !== null, 'copying records last use');

  // An hour passes: every token expires on the injected clock (and on the sandbox's).
  clock.advance(3600_000 + 1000);
  state = await app.service.getState();
  assert.ok(state.accounts.every((a) => a.status === 'expired'));
  await assert.rejects(app.service.copy(null, 'header'), /expired .* renew it first/);
  assert.equal((await whoAmI(sandbox, copied)).status, 401);

  // Renew user_42: a new token, valid again, same account and still active.
  const renewed = await app.service.renew(user42.accountId);
  assert.deepEqual(renewed, { ok: true, accountId: user42.accountId, message: 'Signed in: the token for user_42 is saved.' });
  state = await app.service.getState();
  assert.equal(byLabel(state, 'user_42')?.status, 'valid');
  assert.equal(state.activeAccountId, user42.accountId);
  await app.service.copy(null, 'curl');
  assert.match(await app.clipboard.readText(), /^-H "Authorization: Bearer [\w.-]+"$/);
});

test('state and events never carry a token or the client secret', async () => {
  const events: AppState[] = [];
  app.service.onStateChange((state) => events.push(state));
  const result = await app.service.signIn({ userid: 'user_42' });
  assert.ok(result.ok);
  await app.service.copy(result.accountId, 'token');
  const token = await app.clipboard.readText();
  await new Promise((resolve) => setImmediate(resolve));
  const everything = JSON.stringify([events, await app.service.getState(), await app.service.getSettings()]);
  assert.ok(events.length >= 2, 'sign-in stages were emitted');
  assert.equal(everything.includes(token), false);
  assert.equal(everything.includes('demo-secret'), false);
  assert.equal((await app.service.getSettings()).connections[0]?.clientSecretSet, true);
});

test('the store file holds neither the token nor the client secret in plain text', async () => {
  const result = await app.service.signIn({});
  assert.ok(result.ok);
  await app.service.copy(null, 'token');
  const token = await app.clipboard.readText();
  await app.service.flush();
  const file = await readFile(app.storePath, 'utf8');
  for (const secret of [token, 'demo-secret', Buffer.from(token).toString('base64'), Buffer.from('demo-secret').toString('base64')]) {
    assert.equal(file.includes(secret), false);
  }
});

test('the clipboard is cleared after the configured time only if it still holds our copy', async () => {
  const result = await app.service.signIn({});
  assert.ok(result.ok);
  const outcome = await app.service.copy(null, 'header');
  assert.equal(outcome.clearsAt, new Date(clock.now() + 60_000).toISOString());
  clock.advance(60_000);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await app.clipboard.readText(), '');

  await app.service.updateSettings({ clipboardClearSeconds: 10 });
  await app.service.copy(null, 'header');
  app.clipboard.writeFromOtherApp('something the person copied');
  clock.advance(10_000);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await app.clipboard.readText(), 'something the person copied');
});

test('a denied sign-in is reported with AIRisk’s reason and stores nothing', async () => {
  browser = new ConsentingBrowser('deny');
  const outcome = await app.service.signIn({ userid: 'user_42' });
  assert.equal(outcome.ok, false);
  const state = await app.service.getState();
  assert.equal(state.accounts.length, 0);
  assert.equal(state.lastError?.code, 'access_denied');
  assert.equal(state.signIn, null);
});

test('a token AIRisk issued but the vault could not keep is reported as not saved, and nothing is stored', async () => {
  const failingDirectory = await mkdtemp(join(tmpdir(), 'airisk-app-unsaved-'));
  const { createAesGcmCipher, loadOrCreateKeyFile } = await import('../../src-main/core/vault/aes-gcm-cipher.ts');
  const real = createAesGcmCipher(await loadOrCreateKeyFile(join(failingDirectory, 'test-cipher.key')));
  // Stands in for an OS keychain that locks after the settings were saved (safeStorage cannot run here).
  let keychainLocked = false;
  const lockable = { describe: () => real.describe(), decrypt: (ciphertext: string) => real.decrypt(ciphertext), encrypt: (plaintext: string) => (keychainLocked ? Promise.reject(new Error('The system keychain is locked.')) : real.encrypt(plaintext)) };
  const failing = await createNodeApp({ directory: failingDirectory, timers: clock, openUrl: (url) => browser.openUrl(url), cipher: lockable });
  try {
    await connectSandbox(failing.service, sandbox);
    keychainLocked = true;
    const outcome = await failing.service.signIn({ userid: 'user_42' });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.ok ? undefined : outcome.error.code, 'token_not_saved');
    assert.equal(outcome.ok ? undefined : outcome.error.message, 'AIRisk issued the token, but it could not be kept: The system keychain is locked. Sign in again once that is fixed.');
    const state = await failing.service.getState();
    assert.deepEqual(state.accounts, []);
    assert.equal(state.lastError?.code, 'token_not_saved');
    assert.equal(state.signIn, null, 'the sign-in is over');
  } finally {
    await failing.service.shutdown();
    await rm(failingDirectory, { recursive: true, force: true });
  }
});

test('signing in again for the same userid replaces its token and keeps label and active choice', async () => {
  const first = await app.service.signIn({ userid: 'user_42' });
  assert.ok(first.ok);
  await app.service.rename(first.accountId, 'Ana (prod)');
  await app.service.copy(null, 'token');
  const oldToken = await app.clipboard.readText();
  const second = await app.service.signIn({ userid: 'user_42' });
  assert.deepEqual(second, { ok: true, accountId: first.accountId, message: 'Signed in: the token for user_42 is saved.' });
  await app.service.copy(null, 'token');
  assert.notEqual(await app.clipboard.readText(), oldToken);
  const state = await app.service.getState();
  assert.equal(state.accounts.length, 1);
  assert.equal(state.accounts[0]?.label, 'Ana (prod)');
  assert.equal(state.activeAccountId, first.accountId);
  const renewed = await app.service.renew(first.accountId);
  assert.equal(renewed.message, 'Signed in: the token for Ana (prod) is saved.', 'a renewal is announced by the name the person gave it');
});

test('notifications fire once when a token turns expiring and once when it expires', async () => {
  const result = await app.service.signIn({ userid: 'user_42' });
  assert.ok(result.ok);
  clock.advance(3600_000 - 5 * 60_000 + 1000);
  assert.deepEqual(app.notices.map((n) => [n.kind, n.title]), [['expiring', 'user_42: token expires soon']]);
  clock.advance(5 * 60_000);
  assert.deepEqual(app.notices.map((n) => n.kind), ['expiring', 'expired']);
  clock.advance(3600_000);
  assert.equal(app.notices.length, 2, 'no repeats while nothing changes');
});

test('AIRisk’s Date from 1970 reaches the window as a clock warning; the next sign-in with a sane clock clears it', async () => {
  sandbox.setFault('token-date-1970');
  let outcome;
  try {
    outcome = await app.service.signIn({ userid: 'user_42' });
  } finally {
    sandbox.setFault(null);
  }
  assert.ok(outcome.ok);
  let state = await app.service.getState();
  const warning = state.warnings.find((w) => w.kind === 'clock-skew');
  assert.match(warning?.message ?? '', /^AIRisk's clock and this computer's differ by about 56 years .*; check the system clock\./);
  assert.equal(state.accounts[0]?.status, 'valid');
  assert.ok((state.accounts[0]?.secondsLeft ?? 0) <= 3600, 'no 56-year token: the skew was ignored');
  assert.ok((await app.service.signIn({ userid: 'user_42' })).ok);
  state = await app.service.getState();
  assert.equal(state.warnings.some((w) => w.kind === 'clock-skew'), false);
});

test('a token that had already expired is refused and nothing is stored', async () => {
  sandbox.setFault('token-already-expired');
  try {
    const outcome = await app.service.signIn({});
    assert.equal(outcome.ok ? undefined : outcome.error.code, 'token_invalid_response');
    assert.match(outcome.ok ? '' : outcome.error.message, /^AIRisk issued a token that had already expired/);
  } finally {
    sandbox.setFault(null);
  }
  assert.deepEqual((await app.service.getState()).accounts, []);
});

test('the Scope and Issuer settings are saved, and the scope is sent with the sign-in only when set', async () => {
  assert.ok((await app.service.signIn({})).ok);
  assert.equal(new URL(browser.opened.at(-1) ?? '').searchParams.has('scope'), false);
  const saved = await app.service.saveConnection(connectionId, { scope: 'openid profile', issuer: sandbox.url });
  assert.ok(saved.ok);
  assert.deepEqual([saved.connection.scope, saved.connection.issuer], ['openid profile', sandbox.url]);
  assert.ok((await app.service.signIn({})).ok);
  assert.equal(new URL(browser.opened.at(-1) ?? '').searchParams.get('scope'), 'openid profile');
  const refused = await app.service.saveConnection(connectionId, { scope: 'openid\nprofile' });
  assert.ok(!refused.ok);
  assert.equal(refused.problems[0]?.field, 'scope');
});

test('connection settings are validated with messages naming the fix, and nothing is half-applied', async () => {
  const result = await app.service.saveConnection(connectionId, { baseUrl: 'http://api.AIRisk.example.com', redirectUri: 'http://10.0.0.5:8765/callback', clientId: 'changed' });
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => p.field).toSorted(), ['baseUrl', 'redirectUri']);
  assert.match(result.problems.find((p) => p.field === 'redirectUri')?.message ?? '', /loopback/);
  assert.equal((await app.service.getSettings()).connections[0]?.clientId, 'demo-client', 'the valid change in a refused update was not applied');
});

test('app-wide settings are validated with messages naming the fix, and nothing is half-applied', async () => {
  const result = await app.service.updateSettings({ clipboardClearSeconds: -1, expiryLeadSeconds: 60 });
  assert.ok(!result.ok);
  assert.deepEqual(result.problems.map((p) => p.field), ['clipboardClearSeconds']);
  assert.equal((await app.service.getSettings()).expiryLeadSeconds, 300, 'the valid change in a refused update was not applied');
});

test('start at login goes through the login-item port, starting hidden when asked', async () => {
  const result = await app.service.updateSettings({ startAtLogin: true, startHidden: true });
  assert.equal(result.ok, true);
  assert.deepEqual(app.loginItemCalls, [{ enabled: true, hidden: true }]);
  assert.equal((await app.service.getState()).startAtLogin, true);
});

test('settings and accounts persist across a restart, and start-up decrypts nothing until a copy', async () => {
  const result = await app.service.signIn({ userid: 'user_42' });
  assert.ok(result.ok);
  await app.service.shutdown();
  let decrypts = 0;
  const { createAesGcmCipher, loadOrCreateKeyFile } = await import('../../src-main/core/vault/aes-gcm-cipher.ts');
  const real = createAesGcmCipher(await loadOrCreateKeyFile(join(directory, 'test-cipher.key')));
  // A counting wrapper around the real cipher (a test double that only observes).
  const counting = { ...real, describe: () => real.describe(), encrypt: (text: string) => real.encrypt(text), decrypt: (text: string) => (decrypts++, real.decrypt(text)) };
  app = await createNodeApp({ directory, timers: clock, openUrl: (url) => browser.openUrl(url), cipher: counting });
  const state = await app.service.getState();
  assert.equal(decrypts, 0);
  assert.deepEqual(state.accounts.map((a) => [a.label, a.status]), [['user_42', 'valid']]);
  await app.service.copy(null, 'header');
  assert.equal(decrypts, 1);
  // Settings reads the origin sealed inside the client secret: that one decryption, and no other.
  assert.deepEqual(await app.service.getSettings().then(({ connections: [connection] }) => [connection?.baseUrl, connection?.clientSecretSet]), [sandbox.url, true]);
  assert.equal(decrypts, 2);
  assert.equal(((await whoAmI(sandbox, await app.clipboard.readText())).body as { userid: string }).userid, 'user_42');
});

test('unknown accounts and formats are refused with a plain message', async () => {
  await assert.rejects(app.service.setActive('nope'), /no longer exists/);
  await assert.rejects(app.service.copy(null, 'header'), /sign in first/);
  // @ts-expect-error — a renderer could send anything over IPC
  await assert.rejects(app.service.copy(null, 'yaml'), /Unknown copy format/);
});

test('three tokens signed in together that start expiring together give one grouped notification, not one each', async () => {
  for (const userid of ['user_10', 'user_2', 'user_3']) assert.ok((await app.service.signIn({ userid })).ok);
  clock.advance(3600_000 - 5 * 60_000 + 2000);
  assert.deepEqual(
    app.notices.map((notice) => notice.title),
    ['3 tokens expire within 5 min — Renew all'],
  );
});
