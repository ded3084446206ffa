/** Tray menu actions dispatched by core against the real app service and a real AIRisk sandbox. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import type { AppState } from '../../src-main/contract.ts';
import type { TrayAction } from '../../src-main/core/tray/tray-menu-model.ts';
import { runTrayAction, trayActionDispatcher } from '../../src-main/core/tray/tray-actions.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';
import { ConsentingBrowser } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
let directory: string;
let app: NodeApp;
let browser: ConsentingBrowser;
let calls: string[];

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-tray-actions-'));
  browser = new ConsentingBrowser('approve');
  app = await createNodeApp({ directory, openUrl: (url) => browser.openUrl(url) });
  await connectSandbox(app.service, sandbox);
  calls = [];
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

const ports = () => ({ service: app.service, openWindow: () => calls.push('open-window'), quit: () => calls.push('quit') });
const run = async (action: TrayAction, state?: AppState) => runTrayAction(action, state ?? (await app.service.getState()), ports());

test('sign in, copy, switch user and renew from the tray reach the service', async () => {
  await run({ type: 'sign-in-generic' });
  let state = await app.service.getState();
  const generic = state.accounts[0];
  assert.ok(generic !== undefined && generic.label === 'Generic');
  await run({ type: 'copy', accountId: generic.id });
  assert.match(await app.clipboard.readText(), /^Authorization: Bearer \S+$/);
  const user42 = await app.service.signIn({ userid: 'user_42' });
  assert.ok(user42.ok);
  await run({ type: 'set-active', accountId: user42.accountId });
  state = await app.service.getState();
  assert.equal(state.activeAccountId, user42.accountId);
  await run({ type: 'renew', accountId: user42.accountId });
  assert.equal(browser.opened.length, 3, 'renew signed in again in the browser');
  assert.deepEqual(calls, []);
});

test('open-window and quit go to their ports; start at login toggles from the state the menu showed', async () => {
  await run({ type: 'open-window' });
  await run({ type: 'quit' });
  assert.deepEqual(calls, ['open-window', 'quit']);
  await run({ type: 'toggle-start-at-login' });
  assert.equal((await app.service.getState()).startAtLogin, true);
  assert.deepEqual(app.loginItemCalls.at(-1), { enabled: true, hidden: false });
});

test('a denied tray sign-in is a failure the dispatcher reports; a cancelled one is not', async () => {
  browser = new ConsentingBrowser('deny');
  const failures: string[] = [];
  const dispatch = trayActionDispatcher({ ...ports(), onFailure: (action, message) => failures.push(`${action.type}: ${message}`) });
  dispatch({ type: 'sign-in-generic' }, await app.service.getState());
  await until(() => failures.length > 0);
  assert.match(failures[0] ?? '', /^sign-in-generic: AIRisk refused the sign-in for the generic token on \S+ \(access_denied\)/);

  browser = new ConsentingBrowser('approve', { followRedirect: false });
  const pending = runTrayAction({ type: 'sign-in-generic' }, await app.service.getState(), ports());
  await until(async () => (await app.service.getState()).signIn?.stage === 'waiting_for_browser');
  await run({ type: 'cancel-sign-in' });
  await pending;
  assert.equal(failures.length, 1, 'cancelling is not reported as a failure');
});

test('a refused settings change from the tray rejects with the service’s message', async () => {
  const refused = { ok: false as const, problems: [{ field: 'startAtLogin' as const, message: 'Start at login is not supported here.' }] };
  const service = Object.assign(Object.create(app.service) as NodeApp['service'], { updateSettings: async () => refused });
  await assert.rejects(runTrayAction({ type: 'toggle-start-at-login' }, await app.service.getState(), { ...ports(), service }), /Start at login is not supported here\./);
});

async function until(probe: () => boolean | Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
}
