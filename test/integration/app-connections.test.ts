/**
 * The service with two connections, each a real sandbox on its own loopback port ("Sandbox A" and
 * "Sandbox B"), and the real vault on a real store file.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import type { SignInOutcome } from '../../src-main/contract.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox, sandboxSettings, TWO_SANDBOX_NAMES } from '../support/sandbox-settings.ts';
import { createAesGcmCipher, loadOrCreateKeyFile } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { ConsentingBrowser, whoAmI } from '../support/sign-in-fixtures.ts';

let clock: ManualClock;
let sandboxA: Sandbox;
let sandboxB: Sandbox;
let directory: string;
let app: NodeApp;
let browser: ConsentingBrowser;
let idleOpened: string[];
let a: string;
let b: string;

before(async () => {
  clock = new ManualClock(Date.now());
  sandboxA = await startSandbox({ now: () => clock.now() });
  sandboxB = await startSandbox({ now: () => clock.now() });
});
after(async () => {
  await sandboxA.close();
  await sandboxB.close();
});
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-connections-'));
  browser = new ConsentingBrowser('approve');
  idleOpened = [];
  app = await createNodeApp({ directory, timers: clock, openUrl: (url) => browser.openUrl(url), callbackTimeoutMs: 5000 });
  a = await connectSandbox(app.service, sandboxA, TWO_SANDBOX_NAMES[0]);
  b = await connectSandbox(app.service, sandboxB, TWO_SANDBOX_NAMES[1]);
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

/** Starts a sign-in on `connectionId` that waits in the browser (nobody approves) until it is cancelled; resolves once it waits. */
async function pendingSignIn(connectionId: string): Promise<{ readonly outcome: Promise<SignInOutcome> }> {
  browser = new ConsentingBrowser('approve');
  const idle = { openUrl: (url: string) => void idleOpened.push(url) };
  await app.service.shutdown();
  app = await createNodeApp({ directory, timers: clock, openUrl: async (url) => idle.openUrl(url), callbackTimeoutMs: 5000 });
  const outcome = app.service.signIn({ connectionId });
  while ((await app.service.getState()).signIn?.stage !== 'waiting_for_browser') await new Promise((resolve) => setTimeout(resolve, 10));
  return { outcome };
}

test('user_42 signed in on both sandboxes: two accounts, each header accepted by its own sandbox and refused (401) by the other', async () => {
  const onA = await app.service.signIn({ connectionId: a, userid: 'user_42' });
  const onB = await app.service.signIn({ connectionId: b, userid: 'user_42' });
  assert.ok(onA.ok && onB.ok);
  assert.notEqual(onA.accountId, onB.accountId);
  assert.ok(browser.opened[0]?.startsWith(`${sandboxA.url}/`) && browser.opened[1]?.startsWith(`${sandboxB.url}/`), 'each sign-in went to its own connection');
  const state = await app.service.getState();
  assert.deepEqual(
    state.accounts.map((account) => [account.userid, account.connectionId]),
    [
      ['user_42', a],
      ['user_42', b],
    ],
  );
  await app.service.copy(onA.accountId, 'header');
  const headerA = await app.clipboard.readText();
  await app.service.copy(onB.accountId, 'header');
  const headerB = await app.clipboard.readText();
  assert.deepEqual([(await whoAmI(sandboxA, headerA)).status, (await whoAmI(sandboxB, headerB)).status], [200, 200]);
  assert.deepEqual([(await whoAmI(sandboxB, headerA)).status, (await whoAmI(sandboxA, headerB)).status], [401, 401]);
});

test('AppState lists the connections in creation order with origin, configured and account count', async () => {
  assert.ok((await app.service.signIn({ connectionId: b, userid: 'user_42' })).ok);
  const state = await app.service.getState();
  assert.deepEqual(state.connections, [
    { id: a, name: 'Sandbox A', origin: sandboxA.url, configured: true, accountCount: 0 },
    { id: b, name: 'Sandbox B', origin: sandboxB.url, configured: true, accountCount: 1 },
  ]);
  assert.equal(state.configured, true);
  assert.equal(state.accounts[0]?.connectionId, b);
});

