import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { startCallbackServer } from '../../src-main/core/oauth/callback-server.ts';
import type { CallbackServerOptions, PendingCallback } from '../../src-main/core/oauth/callback-server.ts';
import { constantTimeEqual } from '../../src-main/core/oauth/constant-time.ts';
import { loadOrCreateLocalhostCertificate } from '../../src-main/core/oauth/localhost-certificate.ts';
import { SignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import type { SignInErrorCode } from '../../src-main/core/oauth/sign-in-error.ts';
import { canListenOn } from '../support/loopback.ts';
import { lastJsonLine, runUnprivileged, whyUnprivilegedChildCannotRun } from '../support/unprivileged-child.ts';

const STATE = 'Vq9kXw3ZbT1yLr7NcA5mEu2pHs8dGf4j';
const CODE = 'auth-code-0123456789-abcdefghij';
const ISSUER = 'https://api.AIRisk.example.com';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

interface Call {
  readonly host?: string;
  readonly port: number;
  readonly path: string;
  readonly method?: string;
  readonly hostHeader?: string;
  readonly agent?: Agent;
  readonly ca?: string;
}

/** One request over real loopback TCP; node:http lets us set any Host header (fetch does not). */
function call(options: Call): Promise<Reply> {
  const host = options.host ?? '127.0.0.1';
  const defaultHostHeader = `${host.includes(':') ? `[${host}]` : host}:${options.port}`;
  const common = {
    host,
    port: options.port,
    path: options.path,
    method: options.method ?? 'GET',
    headers: { Host: options.hostHeader ?? defaultHostHeader },
  };
  return new Promise((resolve, reject) => {
    const onResponse = (response: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    };
    const req =
      options.ca === undefined
        ? httpRequest({ ...common, agent: options.agent ?? false }, onResponse)
        : httpsRequest({ ...common, agent: false, ca: options.ca, servername: 'localhost' }, onResponse);
    req.on('error', reject);
    req.end();
  });
}

function callbackPath(query: Record<string, string>): string {
  return `/callback?${new URLSearchParams(query).toString()}`;
}

function portOf(pending: PendingCallback): number {
  return Number(new URL(pending.redirectUri).port);
}

/** Resolves true when nothing accepts TCP connections on host:port any more. */
function refuses(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function occupy(port: number, host: string): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

function release(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function rejectsWith(promise: Promise<unknown>, code: SignInErrorCode, pattern?: RegExp): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SignInError, `expected a SignInError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (pattern !== undefined) assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected SignInError '${code}'`);
}

/** True once `promise` has settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([promise.then(() => true, () => true), timeout]);
  clearTimeout(timer);
  return result;
}

/** Starts a server for one test and always closes it afterwards. */
async function withServer(
  overrides: Partial<CallbackServerOptions>,
  body: (pending: PendingCallback, port: number) => Promise<void>,
): Promise<void> {
  const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER, ...overrides });
  try {
    await body(pending, portOf(pending));
  } finally {
    pending.cancel('test over');
    await pending.closed;
  }
}

