import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { startSandbox } from '../sandbox/sandbox-server.ts';
import type { Sandbox, SandboxFault, SandboxOptions } from '../sandbox/sandbox-server.ts';
import { completeConsent } from '../support/consent.ts';

const EXPIRATION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const CALLBACK = 'http://127.0.0.1:8765/callback';
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** RFC 7636 Appendix B. */
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

type Params = Record<string, string | undefined>;

interface TokenAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2025, 2, 31, 12, 12, 17)): { nowMs: number; now: () => number } {
  const clock = { nowMs: start, now: () => clock.nowMs };
  return clock;
}

async function start(t: TestContext, options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox(options);
  t.after(() => sandbox.close());
  return sandbox;
}

function authorizationUrl(sandbox: Sandbox, params: Params = {}): string {
  const url = new URL('/api/oauth2/Authorize', sandbox.url);
  const all: Params = { response_type: 'code', client_id: 'demo-client', redirect_uri: CALLBACK, state: 'state-123', ...params };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

async function obtainCode(sandbox: Sandbox, params: Params = {}): Promise<string> {
  const { location } = await completeConsent(authorizationUrl(sandbox, params), 'approve', { followRedirect: false });
  const code = new URL(location).searchParams.get('code');
  assert.ok(code, `no code in ${location}`);
  return code;
}

function tokenFields(sandbox: Sandbox, code: string, extra: Params = {}): Record<string, string> {
  const all: Params = {
    client_id: sandbox.demoClient.clientId,
    client_secret: sandbox.demoClient.clientSecret,
    redirect_uri: CALLBACK,
    code,
    ...extra,
  };
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(all)) if (value !== undefined) fields[name] = value;
  return fields;
}

