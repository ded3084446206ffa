/**
 * The browser opener the CLI starts is another program: a fake `xdg-open` (and `open`, for macOS)
 * first on PATH records the environment it was given. It must not see AIRISK_CLIENT_SECRET.
 */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { startSandbox } from '../sandbox/sandbox-server.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { completeConsent } from '../support/consent.ts';

/** TEST DOUBLE: a browser opener that writes its environment and the URL it was given to files. */
const FAKE_OPENER = `#!/bin/sh
env > "$(dirname "$0")/opener-env.txt"
printf '%s' "$1" > "$(dirname "$0")/opener-url.txt"
`;

test('the browser opener the CLI starts gets an environment without the client secret', async (t) => {
  if (process.platform === 'win32') {
    t.skip('the opener on Windows is rundll32, which a test cannot replace on PATH');
    return;
  }
  const bin = await mkdtemp(join(tmpdir(), 'airisk-fake-opener-'));
  const sandbox = await startSandbox();
  t.after(async () => {
    await sandbox.close();
    await rm(bin, { recursive: true, force: true });
  });
  for (const name of ['xdg-open', 'open']) {
    await writeFile(join(bin, name), FAKE_OPENER);
    await chmod(join(bin, name), 0o755);
  }
  const secret = 'demo-secret';
  const run = runCliProcess(['login', '--no-app', '--base-url', sandbox.url, '--client-id', 'demo-client', '--redirect-uri', 'http://127.0.0.1:0/callback'], {
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    AIRISK_CLIENT_SECRET: secret,
    AIRISK_DEMO_CLIENT_SECRET: 'another-secret',
  });
  const url = await run.authorizationUrl;
  await completeConsent(url, 'approve');
  const { code, stderr } = await run.exit;
  assert.equal(code, 0, stderr);
  assert.equal(await readFile(join(bin, 'opener-url.txt'), 'utf8'), url, 'the fake opener ran with the sign-in address');
  const openerEnv = await readFile(join(bin, 'opener-env.txt'), 'utf8');
  assert.match(openerEnv, /^PATH=/m, 'the opener still gets the ordinary environment');
  assert.doesNotMatch(openerEnv, /^AIRISK_/m);
  assert.equal(openerEnv.includes(secret), false, 'the client secret never reaches the opener');
  assert.equal(openerEnv.includes('another-secret'), false);
});