function assertSafePage(reply: Reply): void {
  assert.equal(reply.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(reply.headers['cache-control'], 'no-store');
  assert.equal(reply.headers['referrer-policy'], 'no-referrer');
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  const csp = String(reply.headers['content-security-policy']);
  assert.match(csp, /^default-src 'none'; style-src 'unsafe-inline'(;|$)/);
  assert.match(reply.body, /^<!doctype html>/);
  assert.doesNotMatch(reply.body, /<script|<link|<img|<iframe|src=|href=|url\(|https?:\/\//i, 'no script, no external resource');
  assert.ok(!reply.body.includes(CODE), 'the page never shows the code');
  assert.ok(!reply.body.includes(STATE), 'the page never shows the state');
}

/** Asserts that `received` is still pending (the sign-in keeps waiting). */
async function assertStillWaiting(pending: PendingCallback): Promise<void> {
  assert.equal(await settlesWithin(pending.received, 50), false, 'the sign-in must keep waiting');
}

describe('callback server: the happy path', () => {
  test('gives the redirect URI with the real port when asked for port 0', async () => {
    await withServer({}, async (pending, port) => {
      assert.ok(port > 0);
      assert.equal(pending.redirectUri, `http://127.0.0.1:${port}/callback`);
    });
  });

  test('resolves with the code of a GET with the right state and shows the finish page', async () => {
    await withServer({}, async (pending, port) => {
      const reply = call({ port, path: callbackPath({ code: CODE, state: STATE }) });
      const received = await pending.received;
      assert.equal(received.code, CODE);
      received.finish({ ok: true, title: 'Signed in', detail: 'The token for user_42 is ready.' });
      const page = await reply;
      assert.equal(page.status, 200);
      assertSafePage(page);
      assert.match(page.body, /Signed in/);
      assert.match(page.body, /The token for user_42 is ready\./);
      assert.match(page.body, /You can close this tab and return to AIRisk Token Tray/);
    });
  });

  test('holds the browser until finish and shows a failure outcome', async () => {
    await withServer({}, async (pending, port) => {
      const reply = call({ port, path: callbackPath({ state: STATE, code: CODE }) });
      const received = await pending.received;
      assert.equal(await settlesWithin(reply, 100), false, 'the response waits for finish');
      received.finish({ ok: false, title: 'Token request failed', detail: 'AIRisk rejected the code.' });
      const page = await reply;
      assertSafePage(page);
      assert.match(page.body, /Token request failed/);
      assert.match(page.body, /AIRisk rejected the code\./);
    });
  });

  test('escapes every dynamic text on a page', async () => {
    await withServer({}, async (pending, port) => {
      const reply = call({ port, path: callbackPath({ state: STATE, code: CODE }) });
      const received = await pending.received;
      received.finish({ ok: false, title: '<script>alert(1)</script>', detail: 'a & b "c" \'d\' <b>bold</b>' });
      const page = await reply;
      assertSafePage(page);
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(page.body, /a &amp; b &quot;c&quot; &#39;d&#39; &lt;b&gt;bold&lt;\/b&gt;/);
    });
  });

  test('a replayed callback never resolves again: 409 saying the sign-in was already completed', async () => {
    await withServer({}, async (pending, port) => {
      let resolutions = 0;
      void pending.received.then(() => resolutions++);
      const first = call({ port, path: callbackPath({ state: STATE, code: CODE }) });
      const received = await pending.received;
      const replay = await call({ port, path: callbackPath({ state: STATE, code: 'a-second-code' }) });
      assert.equal(replay.status, 409);
      assertSafePage(replay);
      assert.match(replay.body, /already completed/);
      assert.ok(!replay.body.includes('a-second-code'));
      received.finish({ ok: true, title: 'Signed in', detail: 'Done.' });
      await first;
      assert.equal(resolutions, 1);
      assert.equal((await pending.received).code, CODE);
    });
  });

  test('answers the held request with a neutral page after finishTimeoutMs and closes', async () => {
    const pending = await startCallbackServer({
      redirectUri: 'http://127.0.0.1:0/callback',
      expectedState: STATE, expectedIssuer: ISSUER,
      finishTimeoutMs: 100,
    });
    const port = portOf(pending);
    const reply = call({ port, path: callbackPath({ state: STATE, code: CODE }) });
    const received = await pending.received;
    const page = await reply;
    assert.equal(page.status, 200);
    assertSafePage(page);
    assert.match(page.body, /return to AIRisk Token Tray/);
    assert.ok(await settlesWithin(pending.closed, 1000), 'closed within a second of the finish timeout');
    assert.ok(await refuses(port));
    received.finish({ ok: true, title: 'late', detail: 'late' }); // a late finish is harmless
  });
});

describe('callback server: only a GET on the exact path with the right state counts', () => {
  test('rejects a callback whose state does not match and keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      for (const state of ['wrong', `${STATE}x`, STATE.slice(0, -1), STATE.toLowerCase()]) {
        const reply = await call({ port, path: callbackPath({ state, code: CODE }) });
        assert.equal(reply.status, 400);
        assertSafePage(reply);
        assert.match(reply.body, /This link was not for the sign-in in progress — start again from the app/);
      }
      await assertStillWaiting(pending);
      const good = call({ port, path: callbackPath({ state: STATE, code: CODE }) });
      const received = await pending.received;
      assert.equal(received.code, CODE);
      received.finish({ ok: true, title: 'Signed in', detail: 'ok' });
      assert.equal((await good).status, 200);
    });
  });

  test('rejects a callback without state, or with state twice, and keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      assert.equal((await call({ port, path: callbackPath({ code: CODE }) })).status, 400);
      assert.equal((await call({ port, path: `/callback?code=${CODE}&state=${STATE}&state=${STATE}` })).status, 400);
      await assertStillWaiting(pending);
    });
  });

  test('answers 404 for other paths and keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      for (const path of ['/', '/favicon.ico', `/callback/x?state=${STATE}&code=${CODE}`, `/Callback?state=${STATE}&code=${CODE}`]) {
        const reply = await call({ port, path });
        assert.equal(reply.status, 404, path);
        assertSafePage(reply);
      }
      await assertStillWaiting(pending);
    });
  });

  test('answers 405 with Allow: GET for other methods on the callback path and keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
        const reply = await call({ port, method, path: callbackPath({ state: STATE, code: CODE }) });
        assert.equal(reply.status, 405, method);
        assert.equal(reply.headers['allow'], 'GET');
        assertSafePage(reply);
      }
      const head = await call({ port, method: 'HEAD', path: callbackPath({ state: STATE, code: CODE }) });
      assert.equal(head.status, 405);
      assert.equal(head.headers['allow'], 'GET');
      await assertStillWaiting(pending);
    });
  });

  test('rejects a callback with the right state but neither code nor error and keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      for (const path of [callbackPath({ state: STATE }), callbackPath({ state: STATE, code: '' })]) {
        const reply = await call({ port, path });
        assert.equal(reply.status, 400);
        assertSafePage(reply);
      }
      await assertStillWaiting(pending);
    });
  });

  test('refuses a non-loopback Host header with 400 (DNS rebinding) and keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      for (const hostHeader of [`evil.example:${port}`, `evil.example`, `127.0.0.1:${port + 1}`, '127.0.0.1', `0.0.0.0:${port}`, `localhost.:${port}`]) {
        const reply = await call({ port, hostHeader, path: callbackPath({ state: STATE, code: CODE }) });
        assert.equal(reply.status, 400, hostHeader);
        assertSafePage(reply);
      }
      await assertStillWaiting(pending);
    });
  });

  test('accepts 127.0.0.1:PORT, [::1]:PORT and localhost:PORT as Host', async () => {
    await withServer({}, async (_pending, port) => {
      for (const hostHeader of [`127.0.0.1:${port}`, `[::1]:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
        const reply = await call({ port, hostHeader, path: '/not-the-callback' });
        assert.equal(reply.status, 404, `${hostHeader} passes the Host check`);
      }
    });
  });

  test('accepts a Host header without the port when the port is the scheme default', async (t: TestContext) => {
    let pending: PendingCallback;
    try {
      pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1/callback', expectedState: STATE, expectedIssuer: ISSUER });
    } catch (error) {
      assert.ok(error instanceof SignInError && error.code === 'callback_port_unavailable');
      t.skip('port 80 cannot be bound here');
      return;
    }
    try {
      assert.equal(pending.redirectUri, 'http://127.0.0.1/callback');
      for (const hostHeader of ['127.0.0.1', '[::1]', 'localhost', '127.0.0.1:80']) {
        assert.equal((await call({ port: 80, hostHeader, path: '/other' })).status, 404, hostHeader);
      }
      assert.equal((await call({ port: 80, hostHeader: '127.0.0.1:443', path: '/other' })).status, 400);
    } finally {
      pending.cancel();
      await pending.closed;
    }
  });

  test('compares state in constant time over equal-length digests', () => {
    assert.equal(constantTimeEqual(STATE, STATE), true);
    assert.equal(constantTimeEqual(STATE, `${STATE}x`), false);
    assert.equal(constantTimeEqual('', STATE), false);
    assert.equal(constantTimeEqual(STATE.slice(0, 10), STATE), false);
  });
});

describe('callback server: AIRisk errors', () => {
  test('error=access_denied with the right state ends the sign-in as access_denied', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const port = portOf(pending);
    const reply = await call({
      port,
      path: callbackPath({ error: 'access_denied', error_description: 'The user <b>denied</b>\u0000 access', state: STATE }),
    });
    const error = await rejectsWith(pending.received, 'access_denied', /^AIRisk refused the sign-in \(access_denied\): “The user <b>denied<\/b> access”/);
    assert.ok(!error.message.includes('\u0000'));
    assert.doesNotMatch(error.message, /declined/);
    assert.equal(error.oauthError, 'access_denied');
    assertSafePage(reply);
    assert.match(reply.body, /Sign-in refused/);
    assert.match(reply.body, /AIRisk refused the sign-in \(access_denied\)/);
    assert.match(reply.body, /&lt;b&gt;denied&lt;\/b&gt;/);
    assert.match(reply.body, /You can close this tab and return to AIRisk Token Tray/);
    assert.ok(await settlesWithin(pending.closed, 1000), 'closed within a second of the failure');
    assert.ok(await refuses(port));
  });

  test('error=access_denied without a description says AIRisk refused the sign-in, not that the person declined', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const reply = await call({ port: portOf(pending), path: callbackPath({ error: 'access_denied', state: STATE }) });
    const error = await rejectsWith(pending.received, 'access_denied', /^AIRisk refused the sign-in \(access_denied\) without giving a reason, so no token was requested\./);
    assert.doesNotMatch(error.message, /declined|“/);
    assertSafePage(reply);
    assert.match(reply.body, /<h1>Sign-in refused<\/h1>/);
    assert.match(reply.body, /AIRisk refused the sign-in \(access_denied\) without giving a reason/);
    assert.doesNotMatch(reply.body, /declined/);
    await pending.closed;
  });

  test('another error= ends the sign-in as authorization_error naming the code and description', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const port = portOf(pending);
    const reply = await call({ port, path: callbackPath({ error: 'invalid_scope', error_description: 'scope x unknown', state: STATE }) });
    const error = await rejectsWith(pending.received, 'authorization_error', /invalid_scope.*scope x unknown/);
    assert.equal(error.oauthError, 'invalid_scope');
    assertSafePage(reply);
    assert.match(reply.body, /invalid_scope/);
    assert.ok(await settlesWithin(pending.closed, 1000));
  });

  test('an error callback with a wrong state is treated as forged: 400 and the sign-in keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      for (const query of [{ error: 'access_denied', state: 'forged' }, { error: 'access_denied' }, { error: 'server_error', state: `${STATE}0` }]) {
        const reply = await call({ port, path: callbackPath(query) });
        assert.equal(reply.status, 400);
        assertSafePage(reply);
      }
      await assertStillWaiting(pending);
      const good = call({ port, path: callbackPath({ code: CODE, state: STATE }) });
      (await pending.received).finish({ ok: true, title: 'Signed in', detail: 'ok' });
      assert.equal((await good).status, 200);
    });
  });
});

describe('callback server: the issuer at the callback (RFC 9207)', () => {
  test('refuses a code whose iss names another issuer: the sign-in ends as issuer_mismatch naming both, and the page says so', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const port = portOf(pending);
    const other = `https://attacker.example/${'x'.repeat(300)}\u202E`;
    const reply = await call({ port, path: callbackPath({ code: CODE, state: STATE, iss: other }) });
    const error = await rejectsWith(pending.received, 'issuer_mismatch', /names the issuer “https:\/\/attacker\.example\/x+…”, but the sign-in expects “https:\/\/api\.AIRisk\.example\.com”/);
    assert.match(error.message, /its code was refused and no token was requested/);
    assert.ok(!error.message.includes('\u202E') && error.message.length < 700, 'the issuer shown is sanitized and short');
    assert.equal(reply.status, 400);
    assertSafePage(reply);
    assert.match(reply.body, /Sign-in refused: another issuer/);
    assert.doesNotMatch(reply.body, /attacker/, 'the page does not show the other issuer');
    assert.ok(await settlesWithin(pending.closed, 1000), 'closed within a second of the refusal');
    assert.ok(await refuses(port));
  });

  test('refuses an error callback whose iss names another issuer as issuer_mismatch', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    await call({ port: portOf(pending), path: callbackPath({ error: 'access_denied', state: STATE, iss: 'https://attacker.example' }) });
    await rejectsWith(pending.received, 'issuer_mismatch', /attacker\.example/);
    await pending.closed;
  });

  test('delivers a code whose iss names the expected issuer, and one without iss', async () => {
    for (const query of [{ code: CODE, state: STATE, iss: ISSUER }, { code: CODE, state: STATE }]) {
      await withServer({}, async (pending, port) => {
        const reply = call({ port, path: callbackPath(query) });
        const received = await pending.received;
        assert.equal(received.code, CODE);
        received.finish({ ok: true, title: 'Signed in', detail: 'ok' });
        assert.equal((await reply).status, 200);
      });
    }
  });

  test('an iss that differs only by a trailing slash or case is another issuer', async () => {
    for (const iss of [`${ISSUER}/`, ISSUER.toLowerCase()]) {
      const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
      await call({ port: portOf(pending), path: callbackPath({ code: CODE, state: STATE, iss }) });
      await rejectsWith(pending.received, 'issuer_mismatch', /expects/);
      await pending.closed;
    }
  });

  test('a callback with iss twice is ignored and the sign-in keeps waiting', async () => {
    await withServer({}, async (pending, port) => {
      const reply = await call({ port, path: `/callback?code=${CODE}&state=${STATE}&iss=${encodeURIComponent(ISSUER)}&iss=x` });
      assert.equal(reply.status, 400);
      await assertStillWaiting(pending);
    });
  });
});

describe('callback server: listens on loopback only, only while a sign-in is pending', () => {
  let ipv6 = false;
  before(async () => {
    ipv6 = await canListenOn('::1');
  });

  test('listens on both 127.0.0.1 and ::1 (same port) for localhost', async (t: TestContext) => {
    await withServer({ redirectUri: 'http://localhost:0/callback' }, async (pending, port) => {
      assert.equal(pending.redirectUri, `http://localhost:${port}/callback`);
      const v4 = await call({ host: '127.0.0.1', port, hostHeader: `localhost:${port}`, path: '/' });
      assert.equal(v4.status, 404, 'reachable on 127.0.0.1');
      if (!ipv6) {
        t.skip('no IPv6 loopback on this machine');
        return;
      }
      const v6 = call({ host: '::1', port, hostHeader: `localhost:${port}`, path: callbackPath({ state: STATE, code: CODE }) });
      const received = await pending.received;
      assert.equal(received.code, CODE, 'the callback arrived over ::1');
      received.finish({ ok: true, title: 'Signed in', detail: 'ok' });
      assert.equal((await v6).status, 200);
      assert.ok(await settlesWithin(pending.closed, 1000));
      assert.ok(await refuses(port, '127.0.0.1'));
      assert.ok(await refuses(port, '::1'));
    });
  });

  test('carries on with 127.0.0.1 only when ::1 is not available on the machine', async (t: TestContext) => {
    const original = net.Server.prototype.listen;
    // Simulate a machine without IPv6 loopback: binding ::1 fails as the kernel would report it.
    t.mock.method(net.Server.prototype, 'listen', function (this: net.Server, ...args: unknown[]) {
      if (args[1] === '::1') {
        const error = Object.assign(new Error('listen EADDRNOTAVAIL: address not available ::1'), { code: 'EADDRNOTAVAIL' });
        process.nextTick(() => this.emit('error', error));
        return this;
      }
      return Reflect.apply(original, this, args) as net.Server;
    });
    await withServer({ redirectUri: 'http://localhost:0/callback' }, async (pending, port) => {
      const reply = call({ port, hostHeader: `localhost:${port}`, path: callbackPath({ state: STATE, code: CODE }) });
      (await pending.received).finish({ ok: true, title: 'Signed in', detail: 'ok' });
      assert.equal((await reply).status, 200);
    });
  });

  test('listens on 127.0.0.1 alone for a 127.0.0.1 redirect URI', async (t: TestContext) => {
    await withServer({}, async (_pending, port) => {
      assert.equal((await call({ port, path: '/' })).status, 404);
      if (!ipv6) {
        t.skip('no IPv6 loopback on this machine');
        return;
      }
      assert.ok(await refuses(port, '::1'));
    });
  });

  test('never listens on a non-loopback interface (no 0.0.0.0)', async (t: TestContext) => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((info) => info !== undefined && !info.internal && info.family === 'IPv4');
    await withServer({ redirectUri: 'http://localhost:0/callback' }, async (_pending, port) => {
      if (external === undefined) {
        t.skip('no non-loopback IPv4 interface on this machine');
        return;
      }
      assert.ok(await refuses(port, external.address), `port ${port} must not answer on ${external.address}`);
    });
  });

  test('closes within a second after success', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const port = portOf(pending);
    const reply = call({ port, path: callbackPath({ state: STATE, code: CODE }) });
    const received = await pending.received;
    const started = performance.now();
    received.finish({ ok: true, title: 'Signed in', detail: 'ok' });
    await reply;
    await pending.closed;
    assert.ok(performance.now() - started < 1000, 'closed within a second of finish');
    assert.ok(await refuses(port));
  });

  test('closes within a second after cancel and rejects the wait with cancelled', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const port = portOf(pending);
    const started = performance.now();
    pending.cancel('A newer sign-in started.');
    await rejectsWith(pending.received, 'cancelled', /A newer sign-in started\./);
    await pending.closed;
    assert.ok(performance.now() - started < 1000);
    assert.ok(await refuses(port));
  });

  test('cancel is idempotent', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    pending.cancel();
    pending.cancel('again');
    await rejectsWith(pending.received, 'cancelled', /cancelled/);
    await pending.closed;
    pending.cancel();
  });

  test('cancel while the browser is held answers it and closes', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const port = portOf(pending);
    const reply = call({ port, path: callbackPath({ state: STATE, code: CODE }) });
    await pending.received;
    pending.cancel();
    const page = await reply;
    assertSafePage(page);
    assert.match(page.body, /cancelled/);
    assert.ok(await settlesWithin(pending.closed, 1000));
    assert.ok(await refuses(port));
  });

  test('times out with callback_timeout saying how long it waited and that the person can start again', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER, timeoutMs: 150 });
    const port = portOf(pending);
    await rejectsWith(pending.received, 'callback_timeout', /within 150 ms.*start again/);
    assert.ok(await settlesWithin(pending.closed, 1000));
    assert.ok(await refuses(port));
  });

  test('waits 5 minutes by default', async (t: TestContext) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    t.mock.timers.tick(5 * 60_000 - 1);
    await assertStillWaitingWithoutTimers(pending);
    t.mock.timers.tick(1);
    await rejectsWith(pending.received, 'callback_timeout', /within 5 minutes.*start again/);
    t.mock.timers.reset();
    await pending.closed;
  });

  test('keep-alive and silent connections do not hold it open', async () => {
    const pending = await startCallbackServer({ redirectUri: 'http://127.0.0.1:0/callback', expectedState: STATE, expectedIssuer: ISSUER });
    const port = portOf(pending);
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    try {
      const reply = await call({ port, path: '/', agent });
      assert.equal(reply.status, 404);
      const silent = net.connect({ host: '127.0.0.1', port });
      await new Promise((resolve) => silent.once('connect', resolve));
      silent.on('error', () => undefined);
      const started = performance.now();
      pending.cancel();
      await pending.closed;
      assert.ok(performance.now() - started < 1000);
      silent.destroy();
      assert.ok(await refuses(port));
    } finally {
      agent.destroy();
    }
  });

  test('leaves no timer or server behind once closed', async () => {
    const count = (type: string): number => process.getActiveResourcesInfo().filter((name) => name === type).length;
    const timersBefore = count('Timeout');
    const serversBefore = count('TCPServerWrap');
    const pending = await startCallbackServer({
      redirectUri: 'http://localhost:0/callback',
      expectedState: STATE, expectedIssuer: ISSUER,
      finishTimeoutMs: 60_000,
    });
    const port = portOf(pending);
    const reply = call({ port, hostHeader: `localhost:${port}`, path: callbackPath({ state: STATE, code: CODE }) });
    (await pending.received).finish({ ok: true, title: 'Signed in', detail: 'ok' });
    await reply;
    await pending.closed;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(count('TCPServerWrap'), serversBefore);
    assert.equal(count('Timeout'), timersBefore);
  });
});