async function postToken(
  sandbox: Sandbox,
  fields: Record<string, string>,
  encoding: 'form' | 'json' = 'form',
  init: { signal?: AbortSignal } = {},
): Promise<TokenAnswer> {
  const response = await fetch(new URL('/api/oauth2/Token', sandbox.url), {
    method: 'POST',
    headers: { 'Content-Type': encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: encoding === 'form' ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // left empty: some fault modes answer with something that is not JSON
  }
  return { status: response.status, headers: response.headers, text, json };
}

async function signIn(sandbox: Sandbox, params: Params = {}, extra: Params = {}): Promise<TokenAnswer> {
  const code = await obtainCode(sandbox, params);
  return postToken(sandbox, tokenFields(sandbox, code, { userid: params['userid'], ...extra }));
}

function me(sandbox: Sandbox, authorization?: string): Promise<Response> {
  return fetch(new URL('/api/me', sandbox.url), authorization === undefined ? {} : { headers: { Authorization: authorization } });
}

function decodeJwtPart(token: string, index: 0 | 1): Record<string, unknown> {
  const part = token.split('.')[index];
  assert.ok(part !== undefined);
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function accessTokenOf(answer: TokenAnswer): string {
  const token = answer.json['access_token'];
  assert.equal(typeof token, 'string', answer.text);
  return token as string;
}

function assertOAuthError(answer: TokenAnswer, status: number, error: string, descriptionPattern?: RegExp): void {
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(answer.json['error'], error, answer.text);
  assert.equal(typeof answer.json['error_description'], 'string');
  if (descriptionPattern !== undefined) assert.match(answer.json['error_description'] as string, descriptionPattern);
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function listen(server: Server, host = '127.0.0.1'): Promise<number> {
  server.listen(0, host);
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('authorization endpoint', () => {
  test('the consent page names the client and the user and offers Approve and Deny in a POST form', async (t) => {
    const sandbox = await start(t);
    const response = await fetch(authorizationUrl(sandbox, { userid: 'user_42' }));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    assert.match(html, /AIRisk Token Tray \(demo\)/);
    assert.match(html, /demo-client/);
    assert.match(html, /user_42/);
    assert.match(html, /<form method="post" action="\/api\/oauth2\/Authorize">/);
    assert.match(html, /<button[^>]*name="decision" value="approve"/);
    assert.match(html, /<button[^>]*name="decision" value="deny"/);
    for (const name of ['response_type', 'client_id', 'redirect_uri', 'state', 'userid']) {
      assert.match(html, new RegExp(`<input type="hidden" name="${name}"`));
    }
  });

  test('the consent page says "generic token (no user)" when no userid is given', async (t) => {
    const sandbox = await start(t);
    const html = await (await fetch(authorizationUrl(sandbox))).text();
    assert.match(html, /generic token \(no user\)/);
    assert.doesNotMatch(html, /name="userid"/);
  });

  test('the consent page escapes every value, and the hidden fields carry them back unchanged', async (t) => {
    const sandbox = await start(t);
    const userid = '<script>alert("u")</script>&\'';
    const state = '"><img src=x onerror=alert(1)>';
    const url = authorizationUrl(sandbox, { userid, state, code_challenge: RFC_CHALLENGE, code_challenge_method: 'S256' });
    const outcome = await completeConsent(url, 'approve', { followRedirect: false });
    assert.doesNotMatch(outcome.consentPage, /<script>alert/);
    assert.doesNotMatch(outcome.consentPage, /"><img/);
    assert.match(outcome.consentPage, /&lt;script&gt;alert\(&quot;u&quot;\)&lt;\/script&gt;&amp;&#39;/);
    const location = new URL(outcome.location);
    assert.equal(location.searchParams.get('state'), state);
    const code = location.searchParams.get('code');
    assert.ok(code);
    const answer = await postToken(sandbox, tokenFields(sandbox, code, { userid, code_verifier: RFC_VERIFIER }));
    assert.equal(answer.status, 200, answer.text);
    const body = (await (await me(sandbox, `Bearer ${accessTokenOf(answer)}`)).json()) as Record<string, unknown>;
    assert.equal(body['userid'], userid);
  });

  test('an unknown client gets a 400 HTML page and is never redirected', async (t) => {
    const sandbox = await start(t);
    for (const clientId of ['someone-else', undefined]) {
      const response = await fetch(authorizationUrl(sandbox, { client_id: clientId }), { redirect: 'manual' });
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(response.headers.get('location'), null);
      await response.text();
    }
  });

  test('an unregistered redirect URI gets a 400 HTML page and is never redirected', async (t) => {
    const sandbox = await start(t);
    const refused = [
      'http://127.0.0.1:8765/other',
      'http://127.0.0.1:8765/callback/',
      'http://127.0.0.1:8765/Callback',
      'http://127.0.0.1/callback',
      'http://127.0.0.1:0/callback',
      'http://127.0.0.1:65536/callback',
      'http://127.0.0.1:08765/callback',
      'http://127.0.0.2:8765/callback',
      'http://user@127.0.0.1:8765/callback',
      'http://127.0.0.1:8765/callback#fragment',
      'http://localhost.evil.example:8765/callback',
      'https://evil.example/callback',
      'https://127.0.0.1/callback',
      'HTTP://127.0.0.1:8765/callback',
      'http://localhost/callback',
      undefined,
    ];
    for (const redirectUri of refused) {
      const response = await fetch(authorizationUrl(sandbox, { redirect_uri: redirectUri }), { redirect: 'manual' });
      assert.equal(response.status, 400, `${String(redirectUri)} should be refused`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(response.headers.get('location'), null);
      await response.text();
    }
  });

  test('accepts the registered loopback redirect URIs on any port, and https://localhost with or without a port', async (t) => {
    const sandbox = await start(t);
    const accepted = [
      'http://127.0.0.1:1/callback',
      'http://127.0.0.1:65535/callback',
      'http://[::1]:8765/callback',
      'http://localhost:8765/callback',
      'https://localhost/callback',
      'https://localhost:8443/callback',
      'http://127.0.0.1:8765/callback?tenant=a',
    ];
    for (const redirectUri of accepted) {
      const response = await fetch(authorizationUrl(sandbox, { redirect_uri: redirectUri }), { redirect: 'manual' });
      assert.equal(response.status, 200, `${redirectUri} should be accepted`);
      await response.text();
    }
  });

  test('posting the consent form for an unknown client or an unregistered redirect URI gets a 400 page', async (t) => {
    const sandbox = await start(t);
    for (const override of [{ client_id: 'intruder' }, { redirect_uri: 'https://evil.example/callback' }]) {
      const form = new URLSearchParams({ response_type: 'code', client_id: 'demo-client', redirect_uri: CALLBACK, state: 's', decision: 'approve', ...override });
      const response = await fetch(new URL('/api/oauth2/Authorize', sandbox.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        redirect: 'manual',
      });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /Invalid authorization request/);
    }
  });

  test('a bad request from a valid client is redirected back with an RFC 6749 error and the state', async (t) => {
    const sandbox = await start(t);
    const cases: { params: Params; error: string; state: string | null }[] = [
      { params: { response_type: undefined }, error: 'invalid_request', state: 'state-123' },
      { params: { response_type: 'token' }, error: 'unsupported_response_type', state: 'state-123' },
      { params: { state: undefined }, error: 'invalid_request', state: null },
      { params: { code_challenge: RFC_CHALLENGE, code_challenge_method: 'plain' }, error: 'invalid_request', state: 'state-123' },
      { params: { code_challenge_method: 'S256' }, error: 'invalid_request', state: 'state-123' },
      { params: { code_challenge: RFC_CHALLENGE }, error: 'invalid_request', state: 'state-123' },
      { params: { code_challenge: 'too-short', code_challenge_method: 'S256' }, error: 'invalid_request', state: 'state-123' },
    ];
    for (const { params, error, state } of cases) {
      const response = await fetch(authorizationUrl(sandbox, params), { redirect: 'manual' });
      assert.equal(response.status, 302, JSON.stringify(params));
      const location = new URL(response.headers.get('location') ?? '');
      assert.equal(`${location.origin}${location.pathname}`, CALLBACK);
      assert.equal(location.searchParams.get('error'), error, JSON.stringify(params));
      assert.ok(location.searchParams.get('error_description'));
      assert.equal(location.searchParams.get('state'), state);
      assert.equal(location.searchParams.get('code'), null);
    }
  });

  test('Deny redirects back with error=access_denied, a description and the state', async (t) => {
    const sandbox = await start(t);
    const { location } = await completeConsent(authorizationUrl(sandbox, { state: 'deny-state' }), 'deny', { followRedirect: false });
    const url = new URL(location);
    assert.equal(`${url.origin}${url.pathname}`, CALLBACK);
    assert.equal(url.searchParams.get('error'), 'access_denied');
    assert.ok(url.searchParams.get('error_description'));
    assert.equal(url.searchParams.get('state'), 'deny-state');
    assert.equal(url.searchParams.get('code'), null);
  });

  test('Approve redirects back with a base64url code of at least 128 bits and the state', async (t) => {
    const sandbox = await start(t);
    const { location } = await completeConsent(authorizationUrl(sandbox, { state: 'approve-state' }), 'approve', { followRedirect: false });
    const url = new URL(location);
    assert.equal(`${url.origin}${url.pathname}`, CALLBACK);
    assert.match(url.searchParams.get('code') ?? '', /^[A-Za-z0-9_-]{22,}$/);
    assert.equal(url.searchParams.get('state'), 'approve-state');
  });

  test('the redirect keeps an existing query of the redirect URI', async (t) => {
    const sandbox = await start(t);
    const redirectUri = 'http://127.0.0.1:8765/callback?tenant=a';
    for (const decision of ['approve', 'deny'] as const) {
      const { location } = await completeConsent(authorizationUrl(sandbox, { redirect_uri: redirectUri }), decision, { followRedirect: false });
      const url = new URL(location);
      assert.equal(url.searchParams.get('tenant'), 'a');
      assert.equal(url.searchParams.get('state'), 'state-123');
      assert.ok(url.searchParams.has(decision === 'approve' ? 'code' : 'error'));
    }
  });
});

describe('completeConsent (the person at the browser)', () => {
  test('follows the redirect to the app\'s loopback callback and returns its answer', async (t) => {
    const sandbox = await start(t);
    const seen: string[] = [];
    const app = createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/plain', 'X-App': 'tray' }).end('Signed in, you can close this tab.');
    });
    const port = await listen(app);
    t.after(() => new Promise<void>((resolve) => app.close(() => resolve())));
    const outcome = await completeConsent(authorizationUrl(sandbox, { redirect_uri: `http://127.0.0.1:${port}/callback` }), 'approve');
    assert.equal(outcome.callback?.status, 200);
    assert.equal(outcome.callback?.body, 'Signed in, you can close this tab.');
    assert.equal(outcome.callback?.headers.get('x-app'), 'tray');
    assert.equal(seen.length, 1);
    const query = new URL(seen[0] ?? '', 'http://x').searchParams;
    assert.equal(query.get('state'), 'state-123');
    assert.equal(query.get('code'), new URL(outcome.location).searchParams.get('code'));
  });

  test('follows an https://localhost redirect to an app with a self-signed certificate', async (t) => {
    const sandbox = await start(t);
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec' });
    const app = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('tls callback ok');
    });
    const port = await listen(app);
    t.after(() => new Promise<void>((resolve) => app.close(() => resolve())));
    const outcome = await completeConsent(authorizationUrl(sandbox, { redirect_uri: `https://localhost:${port}/callback` }), 'deny');
    assert.equal(outcome.callback?.status, 200);
    assert.equal(outcome.callback?.body, 'tls callback ok');
    assert.equal(new URL(outcome.location).searchParams.get('error'), 'access_denied');
  });
});

describe('token endpoint', () => {
  test('exchanges a code sent form-encoded, like the seed\'s curl example', async (t) => {
    const clock = manualClock();
    const sandbox = await start(t, { now: clock.now });
    const code = await obtainCode(sandbox);
    const answer = await postToken(sandbox, tokenFields(sandbox, code), 'form');
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(Object.keys(answer.json).sort(), ['access_token', 'expiration']);
    assert.equal(answer.json['expiration'], '2025-03-31T13:12:17Z');
    assert.match(answer.json['expiration'] as string, EXPIRATION);
    assert.equal(answer.headers.get('date'), 'Mon, 31 Mar 2025 12:12:17 GMT');
    assert.deepEqual(sandbox.tokenRequests.at(-1), {
      contentType: 'application/x-www-form-urlencoded',
      encoding: 'form',
      fieldNames: ['client_id', 'client_secret', 'redirect_uri', 'code'],
      userid: null,
      fault: null,
    });
  });

  test('exchanges a code sent as a JSON body, like the seed\'s Python example', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    const answer = await postToken(sandbox, tokenFields(sandbox, code), 'json');
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.json['expiration'] as string, EXPIRATION);
    assert.equal(sandbox.tokenRequests.at(-1)?.encoding, 'json');
    assert.equal(sandbox.tokenRequests.at(-1)?.contentType, 'application/json');
  });

  test('issues an HS256 JWT with sub, client_id, iat, exp and jti', async (t) => {
    const clock = manualClock();
    const sandbox = await start(t, { now: clock.now, tokenLifetimeSeconds: 600 });
    const token = accessTokenOf(await signIn(sandbox));
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeJwtPart(token, 0), { alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwtPart(token, 1);
    const iat = clock.nowMs / 1000;
    assert.equal(claims['sub'], null);
    assert.equal(claims['client_id'], 'demo-client');
    assert.equal(claims['iat'], iat);
    assert.equal(claims['exp'], iat + 600);
    assert.match(claims['jti'] as string, /^[A-Za-z0-9_-]{22,}$/);
  });

  test('a user-specific token carries the userid and /api/me answers with it', async (t) => {
    const sandbox = await start(t);
    const answer = await signIn(sandbox, { userid: 'user_42' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(sandbox.tokenRequests.at(-1)?.userid, 'user_42');
    const token = accessTokenOf(answer);
    assert.equal(decodeJwtPart(token, 1)['sub'], 'user_42');
    const response = await me(sandbox, `Bearer ${token}`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { userid: 'user_42', expiration: answer.json['expiration'] });
  });

  test('a generic token answers userid null at /api/me', async (t) => {
    const sandbox = await start(t);
    const token = accessTokenOf(await signIn(sandbox));
    const body = (await (await me(sandbox, `Bearer ${token}`)).json()) as Record<string, unknown>;
    assert.equal(body['userid'], null);
    assert.match(body['expiration'] as string, EXPIRATION);
  });

  test('a code works only once; its replay is invalid_grant and revokes the token it gave', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    const first = await postToken(sandbox, tokenFields(sandbox, code));
    assert.equal(first.status, 200);
    const second = await postToken(sandbox, tokenFields(sandbox, code));
    assertOAuthError(second, 400, 'invalid_grant', /already used/);
    assert.equal((await me(sandbox, `Bearer ${accessTokenOf(first)}`)).status, 401);
  });

  test('a failed redemption consumes the code too', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    assertOAuthError(await postToken(sandbox, tokenFields(sandbox, code, { redirect_uri: 'http://127.0.0.1:1/callback' })), 400, 'invalid_grant');
    assertOAuthError(await postToken(sandbox, tokenFields(sandbox, code)), 400, 'invalid_grant', /already used/);
  });

  test('a code expires after 60 seconds on the sandbox clock', async (t) => {
    const clock = manualClock();
    const sandbox = await start(t, { now: clock.now });
    const fresh = await obtainCode(sandbox);
    const stale = await obtainCode(sandbox);
    clock.nowMs += 59_000;
    assert.equal((await postToken(sandbox, tokenFields(sandbox, fresh))).status, 200);
    clock.nowMs += 1_000;
    assertOAuthError(await postToken(sandbox, tokenFields(sandbox, stale)), 400, 'invalid_grant', /expired/);
  });

  test('the code lifetime is configurable', async (t) => {
    const clock = manualClock();
    const sandbox = await start(t, { now: clock.now, codeLifetimeSeconds: 5 });
    const code = await obtainCode(sandbox);
    clock.nowMs += 5_000;
    assertOAuthError(await postToken(sandbox, tokenFields(sandbox, code)), 400, 'invalid_grant', /expired/);
  });

  test('an unknown code is invalid_grant', async (t) => {
    const sandbox = await start(t);
    assertOAuthError(await postToken(sandbox, tokenFields(sandbox, 'SplxlOBeZQQYbYS6WxSbIA')), 400, 'invalid_grant');
  });

  test('a redirect_uri other than the authorization request\'s is invalid_grant', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    const answer = await postToken(sandbox, tokenFields(sandbox, code, { redirect_uri: 'http://127.0.0.1:8766/callback' }));
    assertOAuthError(answer, 400, 'invalid_grant', /redirect_uri/);
  });

  test('a userid other than the authorization request\'s is invalid_grant, including one added or left out', async (t) => {
    const sandbox = await start(t);
    const cases: { authorize: string | undefined; exchange: string | undefined }[] = [
      { authorize: 'user_42', exchange: 'user_43' },
      { authorize: 'user_42', exchange: undefined },
      { authorize: undefined, exchange: 'user_42' },
    ];
    for (const { authorize, exchange } of cases) {
      const code = await obtainCode(sandbox, { userid: authorize });
      const answer = await postToken(sandbox, tokenFields(sandbox, code, { userid: exchange }));
      assertOAuthError(answer, 400, 'invalid_grant', /userid/);
    }
  });

  test('PKCE: the RFC 7636 verifier of the challenge is accepted', async (t) => {
    const sandbox = await start(t);
    assert.equal(createHash('sha256').update(RFC_VERIFIER).digest('base64url'), RFC_CHALLENGE);
    const code = await obtainCode(sandbox, { code_challenge: RFC_CHALLENGE, code_challenge_method: 'S256' });
    const answer = await postToken(sandbox, tokenFields(sandbox, code, { code_verifier: RFC_VERIFIER }), 'json');
    assert.equal(answer.status, 200, answer.text);
  });

  test('PKCE: a wrong, malformed or missing verifier is invalid_grant', async (t) => {
    const sandbox = await start(t);
    const wrongButWellFormed = 'a'.repeat(43);
    for (const verifier of [wrongButWellFormed, 'short', `${RFC_VERIFIER}!`, 'x'.repeat(129), undefined]) {
      const code = await obtainCode(sandbox, { code_challenge: RFC_CHALLENGE, code_challenge_method: 'S256' });
      const answer = await postToken(sandbox, tokenFields(sandbox, code, { code_verifier: verifier }));
      assertOAuthError(answer, 400, 'invalid_grant', /code_verifier/);
    }
  });

  test('PKCE: a verifier for a request that had no challenge is invalid_grant (downgrade, RFC 9700)', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    assertOAuthError(await postToken(sandbox, tokenFields(sandbox, code, { code_verifier: RFC_VERIFIER })), 400, 'invalid_grant', /code_verifier/);
  });

  test('a wrong secret or an unknown client is 401 invalid_client with WWW-Authenticate Basic', async (t) => {
    const sandbox = await start(t);
    for (const extra of [{ client_secret: 'wrong' }, { client_id: 'someone-else' }]) {
      const code = await obtainCode(sandbox);
      const answer = await postToken(sandbox, tokenFields(sandbox, code, extra));
      assertOAuthError(answer, 401, 'invalid_client');
      assert.equal(answer.headers.get('www-authenticate'), 'Basic realm="AIRisk"');
      // client authentication comes first: the code is still unused
      assert.equal((await postToken(sandbox, tokenFields(sandbox, code))).status, 200);
    }
  });

  test('a missing field is invalid_request naming the field', async (t) => {
    const sandbox = await start(t);
    for (const field of ['client_id', 'client_secret', 'redirect_uri', 'code']) {
      for (const encoding of ['form', 'json'] as const) {
        const answer = await postToken(sandbox, tokenFields(sandbox, 'some-code', { [field]: undefined }), encoding);
        assertOAuthError(answer, 400, 'invalid_request', new RegExp(field));
      }
    }
  });

  test('grant_type=authorization_code is accepted, other grant types are unsupported_grant_type', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    assertOAuthError(await postToken(sandbox, tokenFields(sandbox, code, { grant_type: 'client_credentials' })), 400, 'unsupported_grant_type');
    assert.equal((await postToken(sandbox, tokenFields(sandbox, code, { grant_type: 'authorization_code' }))).status, 200);
  });

  test('unknown parameters are ignored', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox, { scope: 'everything' });
    const answer = await postToken(sandbox, tokenFields(sandbox, code, { scope: 'everything', extra: 'x' }), 'json');
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(sandbox.tokenRequests.at(-1)?.fieldNames, ['client_id', 'client_secret', 'redirect_uri', 'code', 'scope', 'extra']);
  });

  test('an unsupported content type, malformed JSON or a repeated parameter is invalid_request', async (t) => {
    const sandbox = await start(t);
    const url = new URL('/api/oauth2/Token', sandbox.url);
    const bodies: { contentType?: string; body: string }[] = [
      { contentType: 'text/plain', body: 'client_id=demo-client' },
      { body: 'client_id=demo-client' },
      { contentType: 'application/json', body: '{"client_id": ' },
      { contentType: 'application/json', body: '["client_id"]' },
      { contentType: 'application/json', body: '{"client_id":"demo-client","client_secret":"demo-secret","redirect_uri":"x","code":42}' },
      { contentType: 'application/x-www-form-urlencoded', body: 'client_id=demo-client&client_id=other&client_secret=s&redirect_uri=r&code=c' },
    ];
    for (const { contentType, body } of bodies) {
      const response = await fetch(url, {
        method: 'POST',
        body: new TextEncoder().encode(body),
        ...(contentType === undefined ? {} : { headers: { 'Content-Type': contentType } }),
      });
      const text = await response.text();
      assertOAuthError({ status: response.status, headers: response.headers, text, json: JSON.parse(text) as Record<string, unknown> }, 400, 'invalid_request');
    }
  });

  test('a request body over 64 KiB is refused with 413', async (t) => {
    const sandbox = await start(t);
    const answer = await postToken(sandbox, { ...tokenFields(sandbox, 'c'), padding: 'x'.repeat(70 * 1024) });
    assert.equal(answer.status, 413);
    assert.equal(answer.json['error'], 'invalid_request');
  });

  test('a streamed (chunked) request body over 64 KiB is refused with 413', async (t) => {
    const sandbox = await start(t);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest(`${sandbox.url}/api/oauth2/Token`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume().once('end', () => resolve(res.statusCode));
      });
      req.once('error', reject);
      for (let i = 0; i < 100; i += 1) req.write('x'.repeat(1024));
      req.end();
    });
    assert.equal(status, 413);
  });
});

