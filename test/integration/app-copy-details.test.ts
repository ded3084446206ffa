import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';
import { ConsentingBrowser, whoAmI } from '../support/sign-in-fixtures.ts';

/*
 * Copy formats, the default format, token details, a dismissed error and a named denial, through
 * the real app service against two real sandboxes on loopback.
 */

let staging: Sandbox;
let production: Sandbox;
let clock: ManualClock;
let directory: string;
let app: NodeApp;
let browser: ConsentingBrowser;
let stagingId: string;
let productionId: string;

before(async () => {
  clock = new ManualClock(Date.now());
  staging = await startSandbox({ now: () => clock.now() });
  production = await startSandbox({ now: () => clock.now() });
});
after(async () => {
  await staging.close();
  await production.close();
});
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-copy-details-'));
  browser = new ConsentingBrowser('approve');
  app = await createNodeApp({ directory, timers: clock, openUrl: (url) => browser.openUrl(url) });
  stagingId = await connectSandbox(app.service, staging, 'Staging');
  productionId = await connectSandbox(app.service, production, 'Production');
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

async function signedIn(connectionId: string, userid?: string): Promise<string> {
  const outcome = await app.service.signIn({ connectionId, ...(userid === undefined ? {} : { userid }) });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  return outcome.accountId;
}

test('curl-command and httpie name the base URL of the account’s own connection', async () => {
  const onStaging = await signedIn(stagingId, 'user_42');
  const onProduction = await signedIn(productionId, 'user_42');
  await app.service.copy(onProduction, 'token');
  const token = await app.clipboard.readText();
  await app.service.copy(onProduction, 'curl-command');
  assert.equal(await app.clipboard.readText(), `curl -H 'Authorization: Bearer ${token}' '${new URL(production.url).href}'`);
  await app.service.copy(onStaging, 'httpie');
  assert.match(await app.clipboard.readText(), new RegExp(`^http '${new URL(staging.url).href}' 'Authorization:Bearer [^ ']+'$`));
  await app.service.copy(onStaging, 'export-posix');
  const exported = /^export AIRISK_TOKEN='([^']+)'$/.exec(await app.clipboard.readText())?.[1] ?? '';
  assert.equal(((await whoAmI(staging, `Authorization: Bearer ${exported}`)).body as { userid: string }).userid, 'user_42');
});

test('a copy with no format uses the default format of Settings, and the outcome names the format used', async () => {
  const id = await signedIn(stagingId);
  const first = await app.service.copy(null, null);
  assert.equal(first.format, 'header');
  assert.equal(first.copied, 'header', 'the words the window announces');
  assert.match(await app.clipboard.readText(), /^Authorization: Bearer \S+$/);
  const result = await app.service.updateSettings({ defaultCopyFormat: 'export-powershell' });
  assert.ok(result.ok);
  assert.equal(result.settings.defaultCopyFormat, 'export-powershell');
  const second = await app.service.copy(id, null);
  assert.equal(second.format, 'export-powershell');
  assert.equal(second.copied, 'PowerShell $env line');
  assert.match(await app.clipboard.readText(), /^\$env:AIRISK_TOKEN = '\S+'$/);
  // An explicit format still wins over the default.
  assert.equal((await app.service.copy(id, 'token')).format, 'token');
  const refused = await app.service.updateSettings({ defaultCopyFormat: 'yaml' as never });
  assert.equal(refused.ok, false);
});

test('token details decode the sandbox JWT in main and never carry the token or its signature', async () => {
  const id = await signedIn(stagingId, 'user_42');
  await app.service.copy(id, 'token');
  const token = await app.clipboard.readText();
  const signature = token.split('.')[2] ?? '';
  assert.ok(signature.length > 8);
  const details = await app.service.tokenDetails(id);
  const json = JSON.stringify(details);
  assert.equal(json.includes(token), false, 'the details hold the token');
  assert.equal(json.includes(signature), false, 'the details hold the signature');
  assert.equal(details.kind, 'jwt');
  assert.equal(details.connectionName, 'Staging');
  assert.equal(details.userid, 'user_42');
  assert.equal(details.jwt?.claims.sub, 'user_42');
  assert.deepEqual(details.jwt?.header, { alg: 'HS256', typ: 'JWT' });
  assert.equal(details.jwt?.expiresAt, details.expiration.replace(/(\.\d+)?Z$/, '.000Z'));
  assert.deepEqual(details.warnings, []);
  assert.equal(details.lastUsedAt !== null, true);
  await assert.rejects(app.service.tokenDetails('nope'), /no longer exists/);
});

test('token details still open once the token expired (they hand nothing out)', async () => {
  const id = await signedIn(stagingId);
  clock.advance(2 * 24 * 3600_000);
  await assert.rejects(app.service.copy(id, 'header'), /renew it first/);
  assert.equal((await app.service.tokenDetails(id)).kind, 'jwt');
});

test('a denied sign-in names the user and the connection', async () => {
  browser = new ConsentingBrowser('deny');
  const user = await app.service.signIn({ connectionId: productionId, userid: 'user_42' });
  assert.equal(user.ok, false);
  if (!user.ok) assert.match(user.error.message, /^AIRisk refused the sign-in for user_42 on Production \(access_denied\)/);
  const generic = await app.service.signIn({ connectionId: stagingId });
  if (!generic.ok) assert.match(generic.error.message, /^AIRisk refused the sign-in for the generic token on Staging \(access_denied\)/);
  assert.equal(generic.ok, false);
});

test('a dismissed sign-in failure stays dismissed in main, until the next failure', async () => {
  browser = new ConsentingBrowser('deny');
  await app.service.signIn({ connectionId: stagingId, userid: 'user_7' });
  assert.equal((await app.service.getState()).lastError?.code, 'access_denied');
  const states: (string | null)[] = [];
  const stop = app.service.onStateChange((state) => states.push(state.lastError?.code ?? null));
  await app.service.dismissError();
  await new Promise((resolve) => setImmediate(resolve));
  stop();
  assert.deepEqual(states, [null], 'the window learns of the dismissal');
  // A reloaded window asks again: still dismissed.
  assert.equal((await app.service.getState()).lastError, null);
  await app.service.dismissError();
  await app.service.signIn({ connectionId: stagingId, userid: 'user_7' });
  assert.equal((await app.service.getState()).lastError?.code, 'access_denied');
});