test('a first run has no connection: not configured, with a warning saying to add one', async () => {
  const fresh = await mkdtemp(join(tmpdir(), 'airisk-connections-fresh-'));
  const first = await createNodeApp({ directory: fresh, openUrl: async () => undefined });
  try {
    const state = await first.service.getState();
    assert.deepEqual(state.connections, []);
    assert.equal(state.configured, false);
    assert.match(state.warnings.find((warning) => warning.kind === 'not-configured')?.message ?? '', /^Add a connection in Settings/);
    const outcome = await first.service.signIn({});
    assert.equal(outcome.ok ? '' : outcome.error.code, 'invalid_configuration');
    assert.match(outcome.ok ? '' : outcome.error.message, /Add a connection/);
    const setup = await first.service.saveConnection(null, { name: 'AIRisk', clientId: 'c' });
    assert.ok(setup.ok);
    const afterSetup = await first.service.getState();
    assert.equal(afterSetup.configured, false, 'no secret yet');
    assert.match(afterSetup.warnings.find((warning) => warning.kind === 'not-configured')?.message ?? '', /client id and client secret .* for the connection/);
  } finally {
    await first.service.shutdown();
    await rm(fresh, { recursive: true, force: true });
  }
});

test('sign-in defaults to the active account\'s connection, else the first configured one', async () => {
  const bare = await app.service.saveConnection(null, { name: 'Unfinished' });
  assert.ok(bare.ok);
  const first = await app.service.signIn({});
  assert.ok(first.ok);
  assert.ok(browser.opened.at(-1)?.startsWith(`${sandboxA.url}/`), 'no account yet: the first configured connection');
  const onB = await app.service.signIn({ connectionId: b, userid: 'user_7' });
  assert.ok(onB.ok);
  await app.service.setActive(onB.accountId);
  const next = await app.service.signIn({ userid: 'user_8' });
  assert.ok(next.ok);
  assert.ok(browser.opened.at(-1)?.startsWith(`${sandboxB.url}/`), 'the active account\'s connection');
  await assert.rejects(app.service.signIn({ connectionId: 'nope' }), /That connection no longer exists/);
});

test('renew signs in on the account\'s own connection and replaces only that token', async () => {
  const onA = await app.service.signIn({ connectionId: a, userid: 'user_42' });
  const onB = await app.service.signIn({ connectionId: b, userid: 'user_42' });
  assert.ok(onA.ok && onB.ok);
  await app.service.setActive(onA.accountId);
  const renewed = await app.service.renew(onB.accountId);
  assert.deepEqual(renewed, { ok: true, accountId: onB.accountId, message: 'Signed in: the token for user_42 on Sandbox B is saved.' });
  assert.ok(browser.opened.at(-1)?.startsWith(`${sandboxB.url}/`), 'renewed where the token came from, not on the active account\'s connection');
  assert.equal((await app.service.getState()).accounts.length, 2);
});

test('a sign-in under way is cancelled cleanly when its connection\'s URLs or client change; a rename leaves it alone', async () => {
  const { outcome } = await pendingSignIn(b);
  await app.service.saveConnection(b, { name: 'Sandbox B renamed' });
  await app.service.saveConnection(a, { clientId: 'other-client' });
  assert.equal((await app.service.getState()).signIn?.connectionId, b, 'still waiting after a rename and an edit of another connection');
  const saved = await app.service.saveConnection(b, { baseUrl: sandboxB.url.replace('127.0.0.1', 'localhost'), clientSecret: sandboxB.demoClient.clientSecret });
  assert.ok(saved.ok);
  const ended = await outcome;
  assert.equal(ended.ok ? '' : ended.error.code, 'cancelled');
  const state = await app.service.getState();
  assert.equal(state.signIn, null);
  assert.equal(state.lastError, null, 'a cancellation is not shown as an error');
});