describe('token endpoint fault modes', () => {
  async function faulted(t: TestContext, fault: SandboxFault): Promise<{ sandbox: Sandbox; code: string; answer: TokenAnswer }> {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    sandbox.setFault(fault);
    const answer = await postToken(sandbox, tokenFields(sandbox, code));
    assert.equal(sandbox.tokenRequests.at(-1)?.fault, fault);
    return { sandbox, code, answer };
  }

  test('token-5xx-html answers 502 with an HTML body, and consumes nothing', async (t) => {
    const { sandbox, code, answer } = await faulted(t, 'token-5xx-html');
    assert.equal(answer.status, 502);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(answer.text, /<html>/);
    sandbox.setFault(null);
    assert.equal((await postToken(sandbox, tokenFields(sandbox, code))).status, 200);
  });

  test('token-non-json answers 200 text/plain that is not JSON', async (t) => {
    const { answer } = await faulted(t, 'token-non-json');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
    assert.throws(() => JSON.parse(answer.text) as unknown);
  });

  test('token-missing-access-token answers 200 JSON with only an expiration', async (t) => {
    const { answer } = await faulted(t, 'token-missing-access-token');
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.json), ['expiration']);
    assert.match(answer.json['expiration'] as string, EXPIRATION);
  });

  test('token-bad-expiration answers 200 with "expiration": "next tuesday"', async (t) => {
    const { answer } = await faulted(t, 'token-bad-expiration');
    assert.equal(answer.status, 200);
    assert.equal(answer.json['expiration'], 'next tuesday');
    assert.equal(typeof answer.json['access_token'], 'string');
  });

  test('token-expiration-no-zone answers a usable token whose expiration has no Z', async (t) => {
    const { sandbox, answer } = await faulted(t, 'token-expiration-no-zone');
    assert.equal(answer.status, 200);
    assert.match(answer.json['expiration'] as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const response = await me(sandbox, `Bearer ${accessTokenOf(answer)}`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Record<string, unknown>)['expiration'], `${answer.json['expiration'] as string}Z`);
  });

  test('slow-token answers normally after the delay', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    sandbox.setFault('slow-token', { delayMs: 200 });
    const started = performance.now();
    const answer = await postToken(sandbox, tokenFields(sandbox, code));
    assert.ok(performance.now() - started >= 190);
    assert.equal(answer.status, 200, answer.text);
  });

  test('slow-token: a client that gives up consumes nothing', async (t) => {
    const sandbox = await start(t);
    const code = await obtainCode(sandbox);
    sandbox.setFault('slow-token', { delayMs: 300 });
    await assert.rejects(postToken(sandbox, tokenFields(sandbox, code), 'form', { signal: AbortSignal.timeout(50) }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    sandbox.setFault(null);
    assert.equal((await postToken(sandbox, tokenFields(sandbox, code))).status, 200);
  });

  test('slow-token does not keep close() waiting or the process alive', async () => {
    const sandbox = await startSandbox();
    sandbox.setFault('slow-token');
    const pending = postToken(sandbox, tokenFields(sandbox, 'code')).then(
      () => 'answered',
      () => 'failed',
    );
    await waitFor(() => sandbox.tokenRequests.length === 1);
    const started = performance.now();
    await sandbox.close();
    assert.ok(performance.now() - started < 1000);
    assert.equal(await pending, 'failed');
  });

  test('setFault refuses an unknown fault name', async (t) => {
    const sandbox = await start(t);
    assert.throws(() => sandbox.setFault('nope' as SandboxFault), RangeError);
  });
});