/** With mocked timers, a short real wait is not possible: check pending-ness via a microtask race. */
async function assertStillWaitingWithoutTimers(pending: PendingCallback): Promise<void> {
  const marker = Symbol('pending');
  const result = await Promise.race([pending.received.then(() => 'resolved', () => 'rejected'), new Promise((resolve) => setImmediate(() => resolve(marker)))]);
  assert.equal(result, marker, 'the sign-in must keep waiting');
}

describe('callback server: port problems and configuration', () => {
  test('reports a port in use as callback_port_unavailable naming the port, the host and the fix', async () => {
    const blocker = await occupy(0, '127.0.0.1');
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const error = await rejectsWith(
        startCallbackServer({ redirectUri: `http://127.0.0.1:${port}/callback`, expectedState: STATE, expectedIssuer: ISSUER }),
        'callback_port_unavailable',
      );
      assert.match(error.message, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(error.message, /Free the port/);
      assert.match(error.message, /choose another port in the redirect URI .* and register that redirect URI with AIRisk/);
    } finally {
      await release(blocker);
    }
  });

  test('reports ::1 in use for localhost and frees 127.0.0.1 again', async (t: TestContext) => {
    if (!(await canListenOn('::1'))) {
      t.skip('no IPv6 loopback on this machine');
      return;
    }
    const blocker = await occupy(0, '::1');
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const error = await rejectsWith(
        startCallbackServer({ redirectUri: `http://localhost:${port}/callback`, expectedState: STATE, expectedIssuer: ISSUER }),
        'callback_port_unavailable',
      );
      assert.match(error.message, new RegExp(`port ${port} on \\[::1\\] is already in use`));
      assert.ok(await refuses(port, '127.0.0.1'), 'the 127.0.0.1 half was closed again');
    } finally {
      await release(blocker);
    }
  });

  test('explains a privileged port (443 on Linux) with the paste fallback', async (t: TestContext) => {
    if (process.platform !== 'linux') {
      t.skip('privileged ports are a Linux rule');
      return;
    }
    // Root may bind 443, so the attempt runs in a child process as an ordinary user when we are root.
    const moduleUrl = new URL('../../src-main/core/oauth/callback-server.ts', import.meta.url).href;
    const cannotRun = await whyUnprivilegedChildCannotRun([moduleUrl]);
    if (cannotRun !== undefined) {
      t.skip(cannotRun);
      return;
    }
    const script = `
      const { startCallbackServer } = await import(${JSON.stringify(moduleUrl)});
      try {
        const pending = await startCallbackServer({ redirectUri: 'https://localhost/callback', expectedState: 's', expectedIssuer: 'https://airisk.example', tls: { key: '', cert: '' } });
        pending.cancel(); await pending.closed;
        console.log(JSON.stringify({ bound: true }));
      } catch (error) {
        console.log(JSON.stringify({ code: error.code, message: error.message }));
      }`;
    const child = await runUnprivileged(script);
    const outcome = lastJsonLine<{ bound?: boolean; code?: string; message?: string }>(child);
    assert.equal(child.status, 0, child.stderr);
    assert.ok(outcome !== undefined, `the child printed its outcome: ${child.stderr}`);
    if (outcome.bound === true) {
      t.skip('port 443 is not privileged on this machine');
      return;
    }
    assert.equal(outcome.code, 'callback_port_unavailable', outcome.message);
    assert.match(outcome.message ?? '', /port 443 on 127\.0\.0\.1 is a privileged port/);
    assert.match(outcome.message ?? '', /Use a port of 1024 or above/);
    assert.match(outcome.message ?? '', /pasting the URL the browser was redirected to/);
  });

  test('an https redirect URI without a certificate is a configuration error', async () => {
    await rejectsWith(
      startCallbackServer({ redirectUri: 'https://localhost:0/callback', expectedState: STATE, expectedIssuer: ISSUER }),
      'invalid_configuration',
      /needs a certificate/,
    );
  });

  test('a non-loopback redirect URI is refused before anything listens', async () => {
    await rejectsWith(
      startCallbackServer({ redirectUri: 'http://0.0.0.0:0/callback', expectedState: STATE, expectedIssuer: ISSUER }),
      'invalid_configuration',
      /loopback/,
    );
  });
});

