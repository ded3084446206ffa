import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_REDIRECT_URI, parseLaunchOptions, startsHidden } from '../../src-main/core/autostart/launch-options.ts';

const ELECTRON_DEV = ['/usr/lib/electron/electron', '/src/airisk'];

test('no arguments: window shown, default data folder, no demo', () => {
  assert.deepEqual(parseLaunchOptions(ELECTRON_DEV, {}), { hidden: false, dataDir: null, demoConnections: [], problems: [] });
});

test('--hidden and --data-dir (both spellings) are read among Chromium switches', () => {
  const parsed = parseLaunchOptions([...ELECTRON_DEV, '--no-sandbox', '--hidden', '--data-dir', '/tmp/demo data', '--enable-logging'], {});
  assert.equal(parsed.hidden, true);
  assert.equal(parsed.dataDir, '/tmp/demo data');
  assert.equal(parseLaunchOptions(['/opt/airisk', '--data-dir=/tmp/x'], {}).dataDir, '/tmp/x');
});

test('--data-dir wins over AIRISK_DATA_DIR, which is used otherwise', () => {
  assert.equal(parseLaunchOptions(['/opt/airisk', '--data-dir=/a'], { AIRISK_DATA_DIR: '/b' }).dataDir, '/a');
  assert.equal(parseLaunchOptions(['/opt/airisk'], { AIRISK_DATA_DIR: '/b' }).dataDir, '/b');
  assert.equal(parseLaunchOptions(['/opt/airisk'], { AIRISK_DATA_DIR: '' }).dataDir, null);
});

test('a --data-dir without a folder is ignored and reported', () => {
  const missing = parseLaunchOptions(['/opt/airisk', '--data-dir'], {});
  assert.equal(missing.dataDir, null);
  assert.deepEqual(missing.problems, ['--data-dir needs a folder; ignored.']);
  const followedBySwitch = parseLaunchOptions(['/opt/airisk', '--data-dir', '--hidden'], {});
  assert.equal(followedBySwitch.dataDir, null);
  assert.equal(followedBySwitch.hidden, true);
  assert.deepEqual(parseLaunchOptions(['/opt/airisk', '--data-dir='], {}).problems, ['--data-dir is empty; ignored.']);
});

const DEMO_ENV = { AIRISK_DEMO_SANDBOX_URL: 'http://127.0.0.1:8790', AIRISK_DEMO_CLIENT_ID: 'demo-client', AIRISK_DEMO_CLIENT_SECRET: 'demo-secret' };

test('the demo variables are ignored, with one line saying so, unless --data-dir is on the command line', () => {
  for (const env of [DEMO_ENV, { ...DEMO_ENV, AIRISK_DATA_DIR: '/tmp/demo' }]) {
    const parsed = parseLaunchOptions(['/opt/airisk'], env);
    assert.deepEqual(parsed.demoConnections, [], 'the real connections in the default folder are not touched');
    assert.deepEqual(parsed.problems, ['AIRISK_DEMO_SANDBOX_URL, AIRISK_DEMO_CLIENT_ID, AIRISK_DEMO_CLIENT_SECRET ignored: the demo client is set up only in a data folder of its own (start with --data-dir DIR).']);
  }
  assert.deepEqual(parseLaunchOptions(['/opt/airisk'], { AIRISK_DEMO_CLIENT_SECRET: 'x' }).problems, ['AIRISK_DEMO_CLIENT_SECRET ignored: the demo client is set up only in a data folder of its own (start with --data-dir DIR).']);
  assert.deepEqual(parseLaunchOptions(['/opt/airisk'], { AIRISK_DEMO_SANDBOX_URL: '' }).problems, []);
});

test('the sandbox demo client is pre-configured from the environment when --data-dir is given', () => {
  const parsed = parseLaunchOptions(['/opt/airisk', '--data-dir', '/tmp/demo'], { AIRISK_DEMO_SANDBOX_URL: 'http://127.0.0.1:8790', AIRISK_DEMO_CLIENT_ID: 'demo-client', AIRISK_DEMO_CLIENT_SECRET: 'demo-secret' });
  assert.deepEqual(parsed.demoConnections, [{ name: 'Sandbox A', baseUrl: 'http://127.0.0.1:8790', clientId: 'demo-client', clientSecret: 'demo-secret', redirectUri: DEMO_REDIRECT_URI }]);
  assert.deepEqual(parsed.problems, []);
});

test('a second demo sandbox (the _B variables) becomes a second connection, "Sandbox B"', () => {
  const parsed = parseLaunchOptions(['/opt/airisk', '--data-dir', '/tmp/demo'], {
    ...DEMO_ENV,
    AIRISK_DEMO_SANDBOX_URL_B: 'http://127.0.0.1:8791',
    AIRISK_DEMO_CLIENT_ID_B: 'demo-client',
    AIRISK_DEMO_CLIENT_SECRET_B: 'demo-secret',
  });
  assert.deepEqual(
    parsed.demoConnections.map((connection) => [connection.name, connection.baseUrl]),
    [
      ['Sandbox A', 'http://127.0.0.1:8790'],
      ['Sandbox B', 'http://127.0.0.1:8791'],
    ],
  );
  assert.deepEqual(parseLaunchOptions(['/opt/airisk'], { AIRISK_DEMO_SANDBOX_URL_B: 'http://127.0.0.1:8791' }).problems, ['AIRISK_DEMO_SANDBOX_URL_B ignored: the demo client is set up only in a data folder of its own (start with --data-dir DIR).']);
});

test('a demo URL that is not a loopback sandbox, or lacks the client, is ignored and reported', () => {
  const remote = parseLaunchOptions(['/opt/airisk', '--data-dir=/tmp/demo'], { AIRISK_DEMO_SANDBOX_URL: 'https://api.airisk.example.com', AIRISK_DEMO_CLIENT_ID: 'a', AIRISK_DEMO_CLIENT_SECRET: 'b' });
  assert.deepEqual(remote.demoConnections, []);
  assert.match(remote.problems[0] ?? '', /must be a sandbox on http:\/\/127\.0\.0\.1/);
  const noClient = parseLaunchOptions(['/opt/airisk', '--data-dir=/tmp/demo'], { AIRISK_DEMO_SANDBOX_URL: 'http://127.0.0.1:8790' });
  assert.deepEqual(noClient.demoConnections, []);
  assert.match(noClient.problems[0] ?? '', /needs AIRISK_DEMO_CLIENT_ID and AIRISK_DEMO_CLIENT_SECRET/);
  assert.match(parseLaunchOptions(['/opt/airisk', '--data-dir=/tmp/demo'], { AIRISK_DEMO_SANDBOX_URL: '::' }).problems[0] ?? '', /not a URL/);
});

test('starts hidden with --hidden anywhere, or on macOS when opened at login with "start hidden" on', () => {
  assert.equal(startsHidden({ hiddenArgument: true, platform: 'linux', openedAtLogin: false, startHiddenSetting: false }), true);
  assert.equal(startsHidden({ hiddenArgument: false, platform: 'linux', openedAtLogin: false, startHiddenSetting: true }), false, 'a launch by hand shows the window');
  assert.equal(startsHidden({ hiddenArgument: false, platform: 'darwin', openedAtLogin: true, startHiddenSetting: true }), true);
  assert.equal(startsHidden({ hiddenArgument: false, platform: 'darwin', openedAtLogin: true, startHiddenSetting: false }), false);
  assert.equal(startsHidden({ hiddenArgument: false, platform: 'darwin', openedAtLogin: false, startHiddenSetting: true }), false);
});
