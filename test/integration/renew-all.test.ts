import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import type { AppState, RenewAllView } from '../../src-main/contract.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { completeConsent } from '../support/consent.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { runTrayAction } from '../../src-main/core/tray/tray-actions.ts';

let sandbox: Sandbox;
let clock: ManualClock;
let directory: string;
let app: NodeApp;
let connectionId: string;
/** What the person in the browser does with each sign-in page: by the URL's userid. */
let decide: (userid: string | null) => 'approve' | 'deny' | 'ignore';
let opened: (string | null)[];

before(async () => {
  clock = new ManualClock(Date.now());
  sandbox = await startSandbox({ now: () => clock.now() });
});
after(() => sandbox.close());
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-renew-all-'));
  decide = () => 'approve';
  opened = [];
  const openUrl = (url: string): Promise<void> => {
    const userid = new URL(url).searchParams.get('userid');
    opened.push(userid);
    const decision = decide(userid);
    if (decision !== 'ignore') completeConsent(url, decision).catch(() => undefined);
    return Promise.resolve();
  };
  app = await createNodeApp({ directory, timers: clock, openUrl });
  connectionId = await connectSandbox(app.service, sandbox);
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

/** Signs in `userids` in order; then the clock passes their expiry; then `fresh` sign in (still valid). */
async function expiredAndFresh(userids: readonly string[], fresh: readonly string[]): Promise<void> {
  for (const userid of userids) assert.ok((await app.service.signIn({ userid })).ok);
  clock.advance(3600_000 + 1000);
  for (const userid of fresh) assert.ok((await app.service.signIn({ userid })).ok);
  opened.length = 0;
}

const idOf = (state: AppState, label: string): string => {
  const account = state.accounts.find((candidate) => candidate.label === label);
  assert.ok(account, `no account ${label}`);
  return account.id;
};

/** Resolves when a sign-in waits for the person in the browser. */
function untilWaitingInBrowser(): Promise<void> {
  return new Promise<void>((resolve) => {
    app.service.onStateChange((state) => {
      if (state.signIn?.stage === 'waiting_for_browser') resolve();
    });
  });
}

test('renew all renews every expired token of the connection, one sign-in after another, active first then in natural order, with progress', async () => {
  await expiredAndFresh(['user_10', 'user_2', 'user_3'], ['user_9']);
  let state = await app.service.getState();
  assert.deepEqual(state.renewable.map(({ connectionId: id, count, askFirst }) => ({ id, count, askFirst })), [{ id: connectionId, count: 3, askFirst: false }], 'the state offers Renew all for the three');
  assert.deepEqual(state.statusChips.map((chip) => chip.text), ['3 expired']);
  const labels = (order: readonly number[]): (string | undefined)[] => order.map((index) => state.accounts[index]?.label);
  assert.deepEqual(labels(state.accountOrder.name), ['user_10', 'user_2', 'user_3', 'user_9'], 'the active one (signed in first), then natural order');
  assert.deepEqual(labels(state.accountOrder['time-left']), ['user_2', 'user_3', 'user_10', 'user_9'], 'least time left first; ties in natural order, active or not');
  await app.service.setActive(idOf(state, 'user_3'));
  const progress: (RenewAllView | null)[] = [];
  app.service.onStateChange((next) => progress.push(next.renewAll));

  const outcome = await app.service.renewAll(connectionId);
  state = await app.service.getState();
  assert.deepEqual(opened, ['user_3', 'user_2', 'user_10'], 'one browser page per expired account, never the valid user_9');
  assert.deepEqual(outcome, { connectionId, renewed: ['user_3', 'user_2', 'user_10'].map((label) => idOf(state, label)), denied: [], stopped: null, error: null, remaining: [], message: 'Renewed 3 tokens.' });
  assert.deepEqual(
    [...new Set(progress.filter((view) => view !== null).map((view) => `${view.done}/${view.total}`))],
    ['0/3', '1/3', '2/3'],
    'the state says how far the run is',
  );
  assert.equal(state.renewAll, null, 'the run is over');
  assert.deepEqual([state.renewable, state.statusChips], [[], []], 'nothing left to renew');
  assert.equal(state.defaultConnectionId, connectionId);
  assert.ok(state.accounts.every((account) => account.status === 'valid'));
  await app.service.copy(idOf(state, 'user_10'), 'header');
  assert.equal(((await whoAmI(sandbox, await app.clipboard.readText())).body as { userid: string }).userid, 'user_10', 'the renewed token is accepted by AIRisk');
});

test('a sign-in denied in the browser is skipped and reported; the run goes on with the others', async () => {
  await expiredAndFresh(['user_1', 'user_2', 'user_3'], []);
  decide = (userid) => (userid === 'user_2' ? 'deny' : 'approve');
  const outcome = await app.service.renewAll(connectionId);
  const state = await app.service.getState();
  assert.deepEqual(opened, ['user_1', 'user_2', 'user_3']);
  assert.deepEqual(outcome.renewed, [idOf(state, 'user_1'), idOf(state, 'user_3')]);
  assert.deepEqual(outcome.denied, [idOf(state, 'user_2')]);
  assert.equal(outcome.stopped, null);
});

