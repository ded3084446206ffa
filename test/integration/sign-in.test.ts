import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { loadOrCreateLocalhostCertificate } from '../../src-main/core/oauth/localhost-certificate.ts';
import { isSignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { SignInCoordinator, startSignIn, type SignInProgress } from '../../src-main/core/oauth/sign-in.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { canListenOn, firstUnprivilegedPort, quietPrivilegedPort } from '../support/loopback.ts';
import { startSquatter, type Squatter } from '../support/port-squatter.ts';
import type { SignInChildOutcome, SignInChildRequest } from '../support/sign-in-child.ts';
import { completeConsent } from '../support/consent.ts';
import { ConsentingBrowser, idleBrowser, sandboxConfig, whoAmI } from '../support/sign-in-fixtures.ts';
import { lastJsonLine, runUnprivileged, whyUnprivilegedChildCannotRun } from '../support/unprivileged-child.ts';

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
    await assert.rejects(
      attempt.result,
      (error) => isSignInError(error, 'access_denied') && /^AIRisk refused the sign-in for user_42 on 127\.0\.0\.1:\d+ \(access_denied\): “The user denied the request”\. No token was requested\./.test(error.message) && !/declined/.test(error.message),
    );
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
});

/** A browser that approves, then comes back to the callback with `iss` added, as an authorization server naming itself would. */
function browserNamingIssuer(iss: string): { readonly opened: string[]; openUrl: (url: string) => Promise<void>; readonly pages: Promise<{ status: number; body: string }>[] } {
  const opened: string[] = [];
  const pages: Promise<{ status: number; body: string }>[] = [];
  const openUrl = (url: string): Promise<void> => {
    opened.push(url);
    const page = completeConsent(url, 'approve', { followRedirect: false }).then(async ({ location }) => {
      const back = new URL(location);
      back.searchParams.set('iss', iss);
      const response = await fetch(back);
      return { status: response.status, body: await response.text() };
    });
    page.catch(() => undefined);
    pages.push(page);
    return Promise.resolve();
  };
  return { opened, openUrl, pages };
}

describe('the issuer at the callback (RFC 9207)', () => {
  test('a code that comes back naming another issuer is refused: issuer_mismatch naming both, and no token request', async () => {
    const tokenRequests = sandbox.tokenRequests.length;
    const browser = browserNamingIssuer('https://attacker.example');
    const attempt = startSignIn({ config: sandboxConfig(sandbox) }, browser);
    await assert.rejects(attempt.result, (error) => {
      assert.ok(isSignInError(error, 'issuer_mismatch'), String(error));
      assert.match(error.message, new RegExp(`names the issuer “https://attacker\\.example”, but the sign-in expects “${sandbox.url.replace(/\./g, '\\.')}”`));
      return true;
    });
    assert.equal((await browser.pages[0])?.status, 400);
    assert.equal(sandbox.tokenRequests.length, tokenRequests, 'no token was requested');
  });

  test('a code that comes back naming the base URL (without trailing slash) as issuer is accepted', async () => {
    const browser = browserNamingIssuer(sandbox.url);
    const { token } = await startSignIn({ config: sandboxConfig(sandbox, { baseUrl: `${sandbox.url}/` }) }, browser).result;
    assert.equal((await whoAmI(sandbox, `Bearer ${token.accessToken}`)).status, 200);
  });

  test('a configured issuer replaces the base URL as the one iss must name', async () => {
    const issuer = 'https://login.example/realms/airisk';
    const { token } = await startSignIn({ config: sandboxConfig(sandbox, { issuer }) }, browserNamingIssuer(issuer)).result;
    assert.ok(token.accessToken.length > 20);
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { issuer }) }, browserNamingIssuer(sandbox.url));
    await assert.rejects(attempt.result, (error) => isSignInError(error, 'issuer_mismatch') && error.message.includes(`expects “${issuer}”`));
  });

  test('a pasted URL naming another issuer is refused and ends the sign-in as issuer_mismatch, with no token request', async () => {
    const tokenRequests = sandbox.tokenRequests.length;
    const browser = new ConsentingBrowser('approve', { followRedirect: false });
    const attempt = startSignIn({ config: sandboxConfig(sandbox) }, browser);
    for (let i = 0; i < 200 && browser.outcomes.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const pasted = new URL((await browser.last()).location);
    pasted.searchParams.set('iss', 'https://attacker.example');
    assert.throws(() => attempt.submitRedirectedUrl(pasted.href), (error) => isSignInError(error, 'issuer_mismatch') && !error.message.includes(pasted.searchParams.get('code') ?? '?'));
    await assert.rejects(attempt.result, (error) => isSignInError(error, 'issuer_mismatch'));
    assert.equal(sandbox.tokenRequests.length, tokenRequests);
  });
});

function hostInUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('a callback port held by another program', () => {
  for (const { host, redirectHost } of [
    { host: '::1', redirectHost: 'localhost' },
    { host: '127.0.0.1', redirectHost: '127.0.0.1' },
  ]) {
    test(`a program listening on ${hostInUrl(host)}:PORT ends a sign-in to http://${redirectHost}:PORT/callback before the browser opens, and receives nothing`, async (t) => {
      if (!(await canListenOn(host))) {
        t.skip(`no ${host} loopback on this machine`);
        return;
      }
      const squatter = await startSquatter(host);
      const browser = new ConsentingBrowser('approve'); // a real browser would follow AIRisk's redirect to the squatter
      const tokenRequests = sandbox.tokenRequests.length;
      try {
        const attempt = startSignIn(
          { config: sandboxConfig(sandbox, { redirectUri: `http://${redirectHost}:${squatter.port}/callback` }), callbackTimeoutMs: 3000 },
          browser,
        );
        await assert.rejects(attempt.result, (error) => {
          assert.ok(isSignInError(error, 'callback_port_unavailable'), String(error));
          assert.match(error.message, new RegExp(`port ${squatter.port} on ${escapeRegExp(hostInUrl(host))} is already in use by another program`));
          assert.match(error.message, /close the program using it/);
          assert.match(error.message, /choose another port in the redirect URI .* and register that redirect URI with AIRisk/);
          return true;
        });
        await Promise.allSettled(browser.outcomes);
        assert.deepEqual(browser.opened, [], 'the browser was never opened');
        assert.equal(sandbox.tokenRequests.length, tokenRequests, 'no token was requested');
      } finally {
        await squatter.stop();
      }
      assert.deepEqual(squatter.requests, [], 'the program on the port received no request');
    });
  }

  // The usual dev server listens on every address. Linux refuses our loopback bind beside it; BSD and
  // Windows let it succeed and deliver loopback connections to the more specific socket, ours.
  for (const { host, redirectHost } of [
    { host: '0.0.0.0', redirectHost: '127.0.0.1' },
    { host: '::', redirectHost: 'localhost' },
  ]) {
    test(`a program listening on every address (${hostInUrl(host)}:PORT) never receives the code of a sign-in to http://${redirectHost}:PORT/callback`, async (t) => {
      if (!(await canListenOn(host))) {
        t.skip(`cannot listen on ${host} on this machine`);
        return;
      }
      const squatter = await startSquatter(host);
      const browser = new ConsentingBrowser('approve');
      try {
        const attempt = startSignIn({ config: sandboxConfig(sandbox, { redirectUri: `http://${redirectHost}:${squatter.port}/callback` }), callbackTimeoutMs: 3000 }, browser);
        if (process.platform === 'linux') {
          await assert.rejects(attempt.result, (error) => isSignInError(error, 'callback_port_unavailable') && error.message.includes(`port ${squatter.port} on 127.0.0.1 is already in use by another program`));
          assert.deepEqual(browser.opened, [], 'the browser was never opened');
        } else {
          assert.ok((await attempt.result).token.accessToken.length > 0, 'the code reached our callback server, not the squatter');
        }
        await Promise.allSettled(browser.outcomes);
      } finally {
        await squatter.stop();
      }
      assert.deepEqual(squatter.requests, [], 'the program on every address received no request');
    });
  }
});

