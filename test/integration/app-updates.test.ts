/**
 * Auto-update through the real app service: the setting, "Check now", the state the tray draws
 * from, and the tray's restart item refused while a real sign-in (against the AIRisk sandbox) is
 * pending. The updater is a STAND-IN for electron-updater, which needs Electron.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { runTrayAction } from '../../src-main/core/tray/tray-actions.ts';
import { buildTrayMenu } from '../../src-main/core/tray/tray-menu-model.ts';
import { FIRST_CHECK_DELAY_MS, type UpdaterPort } from '../../src-main/core/update/update-desk.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';

/** TEST STAND-IN for electron-updater: the feed has 1.2.3; downloads succeed; restarts are recorded. */
class StandInUpdater implements UpdaterPort {
  readonly calls: string[] = [];
  async check(): Promise<string | null> {
    this.calls.push('check');
    return '1.2.3';
  }
  async download(): Promise<void> {
    this.calls.push('download');
  }
  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }
}

let sandbox: Sandbox;
let directory: string;
let app: NodeApp;
let updater: StandInUpdater;
let clock: ManualClock;
let notes: string[];
const opened: string[] = [];

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'airisk-updates-'));
  updater = new StandInUpdater();
  clock = new ManualClock();
  notes = [];
  opened.length = 0;
  app = await createNodeApp({
    directory,
    timers: clock,
    // The person never answers in the browser: the sign-in stays pending until cancelled.
    openUrl: async (url) => {
      opened.push(url);
    },
    updates: { version: '1.2.2', mode: { kind: 'self-update' }, updater, notify: (title, body) => notes.push(`${title}: ${body}`) },
  });
  await connectSandbox(app.service, sandbox);
});
afterEach(async () => {
  await app.service.shutdown();
  await rm(directory, { recursive: true, force: true });
});

const ports = () => ({ service: app.service, openWindow: () => undefined, quit: () => undefined });

test('"Check for updates automatically" is on by default and is an ordinary setting', async () => {
  assert.equal((await app.service.getSettings()).checkForUpdatesAutomatically, true);
  const off = await app.service.updateSettings({ checkForUpdatesAutomatically: false });
  assert.equal(off.ok && off.settings.checkForUpdatesAutomatically, false);
  const refused = await app.service.updateSettings({ checkForUpdatesAutomatically: 'yes' as unknown as boolean });
  assert.deepEqual(refused.ok ? [] : refused.problems, [{ field: 'checkForUpdatesAutomatically', message: 'checkForUpdatesAutomatically must be true or false.' }]);
});

test('turned off, the minute-after-start check does not happen; "Check now" still does', async () => {
  await app.service.updateSettings({ checkForUpdatesAutomatically: false });
  clock.advance(FIRST_CHECK_DELAY_MS);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(updater.calls, []);
  const view = await app.service.checkForUpdates();
  assert.deepEqual(updater.calls, ['check', 'download']);
  assert.equal(view.readyVersion, '1.2.3');
});

test('a downloaded update: the state and tray show the version and "Restart to update to 1.2.3"; one notification', async () => {
  await app.service.checkForUpdates();
  const state = await app.service.getState();
  assert.deepEqual(state.updates, { version: '1.2.2', status: 'Version 1.2.3 is downloaded: restart to update.', readyVersion: '1.2.3', canCheck: true });
  const menu = buildTrayMenu(state);
  assert.deepEqual(menu.slice(-3).map((item) => (item.kind === 'separator' ? '---' : item.label)), ['Restart to update to 1.2.3', 'Version 1.2.2', 'Quit']);
  assert.equal(notes.length, 1);
});

test('the tray restart is refused while a sign-in is pending, and installs once it is over', async () => {
  await app.service.checkForUpdates();
  const signingIn = app.service.signIn({});
  for (let turn = 0; turn < 200 && (await app.service.getState()).signIn === null; turn += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  const pending = await app.service.getState();
  assert.notEqual(pending.signIn, null, 'the sign-in is under way');
  const restart = buildTrayMenu(pending).find((item) => item.kind === 'action' && item.action.type === 'restart-to-update');
  assert.equal(restart?.kind === 'action' && restart.enabled, false, 'the tray item is disabled meanwhile');
  await assert.rejects(runTrayAction({ type: 'restart-to-update' }, pending, ports()), { message: 'Finish or cancel the sign-in first: restarting now would lose it.' });
  assert.ok(!updater.calls.includes('quitAndInstall'));
  await app.service.cancelSignIn();
  await signingIn;
  await runTrayAction({ type: 'restart-to-update' }, await app.service.getState(), ports());
  assert.equal(updater.calls.at(-1), 'quitAndInstall');
});

test('at start the service renews the start-at-login entry only when the setting is on (it was main.ts\'s decision)', async () => {
  await app.service.renewLoginItem();
  assert.deepEqual(app.loginItemCalls, []);
  await app.service.updateSettings({ startAtLogin: true, startHidden: true });
  app.loginItemCalls.length = 0;
  await app.service.renewLoginItem();
  assert.deepEqual(app.loginItemCalls, [{ enabled: true, hidden: true }]);
});
