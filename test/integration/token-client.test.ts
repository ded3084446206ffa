import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { after, before, test } from 'node:test';
import { isSignInError, SignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { exchangeCode, type IssuedToken } from '../../src-main/core/oauth/token-client.ts';
import { completeConsent } from '../support/consent.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { sandboxConfig } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

/** A code from the sandbox for the seed's own redirect URI, approved without a callback server. */
async function codeFor(userid?: string): Promise<string> {
  const url = new URL('/api/oauth2/Authorize', sandbox.url);
  url.search = new URLSearchParams({ response_type: 'code', client_id: 'demo-client', redirect_uri: 'https://localhost/callback', state: 's', ...(userid === undefined ? {} : { userid }) }).toString();
  const { location } = await completeConsent(url.href, 'approve', { followRedirect: false });
  return new URL(location).searchParams.get('code') ?? '';
}

const exchange = (code: string, extra: { userid?: string; redirectUri?: string } = {}) => ({
  config: sandboxConfig(sandbox),
  redirectUri: extra.redirectUri ?? 'https://localhost/callback',
  code,
  ...(extra.userid === undefined ? {} : { userid: extra.userid }),
});

test('exchanges a code posted as the documentation’s curl example plus grant_type=authorization_code (form, no PKCE)', async () => {
  const token = await exchangeCode(exchange(await codeFor()));
  assert.match(token.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.equal(sandbox.tokenRequests.at(-1)?.contentType, 'application/x-www-form-urlencoded');
  assert.deepEqual(sandbox.tokenRequests.at(-1)?.fieldNames, ['grant_type', 'client_id', 'client_secret', 'redirect_uri', 'code']);
});

test('a replayed code is rejected with invalid_grant and advice to sign in again', async () => {
  const code = await codeFor();
  await exchangeCode(exchange(code));
  await assert.rejects(exchangeCode(exchange(code)), (error) => isSignInError(error, 'token_rejected') && error.oauthError === 'invalid_grant' && /AIRisk rejected the code: invalid_grant/.test(error.message) && /sign in again/.test(error.message) && !error.message.includes(code));
});

test('a userid that differs from the authorization request is rejected', async () => {
  await assert.rejects(exchangeCode(exchange(await codeFor('user_42'), { userid: 'user_43' })), (error) => isSignInError(error, 'token_rejected') && error.oauthError === 'invalid_grant');
});

test('no server at the address → token_network naming the address', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(
    exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: `http://127.0.0.1:${port}` } }),
    (error) => isSignInError(error, 'token_network') && error.message.includes(`http://127.0.0.1:${port}`) && /ECONNREFUSED/.test(error.message),
  );
});

/** A bare server for answers the sandbox never gives. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

test('an oversized answer is cut off and refused', async () => {
  const { server, url } = await serve((_, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'a'.repeat(200_000), expiration: '2030-01-01T00:00:00Z' }));
  });
  try {
    await assert.rejects(exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } }), (error) => isSignInError(error, 'token_response_too_large') && /64 KiB/.test(error.message));
  } finally {
    server.close();
  }
});

test('a redirect from the token endpoint is not followed and is reported', async () => {
  const { server, url } = await serve((_, res) => {
    res.writeHead(302, { Location: 'https://elsewhere.example/login' });
    res.end();
  });
  try {
    await assert.rejects(exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } }), (error) => isSignInError(error, 'token_http_error') && /HTTP 302/.test(error.message) && /elsewhere\.example/.test(error.message));
  } finally {
    server.close();
  }
});

test('a token with spaces, and a JSON array, are refused', async () => {
  for (const body of [JSON.stringify({ access_token: 'two words', expiration: '2030-01-01T00:00:00Z' }), '[]']) {
    const { server, url } = await serve((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    try {
      await assert.rejects(exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } }), (error) => isSignInError(error, 'token_invalid_response'));
    } finally {
      server.close();
    }
  }
});

test('clock skew is measured from AIRisk’s Date header', async () => {
  const { server, url } = await serve((_, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', Date: new Date(Date.now() + 120_000).toUTCString() });
    res.end(JSON.stringify({ access_token: 'tok', expiration: '2030-01-01T00:00:00Z' }));
  });
  try {
    const token = await exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } });
    assert.ok(Math.abs(token.clockSkewMs - 120_000) < 1500, `skew ${token.clockSkewMs}`);
  } finally {
    server.close();
  }
});

test('an aborted exchange reports cancelled, not a network error', async () => {
  sandbox.setFault('slow-token', { delayMs: 5_000 });
  try {
    const controller = new AbortController();
    const pending = exchangeCode(exchange('code'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (error) => isSignInError(error, 'cancelled'));
  } finally {
    sandbox.setFault(null);
  }
});

/**
 * A hostile token endpoint on loopback that writes its answer as raw bytes, so header values can
 * carry what Node's own HTTP server refuses to send (UTF-8 bidi overrides, C1 controls).
 */
