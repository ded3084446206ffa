import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { completeConsent } from '../support/consent.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

const secretEnv = { AIRISK_CLIENT_SECRET: 'demo-secret' };
const loginArgs = (...extra: string[]) => ['login', '--no-app', '--base-url', sandbox.url, '--client-id', 'demo-client', '--redirect-uri', 'http://127.0.0.1:0/callback', '--no-browser', ...extra];

test('login --user user_42 prints exactly the bearer header, and AIRisk accepts it for user_42', async () => {
  const run = runCliProcess(loginArgs('--user', 'user_42'), secretEnv);
  await completeConsent(await run.authorizationUrl, 'approve');
  const { code, stdout, stderr } = await run.exit;
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+\n$/);
  const me = await whoAmI(sandbox, stdout.trim());
  assert.equal(me.status, 200);
  assert.equal((me.body as { userid: string }).userid, 'user_42');
  assert.match(stderr, /Open this address in your browser to sign in as user_42/);
});

test('--format token prints the bare token and --format json the documented fields plus userid', async () => {
  const tokenRun = runCliProcess(loginArgs('--format', 'token'), secretEnv);
  await completeConsent(await tokenRun.authorizationUrl, 'approve');
  const tokenOut = await tokenRun.exit;
  assert.match(tokenOut.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/);

  const jsonRun = runCliProcess(loginArgs('--format', 'json', '--body', 'json', '--user', 'user_7'), secretEnv);
  await completeConsent(await jsonRun.authorizationUrl, 'approve');
  const jsonOut = await jsonRun.exit;
  const parsed = JSON.parse(jsonOut.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), ['access_token', 'expiration', 'userid']);
  assert.equal(parsed.userid, 'user_7');
  assert.match(String(parsed.expiration), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(sandbox.tokenRequests.at(-1)?.encoding, 'json');
});

test('a denied sign-in exits 1 with the reason on stderr and nothing on stdout', async () => {
  const run = runCliProcess(loginArgs(), secretEnv);
  await completeConsent(await run.authorizationUrl, 'deny');
  const { code, stdout, stderr } = await run.exit;
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /Sign-in failed: AIRisk refused the sign-in for the generic token on 127\.0\.0\.1:\d+ \(access_denied\)/);
});

test('bad usage exits 2 and explains', async () => {
  const noSecret = await runCliProcess(loginArgs(), {}).exit;
  assert.equal(noSecret.code, 2);
  assert.match(noSecret.stderr, /AIRISK_CLIENT_SECRET/);
  const badRedirect = await runCliProcess(['login', '--no-app', '--base-url', sandbox.url, '--client-id', 'demo-client', '--redirect-uri', 'http://example.com/callback', '--no-browser'], secretEnv).exit;
  assert.equal(badRedirect.code, 2);
  assert.match(badRedirect.stderr, /loopback/);
});

test('--paste finishes the sign-in with the redirected URL typed on stdin', async () => {
  const run = runCliProcess(loginArgs('--paste', '--user', 'user_42'), secretEnv);
  const { location } = await completeConsent(await run.authorizationUrl, 'approve', { followRedirect: false });
  run.writeStdin('https://example.com/not-ours?code=x&state=y\n');
  run.writeStdin(`${location}\n`);
  const { code, stdout, stderr } = await run.exit;
  assert.equal(code, 0, stderr);
  assert.match(stderr, /Paste the address again/);
  assert.equal((await whoAmI(sandbox, stdout.trim())).status, 200);
});

test('a timed-out wait exits 1 and says how to start again', async () => {
  const { code, stderr } = await runCliProcess(loginArgs('--timeout', '0.3'), secretEnv).exit;
  assert.equal(code, 1);
  assert.match(stderr, /Sign-in failed: .*(start|again)/i);
});

test('a Date header from 1970 is ignored: the token is printed, and stderr says to check the system clock', async () => {
  sandbox.setFault('token-date-1970');
  try {
    const run = runCliProcess(loginArgs(), secretEnv);
    await completeConsent(await run.authorizationUrl, 'approve');
    const { code, stdout, stderr } = await run.exit;
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+\n$/);
    assert.match(stderr, /^Warning: AIRisk's clock and this computer's differ by about 56 years .*; check the system clock\.$/m);
  } finally {
    sandbox.setFault(null);
  }
});

test('a token that had already expired is refused: exit 1, the reason on stderr, nothing on stdout', async () => {
  sandbox.setFault('token-already-expired');
  try {
    const run = runCliProcess(loginArgs('--format', 'json'), secretEnv);
    await completeConsent(await run.authorizationUrl, 'approve');
    const { code, stdout, stderr } = await run.exit;
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /Sign-in failed: AIRisk issued a token that had already expired \(it expires at .*; AIRisk's own clock said .*\)\. Nothing was stored/);
  } finally {
    sandbox.setFault(null);
  }
});

/** The sign-in address the CLI prints, or a failure with its stderr if it exits first. */
function addressOrExit(run: CliRun): Promise<string> {
  return Promise.race([run.authorizationUrl, run.exit.then(({ code, stderr }) => assert.fail(`the CLI exited ${String(code)} before printing a sign-in address: ${stderr}`))]);
}

describe('against a stock OAuth 2.0 server', () => {
  let standard: Sandbox;
  before(async () => {
    standard = await startSandbox({ standardOAuth: true });
  });
  after(() => standard.close());
  const standardArgs = (...extra: string[]) => ['login', '--no-app', '--base-url', standard.url, '--client-id', 'demo-client', '--redirect-uri', 'http://127.0.0.1:0/callback', '--no-browser', ...extra];

  test('--scope is sent, grant_type is sent, and the {access_token, token_type, expires_in} answer becomes a working header', async () => {
    const run = runCliProcess(standardArgs('--scope', 'openid profile', '--format', 'json'), secretEnv);
    const authorizationUrl = await addressOrExit(run);
    assert.equal(new URL(authorizationUrl).searchParams.get('scope'), 'openid profile');
    await completeConsent(authorizationUrl, 'approve');
    const { code, stdout, stderr } = await run.exit;
    assert.equal(code, 0, stderr);
    const printed = JSON.parse(stdout) as { access_token: string; expiration: string };
    assert.ok(Math.abs(Date.parse(printed.expiration) - (Date.now() + 3600_000)) < 5000, printed.expiration);
    assert.equal((await whoAmI(standard, `Bearer ${printed.access_token}`)).status, 200);
    assert.ok(standard.tokenRequests.at(-1)?.fieldNames.includes('grant_type'));
  });

  test('a JSON body it cannot read is "refused the token request", with the advice to switch to --body form', async () => {
    const run = runCliProcess(standardArgs('--scope', 'openid', '--body', 'json'), secretEnv);
    await completeConsent(await addressOrExit(run), 'approve');
    const { code, stdout, stderr } = await run.exit;
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /Sign-in failed: AIRisk refused the token request: invalid_request — Unsupported content type.*--body form/);
  });
});