test('a sign-in that fails for the connection stops the run there instead of opening a page for each account', async () => {
  await expiredAndFresh(['user_1', 'user_2', 'user_3'], []);
  const saved = await app.service.saveConnection(connectionId, { clientSecret: 'not-the-secret-airisk-gave' });
  assert.ok(saved.ok);
  const outcome = await app.service.renewAll(connectionId);
  const state = await app.service.getState();
  assert.deepEqual(opened, ['user_1'], 'one page, not three');
  assert.equal(outcome.stopped, 'failed');
  assert.equal(outcome.error?.code, 'token_rejected');
  assert.deepEqual(outcome.remaining, ['user_1', 'user_2', 'user_3'].map((label) => idOf(state, label)));
  assert.equal(state.renewAll, null);
});

test('cancel stops the run: the sign-in under way is cancelled cleanly and no further page opens', async () => {
  await expiredAndFresh(['user_1', 'user_2'], []);
  decide = () => 'ignore';
  const waiting = untilWaitingInBrowser();
  const run = app.service.renewAll(connectionId);
  await waiting;
  assert.deepEqual((await app.service.getState()).renewAll, { connectionId, done: 0, total: 2, currentAccountId: idOf(await app.service.getState(), 'user_1'), message: 'Renewing 1 of 2 — user_1' });
  await app.service.cancelRenewAll();
  const outcome = await run;
  const state = await app.service.getState();
  assert.equal(outcome.stopped, 'cancelled');
  assert.deepEqual(outcome.renewed, []);
  assert.deepEqual(outcome.remaining, [idOf(state, 'user_1'), idOf(state, 'user_2')]);
  assert.deepEqual(opened, ['user_1'], 'user_2’s page never opened');
  assert.equal(state.signIn, null, 'no sign-in is left waiting');
  assert.equal(state.renewAll, null);
  assert.equal(state.lastError, null, 'a cancel is no error');
  decide = () => 'approve';
  assert.ok((await app.service.signIn({ userid: 'user_1' })).ok, 'a sign-in afterwards works: the callback listener was released');
});

test('while Renew all runs, a sign-in from the window, a notification or a terminal is refused and never cancels the run', async () => {
  await expiredAndFresh(['user_1', 'user_2'], []);
  decide = () => 'ignore';
  const waiting = untilWaitingInBrowser();
  const run = app.service.renewAll(connectionId);
  await waiting;
  const state = await app.service.getState();
  const other = await app.service.signIn({ userid: 'user_9' });
  assert.equal(other.ok ? 'ok' : other.error.code, 'busy');
  assert.match(other.ok ? '' : other.error.message, /Renew all is under way/);
  const renew = await app.service.renew(idOf(state, 'user_2'));
  assert.equal(renew.ok ? 'ok' : renew.error.code, 'busy');
  assert.deepEqual((await app.service.getState()).renewAll?.currentAccountId, idOf(state, 'user_1'), 'the run still waits for user_1');
  await app.service.cancelRenewAll();
  const outcome = await run;
  assert.equal(outcome.stopped, 'cancelled', 'ended by the cancel, not by the other sign-ins');
  assert.deepEqual(opened, ['user_1'], 'the refused sign-ins opened nothing');
  assert.equal((await app.service.getState()).lastError, null, 'the refusals were answers, not a banner that outlives the run');
});

test('renew all refuses while a sign-in is under way, and for an unknown connection', async () => {
  decide = () => 'ignore';
  const waiting = untilWaitingInBrowser();
  const pending = app.service.signIn({ userid: 'user_1' });
  await waiting;
  await assert.rejects(app.service.renewAll(connectionId), /A sign-in is under way; finish or cancel it before Renew all\./);
  await app.service.cancelSignIn();
  await pending;
  await assert.rejects(app.service.renewAll('no-such-connection'), /That connection no longer exists/);
});

test('the tray\'s "Renew N …" runs Renew all and reports a refused user, since the tray has no window to say it in', async () => {
  await expiredAndFresh(['user_1', 'user_2'], []);
  decide = (userid) => (userid === 'user_2' ? 'deny' : 'approve');
  const state = await app.service.getState();
  const ports = { service: app.service, openWindow: () => assert.fail('no window'), quit: () => assert.fail('no quit') };
  await assert.rejects(runTrayAction({ type: 'renew-all', connectionId }, state, ports), /^Error: Renewed 1\. The sign-in was refused for user_2\.$/);
  assert.deepEqual(opened, ['user_1', 'user_2']);
  await runTrayAction({ type: 'cancel-renew-all' }, state, ports);
});
