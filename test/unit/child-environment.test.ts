import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childProcessEnvironment } from '../../src-main/core/process/child-environment.ts';

test('a child process gets the environment without any AIRISK_ variable, whatever its case', () => {
  const env = childProcessEnvironment({ PATH: '/bin', HOME: '/home/a', AIRISK_CLIENT_SECRET: 's', AIRISK_DEMO_CLIENT_SECRET: 'd', airisk_client_secret: 'x', DISPLAY: ':0', EMPTY: undefined });
  assert.deepEqual(env, { PATH: '/bin', HOME: '/home/a', DISPLAY: ':0' });
});
