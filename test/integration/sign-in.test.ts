import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { loadOrCreateLocalhostCertificate } from '../../src-main/core/oauth/localhost-certificate.ts';
import { isSignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { SignInCoordinator, startSignIn, type SignInProgress } from '../../src-main/core/oauth/sign-in.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { ConsentingBrowser, idleBrowser, sandboxConfig, whoAmI } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());
beforeEach(() => sandbox.setFault(null));

describe('sign-in against the sandbox', () => {
  for (const bodyEncoding of ['form', 'json'] as const) {
    test(`generic sign-in with a ${bodyEncoding} body yields a token AIRisk accepts for no user`, async () => {
      const browser = new ConsentingBrowser('approve');
      const { userid, token } = await startSignIn({ config: sandboxConfig(sandbox, { bodyEncoding }) }, browser).result;
      assert.equal(userid, undefined);
      const me = await whoAmI(sandbox, `Authorization: Bearer ${token.accessToken}`);
      assert.deepEqual(me, { status: 200, body: { userid: null, expiration: new Date(token.expiration).toISOString().replace('.000', '') } });
      const sent = sandbox.tokenRequests.at(-1);
      assert.equal(sent?.encoding, bodyEncoding);
      assert.deepEqual(sent?.fieldNames.toSorted(), ['client_id', 'client_secret', 'code', 'code_verifier', 'grant_type', 'redirect_uri']);
    });

    test(`user_42 sign-in with a ${bodyEncoding} body yields a token for user_42`, async () => {
      const browser = new ConsentingBrowser('approve');
      const { userid, token } = await startSignIn({ config: sandboxConfig(sandbox, { bodyEncoding }), userid: 'user_42' }, browser).result;
      assert.equal(userid, 'user_42');
      assert.equal(new URL(browser.opened[0] ?? '').searchParams.get('userid'), 'user_42');
      assert.equal(sandbox.tokenRequests.at(-1)?.userid, 'user_42');
      const me = await whoAmI(sandbox, `Authorization: Bearer ${token.accessToken}`);
      assert.equal(me.status, 200);
      assert.equal((me.body as { userid: string }).userid, 'user_42');
    });
  }

  test('the authorization request carries state and an S256 challenge, and the token is recorded with skew and time', async () => {
    const browser = new ConsentingBrowser('approve');
    const started = Date.now();
    const { token } = await startSignIn({ config: sandboxConfig(sandbox) }, browser).result;
    const url = new URL(browser.opened[0] ?? '');
    assert.ok((url.searchParams.get('state') ?? '').length >= 22);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.match(url.searchParams.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    assert.ok(token.obtainedAt.getTime() >= started);
    assert.ok(token.serverDate !== undefined, 'AIRisk sends a Date header');
    assert.ok(Math.abs(token.clockSkewMs) < 2000, 'same machine: skew within the Date header’s one-second resolution');
    assert.ok(token.expiration.getTime() > Date.now() + 3500_000);
  });

  test('the browser tab is told how the sign-in ended', async () => {
    const browser = new ConsentingBrowser('approve');
    await startSignIn({ config: sandboxConfig(sandbox), userid: 'user_42' }, browser).result;
    const callback = (await browser.last()).callback;
    assert.equal(callback?.status, 200);
    assert.match(callback?.body ?? '', /Signed in/);
    assert.match(callback?.body ?? '', /user_42/);
  });

  test('localhost redirect URIs work (the server listens on 127.0.0.1 and ::1)', async () => {
    const browser = new ConsentingBrowser('approve');
    const { token } = await startSignIn({ config: sandboxConfig(sandbox, { redirectUri: 'http://localhost:0/callback' }) }, browser).result;
    assert.match(new URL(browser.opened[0] ?? '').searchParams.get('redirect_uri') ?? '', /^http:\/\/localhost:\d+\/callback$/);
    assert.ok(token.accessToken.length > 20);
  });

  test('https://localhost redirect URIs work with the generated localhost certificate', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'airisk-tls-'));
    try {
      const browser = new ConsentingBrowser('approve');
      const { token } = await startSignIn(
        { config: sandboxConfig(sandbox, { redirectUri: 'https://localhost:0/callback' }) },
        { ...browser, openUrl: browser.openUrl, localhostCertificate: () => loadOrCreateLocalhostCertificate(directory) },
      ).result;
      assert.match(new URL(browser.opened[0] ?? '').searchParams.get('redirect_uri') ?? '', /^https:\/\/localhost:\d+\/callback$/);
      assert.equal((await whoAmI(sandbox, `Bearer ${token.accessToken}`)).status, 200);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('Deny on the consent page ends the sign-in with access_denied and no token request', async () => {
    const before = sandbox.tokenRequests.length;
    const attempt = startSignIn({ config: sandboxConfig(sandbox), userid: 'user_42' }, new ConsentingBrowser('deny'));
    await assert.rejects(attempt.result, (error) => isSignInError(error, 'access_denied') && /declined/i.test(error.message));
    assert.equal(sandbox.tokenRequests.length, before);
  });

  test('stages are reported in order and carry no secret', async () => {
    const stages: SignInProgress[] = [];
    await startSignIn({ config: sandboxConfig(sandbox), onProgress: (p) => stages.push(p) }, new ConsentingBrowser('approve')).result;
    assert.deepEqual(stages.map((s) => s.stage), ['opening_browser', 'waiting_for_browser', 'exchanging_code']);
    assert.doesNotMatch(JSON.stringify(stages), /demo-secret|code_verifier/);
  });

  test('PKCE can be turned off for servers that reject unknown parameters', async () => {
    const browser = new ConsentingBrowser('approve');
    await startSignIn({ config: sandboxConfig(sandbox), usePkce: false }, browser).result;
    assert.equal(new URL(browser.opened[0] ?? '').searchParams.has('code_challenge'), false);
    assert.equal(sandbox.tokenRequests.at(-1)?.fieldNames.includes('code_verifier'), false);
  });
});

describe('sandbox faults become errors a person can act on', () => {
  const cases = [
    ['token-5xx-html', 'token_http_error', /AIRisk returned HTTP 502 \(text\/html\)/],
    ['token-non-json', 'token_not_json', /AIRisk returned HTTP 200 \(text\/plain\), not JSON/],
    ['token-missing-access-token', 'token_invalid_response', /has no access_token/],
    ['token-bad-expiration', 'token_invalid_response', /expiration "next tuesday", not a date-time like 2025-03-31T13:12:17Z/],
  ] as const;
  for (const [fault, code, message] of cases) {
    test(`${fault} → ${code}`, async () => {
      sandbox.setFault(fault);
      const attempt = startSignIn({ config: sandboxConfig(sandbox) }, new ConsentingBrowser('approve'));
      await assert.rejects(attempt.result, (error) => isSignInError(error, code) && message.test(error.message));
    });
  }

  test('token-expiration-no-zone is accepted and read as UTC', async () => {
    sandbox.setFault('token-expiration-no-zone');
    const { token } = await startSignIn({ config: sandboxConfig(sandbox) }, new ConsentingBrowser('approve')).result;
    assert.ok(token.expiration.getTime() > Date.now() + 3500_000 && token.expiration.getTime() < Date.now() + 3700_000);
  });

  test('slow-token → "No answer from AIRisk within …" after the configured timeout', async () => {
    sandbox.setFault('slow-token', { delayMs: 5_000 });
    const attempt = startSignIn({ config: sandboxConfig(sandbox), tokenTimeoutMs: 300 }, new ConsentingBrowser('approve'));
    await assert.rejects(attempt.result, (error) => isSignInError(error, 'token_timeout') && /No answer from AIRisk within 0\.3 s/.test(error.message));
  });

  test('a wrong client secret → invalid_client, with advice to check the credentials', async () => {
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { clientSecret: 'not-the-secret' }) }, new ConsentingBrowser('approve'));
    await assert.rejects(
      attempt.result,
      (error) => isSignInError(error, 'token_rejected') && error.oauthError === 'invalid_client' && error.httpStatus === 401 && /client id and client secret/.test(error.message) && !error.message.includes('not-the-secret'),
    );
  });

  test('the browser tab shows the failure reason too', async () => {
    sandbox.setFault('token-5xx-html');
    const browser = new ConsentingBrowser('approve');
    await assert.rejects(startSignIn({ config: sandboxConfig(sandbox) }, browser).result);
    assert.match((await browser.last()).callback?.body ?? '', /Sign-in failed/);
  });

  test('an unusable configuration fails before anything is sent', async () => {
    const browser = new ConsentingBrowser('approve');
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { clientId: '', baseUrl: 'http://airisk.example.com' }) }, browser);
    await assert.rejects(attempt.result, (error) => isSignInError(error, 'invalid_configuration') && /client id is missing/.test(error.message) && /https/.test(error.message));
    assert.equal(browser.opened.length, 0);
  });
});

