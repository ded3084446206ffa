import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isSignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { startSignIn } from '../../src-main/core/oauth/sign-in.ts';
import { exchangeCode } from '../../src-main/core/oauth/token-client.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { startHostileServer, type HostileServer } from '../support/hostile-server.ts';
import { ConsentingBrowser, sandboxConfig } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
let hostile: HostileServer;
before(async () => {
  sandbox = await startSandbox();
  hostile = await startHostileServer();
});
after(async () => {
  await hostile.close();
  await sandbox.close();
});

/** `/\\127.0.0.1:PORT/steal`: once the leading slash is stripped, `\\` reads as `//`, another host. */
const stealingPaths = (): string[] => [`/\\\\127.0.0.1:${hostile.port}/steal`, `/\\/127.0.0.1:${hostile.port}/steal`, `/\t/127.0.0.1:${hostile.port}/steal`];

test('the token client refuses a token endpoint path that leaves the base URL\'s origin, before anything is sent', async () => {
  for (const tokenPath of stealingPaths()) {
    const exchange = exchangeCode({ config: sandboxConfig(sandbox, { tokenPath }), redirectUri: 'http://127.0.0.1:8765/callback', code: 'c0de' });
    await assert.rejects(exchange, (error: unknown) => isSignInError(error, 'invalid_configuration') && /^The token path /.test(error.message), JSON.stringify(tokenPath));
  }
  assert.deepEqual(hostile.received, [], 'the hostile server received a request (with the client secret)');
});

test('a sign-in with a token path that leaves the base URL\'s origin fails before the browser opens; the hostile server receives nothing', async () => {
  for (const tokenPath of stealingPaths()) {
    const browser = new ConsentingBrowser('approve');
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { tokenPath }), callbackTimeoutMs: 3000 }, browser);
    await assert.rejects(attempt.result, (error: unknown) => isSignInError(error, 'invalid_configuration') && error.message.includes('token path'));
    await Promise.allSettled(browser.outcomes);
    assert.deepEqual(browser.opened, [], 'the browser was opened');
  }
  assert.deepEqual(hostile.received, [], 'the hostile server received a request (with the client secret)');
});

test('an authorization path that leaves the base URL\'s origin is never opened', async () => {
  const browser = new ConsentingBrowser('approve');
  const attempt = startSignIn({ config: sandboxConfig(sandbox, { authorizePath: `/\\\\127.0.0.1:${hostile.port}/Authorize` }), callbackTimeoutMs: 3000 }, browser);
  await assert.rejects(attempt.result, (error: unknown) => isSignInError(error, 'invalid_configuration') && error.message.includes('authorization path'));
  assert.deepEqual(browser.opened, []);
  assert.deepEqual(hostile.received, []);
});