describe('callback server over https', () => {
  let directory = '';
  let certificate: { key: string; cert: string };
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'airisk-callback-tls-'));
    certificate = await loadOrCreateLocalhostCertificate(join(directory, 'tls'));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  test('serves the callback end-to-end with the generated localhost certificate', async (t: TestContext) => {
    const pending = await startCallbackServer({
      redirectUri: 'https://localhost:0/callback',
      expectedState: STATE, expectedIssuer: ISSUER,
      tls: { key: certificate.key, cert: certificate.cert },
    });
    const port = portOf(pending);
    assert.equal(pending.redirectUri, `https://localhost:${port}/callback`);
    const wrong = await call({ port, ca: certificate.cert, hostHeader: `localhost:${port}`, path: callbackPath({ state: 'x', code: CODE }) });
    assert.equal(wrong.status, 400);
    assertSafePage(wrong);
    const host = (await canListenOn('::1')) ? '::1' : '127.0.0.1';
    if (host === '127.0.0.1') t.diagnostic('no IPv6 loopback: the https callback goes over 127.0.0.1');
    const reply = call({ host, port, ca: certificate.cert, hostHeader: `localhost:${port}`, path: callbackPath({ state: STATE, code: CODE }) });
    const received = await pending.received;
    assert.equal(received.code, CODE);
    received.finish({ ok: true, title: 'Signed in', detail: 'over https' });
    const page = await reply;
    assert.equal(page.status, 200);
    assertSafePage(page);
    assert.ok(await settlesWithin(pending.closed, 1000));
    assert.ok(await refuses(port));
  });

  test('a client that does not trust the certificate cannot complete the callback', async () => {
    const pending = await startCallbackServer({
      redirectUri: 'https://localhost:0/callback',
      expectedState: STATE, expectedIssuer: ISSUER,
      tls: { key: certificate.key, cert: certificate.cert },
    });
    try {
      const port = portOf(pending);
      await assert.rejects(
        new Promise((resolve, reject) => {
          const req = httpsRequest({ host: '127.0.0.1', port, servername: 'localhost', path: callbackPath({ state: STATE, code: CODE }), agent: false }, resolve);
          req.on('error', reject);
          req.end();
        }),
        /self-signed|self signed|unable to verify/i,
      );
      await assertStillWaiting(pending);
    } finally {
      pending.cancel();
      await pending.closed;
    }
  });
});