test('the browser may be sent only to the authorization endpoint of the connection the sign-in is on', async () => {
  assert.deepEqual(app.service.authorizationEndpoint(), { baseUrl: sandboxA.url, authorizePath: '/api/oauth2/Authorize' }, 'no sign-in: the default connection');
  const { outcome } = await pendingSignIn(b);
  assert.deepEqual(app.service.authorizationEndpoint(), { baseUrl: sandboxB.url, authorizePath: '/api/oauth2/Authorize' });
  assert.ok(idleOpened.at(-1)?.startsWith(`${sandboxB.url}/api/oauth2/Authorize?`));
  await app.service.cancelSignIn();
  await outcome;
});

test('a new client secret for the connection of a sign-in under way cancels it too', async () => {
  const { outcome } = await pendingSignIn(a);
  assert.ok((await app.service.saveConnection(a, { clientSecret: sandboxA.demoClient.clientSecret })).ok);
  const ended = await outcome;
  assert.equal(ended.ok ? '' : ended.error.code, 'cancelled');
});

test('moving a connection with a stored secret to another origin is refused unless the secret is entered again; a same-origin edit keeps it', async () => {
  const other = sandboxB.url;
  const refused = await app.service.saveConnection(a, { baseUrl: other });
  assert.deepEqual(refused, { ok: false, problems: [{ field: 'clientSecret', message: `The client secret is kept for ${sandboxA.url} only; enter it again for ${other}.` }] });
  const unchanged = (await app.service.getState()).connections.find((connection) => connection.id === a);
  assert.equal(unchanged?.origin, sandboxA.url, 'nothing was saved');
  assert.equal(unchanged?.configured, true);
  const samePath = await app.service.saveConnection(a, { baseUrl: `${sandboxA.url}/` });
  assert.ok(samePath.ok && samePath.connection.clientSecretSet && samePath.connection.clientSecretProblem === null, 'same origin: the secret stays usable');
  const moved = await app.service.saveConnection(a, { baseUrl: other, clientSecret: sandboxB.demoClient.clientSecret });
  assert.ok(moved.ok && moved.connection.clientSecretProblem === null);
});

test('moving a connection to another origin keeps its accounts but not their tokens (sign in again): they were issued by the old AIRisk', async () => {
  assert.ok((await app.service.signIn({ connectionId: a, userid: 'user_42' })).ok);
  const before = (await app.service.getState()).accounts.find((account) => account.connectionId === a && account.userid === 'user_42');
  assert.equal(before?.status, 'valid');
  const samePath = await app.service.saveConnection(a, { baseUrl: `${sandboxA.url}/` });
  assert.ok(samePath.ok);
  assert.equal((await app.service.getState()).accounts.find((account) => account.id === before?.id)?.status, 'valid', 'same origin: the token stays');
  const moved = await app.service.saveConnection(a, { baseUrl: sandboxB.url, clientSecret: sandboxB.demoClient.clientSecret });
  assert.ok(moved.ok);
  const after = (await app.service.getState()).accounts.find((account) => account.id === before?.id);
  assert.equal(after?.status, 'sign_in_again', 'the account stays, its token is gone');
  await assert.rejects(app.service.copy(after?.id ?? '', 'curl-command'), /no longer available/, 'no command sends the old token to the new origin');
});

test('a client secret the cipher cannot encrypt saves nothing: neither a new connection nor an edit\'s other fields', async () => {
  await app.service.shutdown();
  const aes = createAesGcmCipher(await loadOrCreateKeyFile(join(directory, 'test-cipher.key')));
  // TEST DOUBLE: the real cipher, except that encrypt fails (a keyring that went away).
  const failingEncryptCipherForTests: CipherPort = { describe: () => aes.describe(), decrypt: (text) => aes.decrypt(text), encrypt: () => Promise.reject(new Error('keyring locked')) };
  app = await createNodeApp({ directory, timers: clock, cipher: failingEncryptCipherForTests, openUrl: (url) => browser.openUrl(url), callbackTimeoutMs: 5000 });
  const before = await app.service.getSettings();
  await assert.rejects(app.service.saveConnection(null, { ...sandboxSettings(sandboxA, 'Sandbox C') }), /^Error: The client secret could not be encrypted \(keyring locked\); nothing was saved/);
  await assert.rejects(app.service.saveConnection(a, { clientId: 'another-client', baseUrl: sandboxB.url, clientSecret: 'new-secret' }), /could not be encrypted/);
  assert.deepEqual(await app.service.getSettings(), before, 'no connection added, no field changed, the old secret still usable');
  const check = await app.service.checkConnection(a, {});
  assert.equal(check.token.verdict, 'ok', check.token.message);
});