async function serveRaw(answer: (body: string) => Buffer): Promise<{ close: () => void; url: string }> {
  const server = createNetServer((socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(received.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      socket.end(answer(received.subarray(end + 4).toString('utf8')));
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { close: () => server.close(), url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** One raw HTTP/1.1 answer; header values are written as UTF-8 bytes, as a hostile server may. */
function rawAnswer(status: string, headers: Record<string, string>, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const head = Object.entries({ ...headers, 'Content-Length': String(bytes.length), Connection: 'close' }).map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n`, 'latin1'), Buffer.from(head, 'utf8'), Buffer.from('\r\n\r\n', 'latin1'), bytes]);
}

/** Bidi override, zero-width space and joiner, BOM, C1 controls (NEL, CSI), bidi isolate: what HTTP lets through in a header. */
const HOSTILE_HEADER = '\u202E\u200B\u200D\uFEFF\u0085\u009B\u2066';
/** The same plus C0 controls (NUL, an ANSI escape), which JSON can carry. */
const HOSTILE = `${HOSTILE_HEADER}\u0000\u001B`;
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}]/u;

async function refusalFrom(answer: Buffer, bodyEncoding: 'form' | 'json' = 'form'): Promise<SignInError> {
  const { close, url } = await serveRaw(() => answer);
  try {
    const error = await exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url, bodyEncoding } }).then(
      () => assert.fail('the hostile answer was accepted'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof SignInError, String(error));
    return error;
  } finally {
    close();
  }
}

test('bidi overrides, zero-width characters, BOM and C1 controls in error and error_description do not survive into the message', async () => {
  const error = await refusalFrom(
    rawAnswer('400 Bad Request', { 'Content-Type': `application/json${HOSTILE_HEADER}` }, JSON.stringify({ error: `invalid_grant${HOSTILE}`, error_description: `Code ${HOSTILE}expired. txt.exe${HOSTILE}` })),
  );
  assert.equal(error.code, 'token_rejected');
  assert.doesNotMatch(error.message, INVISIBLE_OR_CONTROL, JSON.stringify(error.message));
  assert.equal(error.oauthError, 'invalid_grant');
  assert.match(error.message, /AIRisk rejected the code: invalid_grant — Code expired\. txt\.exe/);
});

test('a hostile content type and redirect Location show sanitized, the redirect as its origin only', async () => {
  const redirected = await refusalFrom(rawAnswer('302 Found', { Location: `https://evil.example:8443/${HOSTILE_HEADER}path?x=${HOSTILE_HEADER}`, 'Content-Type': `text/html${HOSTILE_HEADER}` }, ''));
  assert.equal(redirected.code, 'token_http_error');
  assert.doesNotMatch(redirected.message, INVISIBLE_OR_CONTROL, JSON.stringify(redirected.message));
  assert.match(redirected.message, /HTTP 302 .* redirecting to https:\/\/evil\.example:8443, not a token/);
  assert.ok(!redirected.message.includes('/path') && !redirected.message.includes('x='), 'the path and query of the redirect are not shown');

  const notJson = await refusalFrom(rawAnswer('200 OK', { 'Content-Type': `text/plain${HOSTILE_HEADER}` }, 'hello'));
  assert.equal(notJson.code, 'token_not_json');
  assert.doesNotMatch(notJson.message, INVISIBLE_OR_CONTROL, JSON.stringify(notJson.message));

  const failing = await refusalFrom(rawAnswer('502 Bad Gateway', { 'Content-Type': `text/html${HOSTILE_HEADER}; charset=utf-8` }, '<h1>down</h1>'));
  assert.doesNotMatch(failing.message, INVISIBLE_OR_CONTROL, JSON.stringify(failing.message));
  assert.match(failing.message, /HTTP 502 \(text\/html/);
});

test('hostile text in an expiration or token_type of a 2xx answer does not survive into the message', async () => {
  for (const body of [{ access_token: 'tok', expiration: `2030${HOSTILE}` }, { access_token: 'tok', token_type: `mac${HOSTILE}`, expires_in: 60 }]) {
    const error = await refusalFrom(rawAnswer('200 OK', { 'Content-Type': 'application/json' }, JSON.stringify(body)));
    assert.equal(error.code, 'token_invalid_response');
    assert.doesNotMatch(error.message, INVISIBLE_OR_CONTROL, JSON.stringify(error.message));
  }
});

/** Exchanges against a one-answer server: `headers` and `body` are what it answers every POST with. */
async function exchangeWith(headers: Record<string, string>, body: unknown, options: { status?: number; bodyEncoding?: 'form' | 'json' } = {}): Promise<IssuedToken> {
  const { server, url } = await serve((_, res) => {
    res.writeHead(options.status ?? 200, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  try {
    return await exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url, bodyEncoding: options.bodyEncoding ?? 'form' } });
  } finally {
    server.close();
  }
}

const inHours = (hours: number): string => new Date(Date.now() + hours * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const httpDate = (offsetMs: number): string => new Date(Date.now() + offsetMs).toUTCString();

test('a Date header from 1970 is ignored as implausible: no 56-year skew, and a warning to check the system clock', async () => {
  const token = await exchangeWith({ Date: 'Thu, 01 Jan 1970 00:00:00 GMT' }, { access_token: 'tok', expiration: inHours(2) });
  assert.equal(token.clockSkewMs, 0);
  assert.equal(token.serverDate, undefined);
  assert.match(token.clockWarning ?? '', /^AIRisk's clock and this computer's differ by about 56 years \(AIRisk: 1970-01-01T00:00:00Z, this computer: \d{4}-.*\); check the system clock\.$/);
});

test('an offset within a day is still believed; beyond a day either way it is not', async () => {
  const near = await exchangeWith({ Date: httpDate(23 * 3600_000) }, { access_token: 'tok', expiration: inHours(30) });
  assert.ok(Math.abs(near.clockSkewMs - 23 * 3600_000) < 1500, `skew ${near.clockSkewMs}`);
  assert.equal(near.clockWarning, undefined);
  const behind = await exchangeWith({ Date: httpDate(-3 * 24 * 3600_000) }, { access_token: 'tok', expiration: inHours(2) });
  assert.equal(behind.clockSkewMs, 0);
  assert.match(behind.clockWarning ?? '', /differ by 3 days/);
});

test('a token that expired at or before AIRisk’s own time is refused, naming both times', async () => {
  // AIRisk's clock is an hour ahead: a token expiring in 30 min on this computer's clock is already dead on AIRisk's.
  await assert.rejects(
    exchangeWith({ Date: httpDate(3600_000) }, { access_token: 'tok', expiration: inHours(0.5) }),
    (error) => isSignInError(error, 'token_invalid_response') && /^AIRisk issued a token that had already expired \(it expires at .*; AIRisk's own clock said .*\)\. Nothing was stored/.test(error.message),
  );
  const sameSecond = new Date(Math.floor(Date.now() / 1000) * 1000);
  await assert.rejects(exchangeWith({ Date: sameSecond.toUTCString() }, { access_token: 'tok', expiration: sameSecond.toISOString() }), /already expired/);
});

test('without a usable Date, or with an implausible one, a token is judged expired on this computer’s clock', async () => {
  const { server, url } = await serve((_, res) => {
    res.sendDate = false;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'tok', expiration: inHours(-1) }));
  });
  try {
    await assert.rejects(
      exchangeCode({ ...exchange('code'), config: { ...sandboxConfig(sandbox), baseUrl: url } }),
      (error) => isSignInError(error, 'token_invalid_response') && /already expired .*this computer's clock said .* and AIRisk sent no Date/.test(error.message),
    );
  } finally {
    server.close();
  }
  // Date: 1970 must not rescue a token that is dead by this computer's clock; the message says to check the clock.
  await assert.rejects(exchangeWith({ Date: 'Thu, 01 Jan 1970 00:00:00 GMT' }, { access_token: 'tok', expiration: inHours(-1) }), (error) => isSignInError(error, 'token_invalid_response') && /already expired/.test(error.message) && /check the system clock/.test(error.message));
});

test('a standard answer {access_token, token_type, expires_in} is accepted, counted from AIRisk’s Date', async () => {
  const serverNow = Math.floor((Date.now() + 600_000) / 1000) * 1000;
  const token = await exchangeWith({ Date: new Date(serverNow).toUTCString() }, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 });
  assert.equal(token.expiration.getTime(), serverNow + 3600_000);
  assert.ok(Math.abs(token.clockSkewMs - 600_000) < 1500);
  const lower = await exchangeWith({}, { access_token: 'tok', token_type: 'bearer', expires_in: '120' });
  assert.ok(Math.abs(lower.expiration.getTime() - (Date.now() + 120_000)) < 2000);
});

test('AIRisk’s expiration wins over expires_in when both are sent', async () => {
  const token = await exchangeWith({}, { access_token: 'tok', expiration: '2030-01-01T00:00:00Z', expires_in: 60 });
  assert.equal(token.expiration.toISOString(), '2030-01-01T00:00:00.000Z');
});

test('an expires_in that is not a positive whole number of seconds is refused', async () => {
  for (const junk of [0, -60, 1.5, '3600s', 'soon', '', true, null, 1e20, [3600]]) {
    await assert.rejects(exchangeWith({}, { access_token: 'tok', expires_in: junk }), (error) => isSignInError(error, 'token_invalid_response') && /expires_in .*not a positive whole number of seconds/.test(error.message), `expires_in ${JSON.stringify(junk)}`);
  }
  await assert.rejects(exchangeWith({}, { access_token: 'tok' }), /has no expiration \(and no expires_in\)/);
});

test('a token_type other than Bearer is refused; its absence is fine', async () => {
  for (const tokenType of ['mac', 'DPoP', 'N_A', 42]) {
    await assert.rejects(exchangeWith({}, { access_token: 'tok', token_type: tokenType, expires_in: 60 }), (error) => isSignInError(error, 'token_invalid_response') && /token_type .*only use Bearer tokens/.test(error.message));
  }
  assert.equal((await exchangeWith({}, { access_token: 'tok', expires_in: 60 })).accessToken, 'tok');
});

test('invalid_request is "AIRisk refused the token request", not a rejected code', async () => {
  await assert.rejects(
    exchangeWith({}, { error: 'invalid_request', error_description: 'Missing required parameter: grant_type.' }, { status: 400 }),
    (error) => isSignInError(error, 'token_rejected') && error.message === 'AIRisk refused the token request: invalid_request — Missing required parameter: grant_type.',
  );
});

test('an invalid_request about the body’s format, or HTTP 415, suggests the other encoding', async () => {
  await assert.rejects(
    exchangeWith({}, { error: 'invalid_request', error_description: 'Unsupported content type' }, { status: 400 }),
    (error) => isSignInError(error, 'token_rejected') && /refused the token request: invalid_request — Unsupported content type\. It may not accept the token request as form fields: choose JSON under “Token request body” in Settings \(CLI: --body json\)/.test(error.message),
  );
  await assert.rejects(exchangeWith({}, { error: 'invalid_request', error_description: 'Could not parse the JSON body.' }, { status: 400, bodyEncoding: 'json' }), /choose Form under “Token request body” in Settings \(CLI: --body form\)/);
  await assert.rejects(exchangeWith({ 'Content-Type': 'text/html' }, '<h1>415</h1>', { status: 415 }), (error) => isSignInError(error, 'token_http_error') && /HTTP 415 .*--body json/.test(error.message));
});