describe('/api/me', () => {
  test('no Authorization header is 401 with a bare Bearer challenge', async (t) => {
    const sandbox = await start(t);
    const response = await me(sandbox);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="AIRisk"');
    assert.equal(typeof ((await response.json()) as Record<string, unknown>)['error'], 'string');
  });

  test('a malformed, tampered or foreign token is 401 invalid_token', async (t) => {
    const sandbox = await start(t);
    const other = await start(t);
    const token = accessTokenOf(await signIn(sandbox, { userid: 'user_42' }));
    const foreign = accessTokenOf(await signIn(other));
    const [header = '', , signature = ''] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwtPart(token, 1), sub: 'admin' })).toString('base64url');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${forgedPayload}.`;
    for (const bad of ['garbage', `${header}.${forgedPayload}.${signature}`, unsigned, foreign, `${token}x`]) {
      const response = await me(sandbox, `Bearer ${bad}`);
      assert.equal(response.status, 401, bad);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer realm="AIRisk", error="invalid_token"/);
      assert.equal(((await response.json()) as Record<string, unknown>)['error'], 'invalid_token');
    }
  });

  test('an expired token is 401 invalid_token', async (t) => {
    const clock = manualClock();
    const sandbox = await start(t, { now: clock.now, tokenLifetimeSeconds: 60 });
    const token = accessTokenOf(await signIn(sandbox));
    clock.nowMs += 59_000;
    assert.equal((await me(sandbox, `Bearer ${token}`)).status, 200);
    clock.nowMs += 1_000;
    const response = await me(sandbox, `Bearer ${token}`);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    assert.match(((await response.json()) as Record<string, unknown>)['error_description'] as string, /expired/);
  });
});

describe('routing', () => {
  test('an unknown path is 404 JSON', async (t) => {
    const sandbox = await start(t);
    for (const path of ['/', '/api/oauth2/token', '/api/oauth2/Token/', '/api/me/x']) {
      const response = await fetch(new URL(path, sandbox.url), { method: 'POST' });
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(((await response.json()) as Record<string, unknown>)['error'], 'not_found');
    }
  });

  test('a wrong method is 405 with Allow', async (t) => {
    const sandbox = await start(t);
    const cases = [
      { path: '/api/oauth2/Token', method: 'GET', allow: 'POST' },
      { path: '/api/oauth2/Authorize', method: 'PUT', allow: 'GET, POST' },
      { path: '/api/me', method: 'POST', allow: 'GET' },
    ];
    for (const { path, method, allow } of cases) {
      const response = await fetch(new URL(path, sandbox.url), { method });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), allow);
      await response.text();
    }
  });

  test('startSandbox rejects nonsensical options', async () => {
    await assert.rejects(startSandbox({ port: -1 }), RangeError);
    await assert.rejects(startSandbox({ tokenLifetimeSeconds: 0 }), RangeError);
    await assert.rejects(startSandbox({ codeLifetimeSeconds: 1.5 }), RangeError);
  });
});

describe('the sandbox CLI (test/sandbox/main.ts)', () => {
  function run(args: string[]): ReturnType<typeof spawn> {
    return spawn(process.execPath, ['test/sandbox/main.ts', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  test('prints the listening line first, serves requests, logs no query string and exits on SIGTERM', async () => {
    const child = run(['--port', '0']);
    const exited = once(child, 'exit');
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    try {
      await waitFor(() => stdout.includes('\n'), 10_000);
      const firstLine = stdout.split('\n')[0] ?? '';
      const match = /^AIRisk sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
      assert.ok(match, `unexpected first line: ${firstLine}`);
      const url = match[1] ?? '';
      assert.notEqual(match[2], '0');
      const response = await fetch(`${url}/api/oauth2/Authorize?client_id=nobody&state=secret-state-value`);
      assert.equal(response.status, 400);
      await response.text();
      await waitFor(() => stdout.includes('GET /api/oauth2/Authorize 400'));
      assert.match(stdout, /demo-client/);
      assert.match(stdout, /demo-secret/);
      assert.doesNotMatch(stdout, /secret-state-value/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code, signal] = await exited;
    assert.equal(signal, null);
    assert.equal(code, 0);
  });

  test('a bad argument exits 2 with a message naming the flag', async () => {
    for (const [args, flag] of [
      [['--port', 'eighty'], '--port'],
      [['--port', '70000'], '--port'],
      [['--token-lifetime', '0'], '--token-lifetime'],
      [['--fault', 'meteor-strike'], '--fault'],
      [['--colour'], '--colour'],
    ] as const) {
      const child = run([...args]);
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const [code] = await once(child, 'exit');
      assert.equal(code, 2, args.join(' '));
      assert.ok(stderr.includes(flag), stderr);
    }
  });
});
