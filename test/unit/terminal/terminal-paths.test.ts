import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SOCKET_PATH_BYTES, planEndpoint } from '../../../src-main/core/terminal/terminal-paths.ts';

const linux = { platform: 'linux', tmpdir: '/tmp', uid: 1000 } as const;

test('puts the socket in the terminal folder when the path is short enough', () => {
  assert.deepEqual(planEndpoint('/home/u/.config/AIRisk Token Tray', linux), {
    endpoint: '/home/u/.config/AIRisk Token Tray/terminal/access.sock',
    fallbackDirectory: null,
  });
});

test('moves a socket path longer than 100 bytes to a per-user temp folder, one socket per data folder', () => {
  const long = `/home/u/${'deep/'.repeat(20)}AIRisk Token Tray`;
  const plan = planEndpoint(long, linux);
  assert.equal(plan.fallbackDirectory, '/tmp/airisk-token-tray-1000');
  assert.match(plan.endpoint, /^\/tmp\/airisk-token-tray-1000\/[0-9a-f]{16}\.sock$/);
  assert.ok(Buffer.byteLength(plan.endpoint) <= MAX_SOCKET_PATH_BYTES);
  assert.notEqual(planEndpoint(`${long}2`, linux).endpoint, plan.endpoint);
});

test('names a per-data-folder named pipe on Windows', () => {
  const plan = planEndpoint('C:\\Users\\u\\AppData\\Roaming\\AIRisk Token Tray', { platform: 'win32', tmpdir: 'C:\\Temp', uid: null });
  assert.match(plan.endpoint, /^\\\\\.\\pipe\\airisk-token-tray-[0-9a-f]{16}$/);
  assert.equal(plan.fallbackDirectory, null);
});