describe('sign-in lifecycle', () => {
  test('starting a new sign-in cancels the pending one cleanly', async () => {
    const coordinator = new SignInCoordinator(idleBrowser);
    const first = coordinator.start({ config: sandboxConfig(sandbox), userid: 'user_1' });
    assert.equal(coordinator.pending, true);
    const browser = new ConsentingBrowser('approve');
    const second = new SignInCoordinator(browser);
    const replaced = coordinator.start({ config: sandboxConfig(sandbox), userid: 'user_2' });
    await assert.rejects(first.result, (error) => isSignInError(error, 'cancelled'));
    replaced.cancel();
    await assert.rejects(replaced.result, (error) => isSignInError(error, 'cancelled'));
    assert.equal(coordinator.pending, false);
    // The coordinator is reusable afterwards.
    const { userid } = await second.start({ config: sandboxConfig(sandbox), userid: 'user_3' }).result;
    assert.equal(userid, 'user_3');
  });

  test('when the callback port is taken, the person finishes by pasting the redirected URL', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const browser = new ConsentingBrowser('approve', { followRedirect: false });
      const stages: SignInProgress[] = [];
      const attempt = startSignIn(
        { config: sandboxConfig(sandbox, { redirectUri: `http://127.0.0.1:${port}/callback` }), userid: 'user_42', onProgress: (p) => stages.push(p) },
        browser,
      );
      const { location } = await browserOutcomeWhenReady(browser);
      const waiting = stages.find((s) => s.stage === 'waiting_for_browser');
      assert.equal(waiting?.stage === 'waiting_for_browser' && waiting.listening, false);
      assert.match(waiting?.stage === 'waiting_for_browser' ? waiting.notes.join(' ') : '', new RegExp(`${port}`));
      assert.throws(() => attempt.submitRedirectedUrl('https://example.com/callback?code=x&state=y'), (error) => isSignInError(error, 'paste_invalid'));
      attempt.submitRedirectedUrl(location);
      const { token } = await attempt.result;
      assert.equal((await whoAmI(sandbox, `Bearer ${token.accessToken}`)).status, 200);
    } finally {
      blocker.close();
    }
  });
});

async function browserOutcomeWhenReady(browser: ConsentingBrowser): Promise<{ location: string }> {
  for (let i = 0; i < 200 && browser.outcomes.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return browser.last();
}
