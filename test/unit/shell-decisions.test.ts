/** Decisions moved out of src-main/main.ts into core, with the behaviour main.ts had. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notifierActions } from '../../src-main/core/notifications/notifier-actions.ts';
import type { UpdaterPort } from '../../src-main/core/update/update-desk.ts';
import { createUpdateFace, lazyUpdater } from '../../src-main/core/update/update-face.ts';
import { expectedEndpointOf } from '../../src-main/core/window/window-open-policy.ts';

test('a notification button shows the window, then renews (or runs Renew all); a failure is logged, a service not yet started is skipped', async () => {
  const calls: string[] = [];
  const late: { service?: { renew(id: string): Promise<unknown>; renewAll(id: string): Promise<unknown> } } = {};
  const actions = notifierActions({ service: () => late.service, showWindow: () => calls.push('show'), log: (line) => calls.push(line) });
  actions.renew('a1');
  assert.deepEqual(calls, ['show']);
  late.service = {
    renew: async (id) => calls.push(`renew ${id}`),
    renewAll: async () => {
      throw new Error('a sign-in is under way');
    },
  };
  actions.renew('a1');
  actions.renewAll('c1');
  actions.openWindow();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(calls, ['show', 'show', 'renew a1', 'show', 'show', 'renew all failed: a sign-in is under way']);
});

test('the sign-in page opener asks the service for its endpoint at the time of the call, with a plain refusal before it starts or without a connection', async () => {
  let service: { authorizationEndpoint(): { baseUrl: string; authorizePath: string } | undefined } | undefined;
  const expected = expectedEndpointOf(() => service);
  await assert.rejects(expected(), { message: 'The app is still starting.' });
  service = { authorizationEndpoint: () => undefined };
  await assert.rejects(expected(), { message: 'There is no connection to open a sign-in page for.' });
  service = { authorizationEndpoint: () => ({ baseUrl: 'https://api.airisk.example.com', authorizePath: '/oauth/authorize' }) };
  assert.deepEqual(await expected(), { baseUrl: 'https://api.airisk.example.com', authorizePath: '/oauth/authorize' });
});

test('the lazy updater loads electron-updater once, on the first check, and installs only after it loaded', async () => {
  let loads = 0;
  const calls: string[] = [];
  const real: UpdaterPort = { check: async () => (calls.push('check'), { kind: 'newer', version: '1.2.3' }), download: async () => void calls.push('download'), quitAndInstall: () => (calls.push('install'), null) };
  const updater = lazyUpdater(async () => {
    loads += 1;
    return real;
  });
  assert.equal(loads, 0, 'nothing loaded at start');
  assert.match(updater.quitAndInstall()?.message ?? '', /nothing to install/);
  assert.deepEqual(await updater.check(), { kind: 'newer', version: '1.2.3' });
  await updater.download();
  await updater.check();
  assert.equal(updater.quitAndInstall(), null);
  assert.equal(loads, 1);
  assert.deepEqual(calls, ['check', 'download', 'check', 'install']);
});

test('a packaged macOS app runs no codesign at start-up: the signature is read before the first check, and a bundle codesign cannot vouch for only tells', async () => {
  const face = await createUpdateFace({
    version: '1.2.2',
    packaged: true,
    platform: 'darwin',
    env: {},
    resourcesDir: '/nowhere/AIRisk Token Tray.app/Contents/Resources',
    execPath: '/nowhere/AIRisk Token Tray.app/Contents/MacOS/AIRisk Token Tray',
    load: async () => assert.fail('electron-updater is not loaded by building the face'),
    instanceLock: { release: () => undefined, retake: () => undefined },
    notify: () => undefined,
  });
  assert.deepEqual(face.mode, { kind: 'self-update' }, 'provisional until the first check');
  assert.ok(face.modeAtFirstCheck !== undefined);
  // No such bundle (and no codesign off macOS): not signed with a Developer ID.
  assert.equal((await face.modeAtFirstCheck()).kind, 'notify-only');
});
