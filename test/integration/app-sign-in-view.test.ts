/**
 * What the window gets about a sign-in from the app service: ready text (the failure's headline
 * naming who, the renew-all lines), the connection whose settings fix a failure, the deadline while
 * waiting, and "open the sign-in page again" — without the authorization URL ever in the state.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import type { AppState } from '../../src-main/contract.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { completeConsent } from '../support/consent.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox, TWO_SANDBOX_NAMES } from '../support/sandbox-settings.ts';
import { closedPortUrl } from '../support/loopback.ts';

let sandbox: Sandbox;
let directory: string;
let app: NodeApp;
let connectionId: string;
let opened: string[];
/** What the person in the browser does with the next sign-in page. */
let decide: (url: string) => 'approve' | 'deny' | 'ignore' | 'fail';
const clock = new ManualClock(Date.now());

before(async () => {
  sandbox = await startSandbox({ now: () => clock.now() });
});
after(() => sandbox.close());
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-sign-in-view-'));
  opened = [];
  decide = () => 'approve';
  app = await createNodeApp({
    directory,
    timers: clock,
    callbackTimeoutMs: 120_000,
    openUrl: async (url) => {
      opened.push(url);
      if (decide(url) === 'fail') throw new Error('no browser');
      const decision = decide(url);
      if (decision === 'approve' || decision === 'deny') completeConsent(url, decision).catch(() => undefined);
    },
  });
  connectionId = await connectSandbox(app.service, sandbox, TWO_SANDBOX_NAMES[0]);
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

/** Resolves with the first state that `until` accepts. */
function stateWhere(until: (state: AppState) => boolean): Promise<AppState> {
  return new Promise((resolve) => {
    const stop = app.service.onStateChange((state) => {
      if (!until(state)) return;
      stop();
      resolve(state);
    });
  });
}

test('a connection edited to a closed port fails the sign-in at once, with one sentence naming its sign-in page and a way to that connection’s settings', async () => {
  const url = await closedPortUrl();
  const saved = await app.service.saveConnection(connectionId, { baseUrl: url, clientSecret: sandbox.demoClient.clientSecret });
  assert.ok(saved.ok);
  const started = Date.now();
  const outcome = await app.service.signIn({ connectionId, userid: 'user_42' });
  assert.ok(Date.now() - started < 2000, 'at once, not after the 2-minute wait');
  assert.ok(!outcome.ok);
  assert.deepEqual(opened, [], 'the browser never opened');
  const { lastError } = await app.service.getState();
  assert.equal(lastError?.code, 'authorization_unreachable');
  assert.equal(lastError?.message, `Nothing answers at ${url}/api/oauth2/Authorize (ECONNREFUSED): check the base URL and that AIRisk is running.`);
  assert.equal(lastError?.title, 'The sign-in page cannot be reached (user_42)');
  assert.equal(lastError?.settingsConnectionId, connectionId);
});

test('a denied sign-in’s failure names the user and the connection, and is not one settings fix', async () => {
  await connectSandbox(app.service, sandbox, TWO_SANDBOX_NAMES[1]);
  decide = () => 'deny';
  const outcome = await app.service.signIn({ connectionId, userid: 'user_9' });
  assert.ok(!outcome.ok);
  assert.equal(outcome.error.title, 'AIRisk refused the sign-in (user_9 on Sandbox A)');
  assert.match(outcome.error.message, /user_9 on Sandbox A/);
  assert.equal(outcome.error.settingsConnectionId, null);
});

test('while waiting for the browser the state has a deadline and who it is for, but no authorization URL; openSignInPage opens the same URL again', async () => {
  decide = () => 'ignore';
  const waiting = stateWhere((state) => state.signIn?.stage === 'waiting_for_browser');
  const signingIn = app.service.signIn({ connectionId, userid: 'user_42' });
  const state = await waiting;
  assert.equal(state.signIn?.subject, 'user_42');
  assert.equal(state.signIn?.message, 'Signing in for user_42: waiting for you in the browser');
  assert.equal(state.signIn?.deadline, new Date(clock.now() + 120_000).toISOString());
  assert.ok(!JSON.stringify(state).includes('/api/oauth2/Authorize'), 'the authorization URL is not in the state');
  assert.ok(!JSON.stringify(state).includes(new URL(opened[0] ?? '').searchParams.get('state') ?? '-'), 'nor its state parameter');
  await app.service.openSignInPage();
  assert.equal(opened.length, 2);
  assert.equal(opened[1], opened[0], 'the very same sign-in page');
  await completeConsent(opened[1] ?? '', 'approve');
  assert.ok((await signingIn).ok);
  await assert.rejects(app.service.openSignInPage(), /No sign-in is waiting for the browser/);
  assert.equal(opened.length, 2, 'nothing opened once the sign-in ended');
});

test('when the browser cannot be opened, the sign-in line the window shows and announces says so', async () => {
  decide = () => 'fail';
  const waiting = stateWhere((state) => state.signIn?.stage === 'waiting_for_browser');
  const signingIn = app.service.signIn({ connectionId });
  const state = await waiting;
  assert.equal(state.signIn?.message, 'Signing in for the generic token: waiting for you in the browser. The browser could not be opened: check the system’s default browser, then open the sign-in page again.');
  await app.service.cancelSignIn();
  await signingIn;
});

test('a dismissed failure stays dismissed for a reloaded window, and a new sign-in clears the failure before it', async () => {
  decide = () => 'deny';
  await app.service.signIn({ connectionId, userid: 'user_9' });
  assert.equal((await app.service.getState()).lastError?.code, 'access_denied');
  await app.service.dismissError();
  // A reloaded window reads the state afresh.
  assert.equal((await app.service.getState()).lastError, null);

  await app.service.signIn({ connectionId, userid: 'user_9' });
  decide = () => 'ignore';
  const waiting = stateWhere((state) => state.signIn?.stage === 'waiting_for_browser');
  const next = app.service.signIn({ connectionId, userid: 'user_10' });
  assert.equal((await waiting).lastError, null, 'the older failure is gone once a new sign-in starts');
  await app.service.cancelSignIn();
  await next;
  assert.equal((await app.service.getState()).lastError, null);
});

test('Renew all says its progress and its outcome in words, naming the connection when there are several', async () => {
  await connectSandbox(app.service, sandbox, TWO_SANDBOX_NAMES[1]);
  for (const userid of ['user_2', 'user_7', 'user_9']) assert.ok((await app.service.signIn({ connectionId, userid })).ok);
  clock.advance(3600_000 + 1000);
  decide = (url) => (new URL(url).searchParams.get('userid') === 'user_9' ? 'deny' : 'approve');
  const lines = new Set<string>();
  const stop = app.service.onStateChange((state) => {
    if (state.renewAll !== null) lines.add(state.renewAll.message);
  });
  const outcome = await app.service.renewAll(connectionId);
  stop();
  assert.ok(lines.has('Renewing 1 of 3 — user_2 (Sandbox A)'), [...lines].join(' | '));
  assert.ok(lines.has('Renewing 2 of 3 — user_7 (Sandbox A)'));
  assert.equal(outcome.message, 'Renewed 2 of 3 tokens on Sandbox A; user_9 was refused.');
});
