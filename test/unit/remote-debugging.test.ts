import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remoteDebuggingRefusal } from '../../src-main/core/process/remote-debugging.ts';

const PACKAGED_LINUX = { packaged: true, platform: 'linux' } as const;

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
  assert.match(remoteDebuggingRefusal(['C:\\airisk.exe', '/remote-debugging-port=9222'], { packaged: true, platform: 'win32' }) ?? '', /refused/);
});

test('a packaged build starts with other switches, and an unpackaged one may be debugged', () => {
  assert.equal(remoteDebuggingRefusal(['/opt/airisk/airisk', '--hidden', '--remote-debugging-address=127.0.0.1', '--data-dir=/remote-debugging-port'], PACKAGED_LINUX), null);
  assert.equal(remoteDebuggingRefusal(['/opt/airisk/airisk', '/remote-debugging-port=9222'], PACKAGED_LINUX), null, 'a path on macOS/Linux is not a switch');
  assert.equal(remoteDebuggingRefusal(['/usr/lib/electron/electron', '/src/airisk', '--remote-debugging-port=9222'], { packaged: false, platform: 'linux' }), null);
});
