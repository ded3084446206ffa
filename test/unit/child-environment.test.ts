import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { childProcessEnvironment, removeAppVariables } from '../../src-main/core/process/child-environment.ts';

test('a child process gets the environment without any AIRISK_ variable, whatever its case', () => {
  const env = childProcessEnvironment({ PATH: '/bin', HOME: '/home/a', AIRISK_CLIENT_SECRET: 's', AIRISK_DEMO_CLIENT_SECRET: 'd', airisk_client_secret: 'x', DISPLAY: ':0', EMPTY: undefined });
  assert.deepEqual(env, { PATH: '/bin', HOME: '/home/a', DISPLAY: ':0' });
});

test('removeAppVariables deletes every AIRISK_ variable from the environment itself and returns them', () => {
  const env: NodeJS.ProcessEnv = { PATH: '/bin', AIRISK_CLIENT_SECRET: 's', AIRISK_DEMO_CLIENT_SECRET: 'd', airisk_e2e: '1', DISPLAY: ':0' };
  assert.deepEqual(removeAppVariables(env), { AIRISK_CLIENT_SECRET: 's', AIRISK_DEMO_CLIENT_SECRET: 'd', airisk_e2e: '1' });
  assert.deepEqual(env, { PATH: '/bin', DISPLAY: ':0' });
  assert.deepEqual(removeAppVariables(env), {}, 'nothing left to remove');
});

test('after removeAppVariables(process.env) a child started with the inherited environment sees none of ours', async (t) => {
  const saved = { ...process.env };
  t.after(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) Reflect.deleteProperty(process.env, name);
    Object.assign(process.env, saved);
  });
  Object.assign(process.env, { AIRISK_CLIENT_SECRET: 'cli-secret', AIRISK_DEMO_CLIENT_SECRET: 'demo-secret' });
  removeAppVariables(process.env);
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', 'console.log(JSON.stringify(Object.keys(process.env).filter((name) => /^AIRISK_/i.test(name))))']);
  assert.deepEqual(JSON.parse(stdout), []);
});
