/**
 * Secrets (tokens, codes, PKCE verifiers, the client secret) never appear in anything a person or a
 * log sees: process output, console, error messages, progress events, pages, or the CLI's stderr.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { startSignIn, type SignInProgress } from '../../src-main/core/oauth/sign-in.ts';
import type { FetchPort } from '../../src-main/core/oauth/fetch-port.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { ConsentingBrowser, sandboxConfig } from '../support/sign-in-fixtures.ts';
import { messageOf } from '../../src-main/shared/message-of.ts';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

/** Everything written to stdout, stderr and the console while `run` runs. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const captured: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const capture = (chunk: unknown): boolean => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
  return captured.join('');
}

/** Real fetch that also remembers every request body: that is where codes and verifiers travel. */
function observingFetch(bodies: string[]): FetchPort {
  return (url, init) => {
    if (init.body !== null) bodies.push(init.body);
    return fetch(url, init);
  };
}

function secretsIn(bodies: readonly string[]): string[] {
  const secrets: string[] = [];
  for (const body of bodies) {
    const fields = body.startsWith('{') ? (JSON.parse(body) as Record<string, string>) : Object.fromEntries(new URLSearchParams(body));
    for (const name of ['code', 'code_verifier', 'client_secret'] as const) {
      const value = fields[name];
      if (value !== undefined) secrets.push(value);
    }
  }
  return secrets;
}

test('in-process sign-ins, good and failing, show no token, code, verifier or secret anywhere', async () => {
  const bodies: string[] = [];
  const tokens: string[] = [];
  const visible: string[] = [];
  const output = await captureOutput(async () => {
    for (const fault of [null, 'token-5xx-html', 'token-missing-access-token', 'token-bad-expiration'] as const) {
      sandbox.setFault(fault);
      for (const bodyEncoding of ['form', 'json'] as const) {
        const browser = new ConsentingBrowser('approve');
        const onProgress = (progress: SignInProgress): void => {
          visible.push(JSON.stringify(progress));
        };
        const attempt = startSignIn({ config: sandboxConfig(sandbox, { bodyEncoding }), userid: 'user_42', onProgress }, { openUrl: browser.openUrl, fetch: observingFetch(bodies) });
        try {
          tokens.push((await attempt.result).token.accessToken);
        } catch (error) {
          assert.ok(error instanceof SignInError);
          visible.push(error.message, String(error.stack));
        }
        const outcome = await browser.last();
        visible.push(outcome.callback?.body ?? '', outcome.location);
      }
    }
    // The wrong-secret path echoes nothing of what was sent either.
    sandbox.setFault(null);
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { clientSecret: 'wrong-secret-value' }) }, { openUrl: new ConsentingBrowser().openUrl, fetch: observingFetch(bodies) });
    await attempt.result.catch((error: unknown) => visible.push(messageOf(error)));
  });

  const secrets = [...secretsIn(bodies), ...tokens];
  assert.ok(tokens.length === 2 && secrets.length >= 20, 'the scenario really exchanged codes');
  // The browser's own redirect URL carries the code by design (that is OAuth); everything else must not.
  const seenByPeople = [output, ...visible.filter((text) => !text.startsWith(`http://127.0.0.1:`) || !text.includes('code='))].join('\n');
  for (const secret of secrets) assert.equal(seenByPeople.includes(secret), false, 'a secret leaked into output, messages or pages');
});

test('the CLI prints the token on stdout only, and nothing secret on stderr', async () => {
  const run = runCliProcess(['login', '--no-app', '--base-url', sandbox.url, '--client-id', 'demo-client', '--redirect-uri', 'http://127.0.0.1:0/callback', '--no-browser', '--user', 'user_42'], { AIRISK_CLIENT_SECRET: 'demo-secret' });
  const browser = new ConsentingBrowser('approve');
  await browser.openUrl(await run.authorizationUrl);
  const { location } = await browser.last();
  const code = new URL(location).searchParams.get('code') ?? '';
  const { stdout, stderr } = await run.exit;
  const token = stdout.replace(/^Authorization: Bearer /, '').trim();
  assert.ok(code.length > 20 && token.length > 20);
  for (const secret of [code, token, 'demo-secret']) assert.equal(stderr.includes(secret), false, 'a secret leaked to stderr');
  assert.equal(stdout, `Authorization: Bearer ${token}\n`);
});