test('removing a connection cancels a sign-in under way on it, and removes its accounts and tokens', async () => {
  const onA = await app.service.signIn({ connectionId: a, userid: 'user_42' });
  const onB = await app.service.signIn({ connectionId: b, userid: 'user_42' });
  assert.ok(onA.ok && onB.ok);
  const { outcome } = await pendingSignIn(b);
  await app.service.removeConnection(b);
  const ended = await outcome;
  assert.equal(ended.ok ? '' : ended.error.code, 'cancelled');
  const state = await app.service.getState();
  assert.deepEqual(state.connections.map((connection) => connection.name), ['Sandbox A']);
  assert.deepEqual(state.accounts.map((account) => account.id), [onA.accountId]);
  await assert.rejects(app.service.copy(onB.accountId, 'header'), /no longer exists/);
});

test('removing the active account\'s connection makes another account active, or none', async () => {
  const onA = await app.service.signIn({ connectionId: a, userid: 'user_42' });
  const onB = await app.service.signIn({ connectionId: b });
  assert.ok(onA.ok && onB.ok);
  await app.service.setActive(onB.accountId);
  await app.service.removeConnection(b);
  assert.equal((await app.service.getState()).activeAccountId, onA.accountId);
  const c = await connectSandbox(app.service, sandboxB, 'Sandbox C');
  await app.service.removeConnection(a);
  const state = await app.service.getState();
  assert.equal(state.activeAccountId, null);
  assert.deepEqual(state.connections.map((connection) => connection.id), [c]);
});

test('removing the active account\'s connection makes active what the sensible-account rule picks among all that remain: the generic account, else the first userid case-insensitively', async () => {
  const c = await connectSandbox(app.service, sandboxA, 'Sandbox C');
  const zed = await app.service.signIn({ connectionId: a, userid: 'Zed' });
  const alice = await app.service.signIn({ connectionId: c, userid: 'alice' });
  const onB = await app.service.signIn({ connectionId: b, userid: 'user_42' });
  const generic = await app.service.signIn({ connectionId: c });
  assert.ok(zed.ok && alice.ok && onB.ok && generic.ok);
  await app.service.setActive(onB.accountId);
  await app.service.removeConnection(b);
  const state = await app.service.getState();
  assert.equal(state.activeAccountId, generic.accountId, 'the generic account (on another connection) becomes active');
  assert.deepEqual(state.accounts.filter((account) => account.active).map((account) => account.id), [generic.accountId], 'AppState agrees: exactly one active account');
  await app.service.removeConnection(c);
  assert.equal((await app.service.getState()).activeAccountId, zed.accountId, 'only Zed is left');
});

test('the last connection cannot be removed, with a plain message', async () => {
  await app.service.removeConnection(b);
  await assert.rejects(app.service.removeConnection(a), /The last connection cannot be removed/);
  assert.equal((await app.service.getState()).connections.length, 1);
  await assert.rejects(app.service.removeConnection(b), /That connection no longer exists/);
});

test('a refused removal of the last connection leaves a sign-in under way on it running', async () => {
  await app.service.removeConnection(b);
  const { outcome } = await pendingSignIn(a);
  await assert.rejects(app.service.removeConnection(a), /^Error: The last connection cannot be removed: sign-in needs one\. Edit it instead, or add another first\.$/);
  assert.equal((await app.service.getState()).signIn?.connectionId, a, 'still waiting in the browser');
  await app.service.cancelSignIn();
  await outcome;
});

