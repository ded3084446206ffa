/**
 * The electron-updater adapter against a STAND-IN autoUpdater (an EventEmitter with electron-updater's
 * behaviour where it matters: checkForUpdates() resolves null when the updater is not active, and
 * quitAndInstall reports a refusal as an 'error' event, synchronously, as BaseUpdater.install does).
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { autoUpdaterPort, type AutoUpdaterLike } from '../../src-main/core/update/electron-updater-port.ts';

/** TEST STAND-IN for electron-updater's autoUpdater. */
class StandInAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  logger: unknown = console;
  result: Awaited<ReturnType<AutoUpdaterLike['checkForUpdates']>> = null;
  refusal: Error | undefined;
  installs = 0;
  async checkForUpdates(): ReturnType<AutoUpdaterLike['checkForUpdates']> {
    return this.result;
  }
  async downloadUpdate(): Promise<string[]> {
    return [];
  }
  quitAndInstall(): void {
    this.installs += 1;
    if (this.refusal !== undefined) this.emit('error', this.refusal);
  }
}

test('only core decides: no automatic download, no install on a plain quit, no log of its own', () => {
  const stand = new StandInAutoUpdater();
  autoUpdaterPort(stand);
  assert.equal(stand.autoDownload, false);
  assert.equal(stand.autoInstallOnAppQuit, false, 'a plain quit must not install the downloaded update');
  assert.equal(stand.logger, null);
});

test('checkForUpdates() resolving null (updater not active) is "inactive", not "newest"', async () => {
  const stand = new StandInAutoUpdater();
  const port = autoUpdaterPort(stand);
  assert.deepEqual(await port.check(), { kind: 'inactive' });
  stand.result = { isUpdateAvailable: false, updateInfo: { version: '1.2.2' } };
  assert.deepEqual(await port.check(), { kind: 'newest' });
  stand.result = { isUpdateAvailable: true, updateInfo: { version: '1.2.3' } };
  assert.deepEqual(await port.check(), { kind: 'newer', version: '1.2.3' });
});

test("quitAndInstall returns the 'error' electron-updater emits when it refuses, and null when it goes ahead; no listener is left behind", () => {
  const stand = new StandInAutoUpdater();
  const port = autoUpdaterPort(stand);
  const listeners = stand.listenerCount('error');
  assert.equal(port.quitAndInstall(), null);
  stand.refusal = new Error("No update filepath provided, can't quit and install");
  assert.equal(port.quitAndInstall()?.message, "No update filepath provided, can't quit and install");
  assert.equal(stand.installs, 2);
  assert.equal(stand.listenerCount('error'), listeners);
  assert.doesNotThrow(() => stand.emit('error', new Error('a later download failure')), 'an error event never goes unheard (it would throw in main)');
});