describe('a privileged callback port (Linux; the sign-in runs as an ordinary user)', () => {
  const signInChild = new URL('../support/sign-in-child.ts', import.meta.url).href;

  /** Skips (with the reason) unless an ordinary user's sign-in may not listen on some quiet privileged port; returns that port. */
  async function privilegedPort(t: TestContext): Promise<number | undefined> {
    if (process.platform !== 'linux') return void t.skip('privileged ports are a Linux rule');
    if (firstUnprivilegedPort() <= 1) return void t.skip('every program may listen on any port here (net.ipv4.ip_unprivileged_port_start)');
    const cannotRun = await whyUnprivilegedChildCannotRun([
      new URL('../../src-main/core/oauth/sign-in.ts', import.meta.url).href,
      new URL('../support/consent.ts', import.meta.url).href,
    ]);
    if (cannotRun !== undefined) return void t.skip(cannotRun);
    const port = await quietPrivilegedPort();
    if (port === undefined) return void t.skip('every privileged port near 1024 is taken here');
    return port;
  }

  async function signInAsOrdinaryUser(request: SignInChildRequest): Promise<SignInChildOutcome> {
    const child = await runUnprivileged(`await import(${JSON.stringify(signInChild)});`, {
      timeoutMs: 30_000,
      env: { AIRISK_TEST_SIGN_IN: JSON.stringify(request) },
    });
    const outcome = lastJsonLine<SignInChildOutcome>(child);
    assert.ok(child.status === 0 && outcome !== undefined, `the sign-in child reported its outcome: ${child.stderr}`);
    return outcome;
  }

  test('a privileged port nothing answers on falls back to pasting the redirected URL', async (t) => {
    const port = await privilegedPort(t);
    if (port === undefined) return;
    const tokenRequests = sandbox.tokenRequests.length;
    const outcome = await signInAsOrdinaryUser({
      config: sandboxConfig(sandbox, { redirectUri: `http://127.0.0.1:${port}/callback` }),
      browser: 'paste',
      callbackTimeoutMs: 10_000,
    });
    if (outcome.listening === true) return void t.skip(`port ${port} is not privileged for the child here`);
    assert.equal(outcome.signedIn, true, outcome.message);
    assert.equal(outcome.listening, false);
    assert.equal(outcome.opened, 1);
    assert.match(outcome.notes?.join(' ') ?? '', new RegExp(`port ${port} on 127\\.0\\.0\\.1 is a privileged port.*pasting the URL the browser was redirected to`));
    assert.equal(sandbox.tokenRequests.length, tokenRequests + 1);
  });

  test('a privileged port another program answers on ends the sign-in before the browser opens, and that program receives nothing', async (t) => {
    const port = await privilegedPort(t);
    if (port === undefined) return;
    let squatter: Squatter;
    try {
      squatter = await startSquatter('127.0.0.1', port);
    } catch (error) {
      return void t.skip(`cannot hold privileged port ${port} as the other program (that needs root): ${String(error)}`);
    }
    const tokenRequests = sandbox.tokenRequests.length;
    let outcome: SignInChildOutcome;
    try {
      outcome = await signInAsOrdinaryUser({
        config: sandboxConfig(sandbox, { redirectUri: `http://127.0.0.1:${port}/callback` }),
        browser: 'follow', // a real browser follows AIRisk's redirect to whatever answers there
        callbackTimeoutMs: 3000,
      });
    } finally {
      await squatter.stop();
    }
    assert.equal(outcome.code, 'callback_port_unavailable', outcome.message);
    assert.match(outcome.message ?? '', new RegExp(`may not listen on port ${port}, and another program already answers on 127\\.0\\.0\\.1:${port}`));
    assert.match(outcome.message ?? '', /The sign-in code would reach that program, so the sign-in stopped before opening the browser/);
    assert.match(outcome.message ?? '', new RegExp(`Close the program using port ${port}, or choose another port`));
    assert.equal(outcome.opened, 0, 'the browser was never opened');
    assert.equal(sandbox.tokenRequests.length, tokenRequests);
    assert.deepEqual(squatter.requests, [], 'the program on the port received no request');
  });
});