test('a duplicate is named "(copy)", then "(copy 2)", without the secret and without accounts', async () => {
  assert.ok((await app.service.signIn({ connectionId: a })).ok);
  const copy = await app.service.duplicateConnection(a);
  const second = await app.service.duplicateConnection(a);
  assert.ok(copy.ok && second.ok);
  assert.deepEqual([copy.connection.name, second.connection.name], ['Sandbox A (copy)', 'Sandbox A (copy 2)']);
  assert.deepEqual([copy.connection.baseUrl, copy.connection.clientId, copy.connection.redirectUri], [sandboxA.url, sandboxA.demoClient.clientId, 'http://127.0.0.1:0/callback']);
  assert.deepEqual([copy.connection.clientSecretSet, copy.connection.accountCount], [false, 0]);
  assert.equal((await app.service.getState()).connections.find((connection) => connection.id === copy.connection.id)?.configured, false);
});

test('connection names are unique case-insensitively, with a message naming the field', async () => {
  const clash = await app.service.saveConnection(null, { name: 'sandbox a' });
  assert.ok(!clash.ok);
  assert.deepEqual(clash.problems, [{ field: 'name', message: 'There is a connection named "sandbox a" already; choose another name.' }]);
  const renamed = await app.service.saveConnection(b, { name: 'SANDBOX A' });
  assert.ok(!renamed.ok);
  assert.equal((await app.service.getState()).connections[1]?.name, 'Sandbox B', 'nothing was applied');
  const unnamed = await app.service.saveConnection(null, {});
  assert.ok(!unnamed.ok);
  assert.equal(unnamed.problems[0]?.field, 'name');
});

test('Settings lists every connection without any secret; a secret that no longer decrypts says "enter the client secret again"', async () => {
  const settings = await app.service.getSettings();
  assert.deepEqual(settings.connections.map((connection) => [connection.name, connection.clientSecretSet, connection.clientSecretProblem]), [
    ['Sandbox A', true, null],
    ['Sandbox B', true, null],
  ]);
  assert.equal(JSON.stringify(settings).includes(sandboxA.demoClient.clientSecret), false);
  await app.service.shutdown();
  // Another key: as if the keyring was reset. The stored secrets no longer decrypt.
  const { createAesGcmCipher } = await import('../../src-main/core/vault/aes-gcm-cipher.ts');
  app = await createNodeApp({ directory, timers: clock, openUrl: (url) => browser.openUrl(url), cipher: createAesGcmCipher(Buffer.alloc(32, 9)) });
  const [first] = (await app.service.getSettings()).connections;
  assert.equal(first?.clientSecretSet, false);
  assert.match(first?.clientSecretProblem ?? '', /enter the client secret again/);
  const outcome = await app.service.signIn({ connectionId: a });
  assert.match(outcome.ok ? '' : outcome.error.message, /^Sandbox A: .*enter the client secret again/);
  assert.deepEqual(browser.opened, [], 'no browser opened');
  const fixed = await app.service.saveConnection(a, { clientSecret: sandboxA.demoClient.clientSecret });
  assert.ok(fixed.ok);
  assert.deepEqual([fixed.connection.clientSecretSet, fixed.connection.clientSecretProblem], [true, null]);
});

test('with two connections a notification names the account with its connection', async () => {
  const onB = await app.service.signIn({ connectionId: b, userid: 'user_42' });
  assert.ok(onB.ok);
  clock.advance(3600_000 - 5 * 60_000 + 1000);
  assert.deepEqual(app.notices.map((notice) => notice.title), ['user_42 · Sandbox B: token expires soon']);
});

test('the store file holds the connections and no secret in plain text', async () => {
  assert.ok((await app.service.signIn({ connectionId: b })).ok);
  await app.service.flush();
  const file = await readFile(app.storePath, 'utf8');
  assert.equal(file.includes(sandboxA.demoClient.clientSecret), false);
  const document = JSON.parse(file) as { schemaVersion: number; connections: { name: string }[] };
  assert.equal(document.schemaVersion, 3);
  assert.deepEqual(document.connections.map((connection) => connection.name), ['Sandbox A', 'Sandbox B']);
});
