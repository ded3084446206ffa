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
import { runTrayAction, trayActionDispatcher } from '../../src-main/core/tray/tray-actions.ts';
import { buildTrayMenu } from '../../src-main/core/tray/tray-menu-model.ts';
import { FIRST_CHECK_DELAY_MS, type CheckAnswer, type UpdaterPort } from '../../src-main/core/update/update-desk.ts';
import type { UpdateMode } from '../../src-main/core/update/update-mode.ts';
import { authorizationUrlOpener, expectedEndpointOf } from '../../src-main/core/window/window-open-policy.ts';
import type { AppService } from '../../src-main/core/app/app-service.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { createNodeApp, type NodeApp } from '../support/node-app.ts';
import { connectSandbox } from '../support/sandbox-settings.ts';

/** TEST STAND-IN for electron-updater: the feed has 1.2.3; downloads succeed; restarts are recorded. */
class StandInUpdater implements UpdaterPort {
  readonly calls: string[] = [];
  /** What electron-updater's 'error' event says during quitAndInstall, when it refuses. */
  refusal: Error | null = null;
  async check(): Promise<CheckAnswer> {
    this.calls.push('check');
    return { kind: 'newer', version: '1.2.3' };
  }
  async download(): Promise<void> {
    this.calls.push('download');
  }
  quitAndInstall(): Error | null {
    this.calls.push('quitAndInstall');
    return this.refusal;
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
    updates: { version: '1.2.2', mode: { kind: 'self-update' }, updater, instanceLock: { release: () => updater.calls.push('release-lock'), retake: () => updater.calls.push('retake-lock') }, notify: (title, body) => notes.push(`${title}: ${body}`) },
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
  assert.deepEqual(state.updates, { version: '1.2.2', status: 'Version 1.2.3 is downloaded: restart to update.', readyVersion: '1.2.3', availableVersion: null, canCheck: true });
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
  assert.deepEqual(updater.calls.slice(-2), ['release-lock', 'quitAndInstall']);
});

test('at start the service renews the start-at-login entry only when the setting is on (it was main.ts\'s decision)', async () => {
  await app.service.renewLoginItem();
  assert.deepEqual(app.loginItemCalls, []);
  await app.service.updateSettings({ startAtLogin: true, startHidden: true });
  app.loginItemCalls.length = 0;
  await app.service.renewLoginItem();
  assert.deepEqual(app.loginItemCalls, [{ enabled: true, hidden: true }]);
});

test('a deb (notify-only): the tray offers "Version 1.2.3 available — open download page", which opens that release page through the app\'s one external opener', async () => {
  const debDir = await mkdtemp(join(tmpdir(), 'airisk-updates-deb-'));
  const external: string[] = [];
  let deb: NodeApp | undefined;
  const service = (): AppService | undefined => deb?.service;
  const mode: UpdateMode = { kind: 'notify-only', reason: 'This copy was installed as a .deb package: update it with your package manager (apt), or install the new .deb.' };
  try {
    deb = await createNodeApp({
      directory: debDir,
      timers: new ManualClock(),
      openUrl: authorizationUrlOpener(expectedEndpointOf(service), async (url) => void external.push(url)),
      updates: { version: '1.2.2', mode, updater: new StandInUpdater(), instanceLock: { release: () => undefined, retake: () => undefined }, notify: () => undefined },
    });
    const view = await deb.service.checkForUpdates();
    assert.equal(view.availableVersion, '1.2.3');
    assert.equal(view.readyVersion, null);
    const item = buildTrayMenu(await deb.service.getState()).find((entry) => entry.kind === 'action' && entry.action.type === 'open-release-page');
    assert.equal(item?.kind === 'action' && item.label, 'Version 1.2.3 available — open download page');
    await runTrayAction({ type: 'open-release-page' }, await deb.service.getState(), { service: deb.service, openWindow: () => undefined, quit: () => undefined });
    assert.deepEqual(external, ['https://github.com/airisk/airisk-token-tray/releases/tag/v1.2.3']);
  } finally {
    await deb?.service.shutdown();
    await rm(debDir, { recursive: true, force: true });
  }
});

test('with nothing newer known, "open download page" is refused and opens nothing', async () => {
  await assert.rejects(runTrayAction({ type: 'open-release-page' }, await app.service.getState(), ports()), { message: 'No newer version is known: choose Check now in Settings first.' });
  assert.deepEqual(opened, []);
});

test('when electron-updater refuses to install, the tray restart fails with why (the tray shows failures as a notification) and the lock is taken back', async () => {
  await app.service.checkForUpdates();
  updater.refusal = new Error('spawn /tmp/airisk-token-tray-1.2.3.AppImage EACCES');
  const failures: string[] = [];
  // main.ts's dispatcher: onFailure logs and shows the message as a notification.
  const dispatch = trayActionDispatcher({ ...ports(), onFailure: (action, message) => failures.push(`${action.type}: ${message}`) });
  dispatch({ type: 'restart-to-update' }, await app.service.getState());
  for (let turn = 0; turn < 50 && failures.length === 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(failures, ['restart-to-update: Could not install version 1.2.3: spawn /tmp/airisk-token-tray-1.2.3.AppImage EACCES.']);
  assert.deepEqual(updater.calls.slice(-3), ['release-lock', 'quitAndInstall', 'retake-lock']);
});
