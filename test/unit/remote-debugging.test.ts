import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPackagedRun, remoteDebuggingRefusal } from '../../src-main/core/process/remote-debugging.ts';

const PACKAGED_LINUX = { isPackaged: true, appPath: '/opt/airisk/resources/app.asar', platform: 'linux' } as const;

test('a packaged build refuses --remote-debugging-port and --remote-debugging-pipe in every form Chromium reads', () => {
  for (const argv of [
    ['/opt/airisk/airisk', '--remote-debugging-port=9222'],
    ['/opt/airisk/airisk', '--hidden', '--remote-debugging-port', '9222'],
    ['/opt/airisk/airisk', '-remote-debugging-port=0'],
    ['/opt/airisk/airisk', '--REMOTE-DEBUGGING-PORT=9222'],
    ['/opt/airisk/airisk', '--remote-debugging-pipe'],
    ['/opt/airisk/airisk', '--remote-debugging-pipe=cbor'],
  ]) {
    assert.match(remoteDebuggingRefusal(argv, PACKAGED_LINUX) ?? '', /^--remote-debugging-(port|pipe) is refused: .*Start the app without it\.$/, argv.join(' '));
  }
  assert.match(remoteDebuggingRefusal(['C:\\airisk.exe', '/remote-debugging-port=9222'], { isPackaged: true, appPath: 'C:\\airisk\\resources\\app.asar', platform: 'win32' }) ?? '', /refused/);
});

test('a packaged build starts with other switches, and an unpackaged one may be debugged', () => {
  assert.equal(remoteDebuggingRefusal(['/opt/airisk/airisk', '--hidden', '--remote-debugging-address=127.0.0.1', '--data-dir=/remote-debugging-port'], PACKAGED_LINUX), null);
  assert.equal(remoteDebuggingRefusal(['/opt/airisk/airisk', '/remote-debugging-port=9222'], PACKAGED_LINUX), null, 'a path on macOS/Linux is not a switch');
  assert.equal(remoteDebuggingRefusal(['/usr/lib/electron/electron', '/src/airisk', '--remote-debugging-port=9222'], { isPackaged: false, appPath: '/src/airisk', platform: 'linux' }), null);
});

test('a copied and renamed packaged binary (isPackaged false, app loaded from app.asar) still refuses remote debugging', () => {
  const renamed = { isPackaged: false, appPath: '/home/me/bin/resources/app.asar', platform: 'linux' } as const;
  assert.match(remoteDebuggingRefusal(['/home/me/bin/electron', '--remote-debugging-port=9222'], renamed) ?? '', /^--remote-debugging-port is refused/);
  assert.match(remoteDebuggingRefusal(['C:\\x\\electron.exe', '--remote-debugging-pipe'], { isPackaged: false, appPath: 'C:\\x\\resources\\APP.ASAR\\', platform: 'win32' }) ?? '', /refused/);
});

test('a run is packaged when Electron says so or when the app is loaded from an asar archive; a folder is a development run', () => {
  assert.equal(isPackagedRun({ isPackaged: true, appPath: '/Applications/AIRisk Token Tray.app/Contents/Resources/app.asar' }), true);
  assert.equal(isPackagedRun({ isPackaged: false, appPath: '/opt/airisk/resources/app.asar' }), true);
  assert.equal(isPackagedRun({ isPackaged: false, appPath: '/src/airisk' }), false);
  assert.equal(isPackagedRun({ isPackaged: false, appPath: '/src/app.asar.d/airisk' }), false, 'only the last part counts');
});
