/**
 * A wrong base URL fails fast: before the browser opens, the sign-in page must answer at all (any
 * HTTP status) within 3 s. Real servers on loopback: a closed port, a server that accepts and never
 * answers, one that answers 404.
 */
import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { FetchPort } from '../../src-main/core/oauth/fetch-port.ts';
import { isSignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { DEFAULT_REACH_TIMEOUT_MS, startSignIn, type SignInProgress } from '../../src-main/core/oauth/sign-in.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { sandboxConfig } from '../support/sign-in-fixtures.ts';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

/** A loopback server answering with `listener` (which may never answer); `close` drops every connection. */
async function serve(listener: RequestListener): Promise<{ url: string; accepted: () => number; close: () => Promise<void> }> {
  const server = createServer(listener);
  let accepted = 0;
  server.on('connection', () => accepted++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser stand-in that only records what it was asked to open. */
function recordingBrowser(): { opened: string[]; openUrl: (url: string) => Promise<void> } {
  const opened: string[] = [];
  return { opened, openUrl: async (url) => void opened.push(url) };
}

/** The sign-in's rejection, with how long it took. */
async function failure(result: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await result;
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  assert.fail('the sign-in succeeded');
}

test('a sign-in against a closed loopback port fails before the browser opens, in one sentence naming the sign-in page and ECONNREFUSED', async () => {
  const { url, close } = await serve(() => undefined);
  await close();
  const browser = recordingBrowser();
  const stages: string[] = [];
  const { error, ms } = await failure(startSignIn({ config: sandboxConfig(sandbox, { baseUrl: url }), userid: 'user_42', onProgress: (progress) => stages.push(progress.stage) }, browser).result);
  assert.ok(isSignInError(error, 'authorization_unreachable'), String(error));
  assert.equal(error.message, `Nothing answers at ${url}/api/oauth2/Authorize (ECONNREFUSED): check the base URL and that AIRisk is running.`);
  assert.ok(!error.message.includes('?'), 'no query (state, client id, challenge) in the sentence');
  assert.deepEqual(browser.opened, [], 'the browser never opened');
  assert.ok(!stages.includes('waiting_for_browser'), 'it never waited for the browser');
  assert.ok(ms < 2000, `failed at once (${ms} ms)`);
});

test('a sign-in page that accepts the connection and never answers ends the sign-in within the 3 s reach timeout, and the browser never opens', { timeout: 15_000 }, async () => {
  const hostile = await serve(() => undefined);
  try {
    const browser = recordingBrowser();
    const { error, ms } = await failure(startSignIn({ config: sandboxConfig(sandbox, { baseUrl: hostile.url }) }, browser).result);
    assert.ok(isSignInError(error, 'authorization_unreachable'), String(error));
    assert.equal(error.message, `No answer from ${hostile.url}/api/oauth2/Authorize within 3 s: check the base URL and your network or proxy.`);
    assert.equal(hostile.accepted(), 1, 'the server did accept the connection');
    assert.deepEqual(browser.opened, []);
    assert.equal(DEFAULT_REACH_TIMEOUT_MS, 3000);
    assert.ok(ms >= 2900 && ms < 4500, `gave up after the reach timeout (${ms} ms)`);
  } finally {
    await hostile.close();
  }
});

test('a sign-in page that answers 404 counts as answering: the browser opens and the sign-in waits for it, with a deadline', async () => {
  const notFound = await serve((_, response) => response.writeHead(404).end('no such page'));
  try {
    const browser = recordingBrowser();
    const progress: SignInProgress[] = [];
    const before = Date.now();
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { baseUrl: notFound.url }), callbackTimeoutMs: 60_000, onProgress: (next) => progress.push(next) }, browser);
    attempt.result.catch(() => undefined);
    while (browser.opened.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = progress.find((next) => next.stage === 'waiting_for_browser');
    assert.ok(waiting?.stage === 'waiting_for_browser', 'waits for the browser');
    assert.ok(waiting.deadline >= before + 60_000 && waiting.deadline <= Date.now() + 60_000, 'the deadline is when the wait ends');
    attempt.cancel();
    assert.ok(isSignInError(await failure(attempt.result).then(({ error }) => error), 'cancelled'));
  } finally {
    await notFound.close();
  }
});

test('the reach check goes through the FetchPort as one GET of the bare sign-in page, without its query', async () => {
  const calls: { url: string; method: string; body: string | null }[] = [];
  const fetchPort: FetchPort = async (url, init) => {
    calls.push({ url, method: init.method, body: init.body });
    return fetch(url, init);
  };
  const browser = recordingBrowser();
  const attempt = startSignIn({ config: sandboxConfig(sandbox), userid: 'user_42' }, { ...browser, fetch: fetchPort });
  attempt.result.catch(() => undefined);
  while (browser.opened.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  attempt.cancel();
  assert.deepEqual(calls, [{ url: `${sandbox.url}/api/oauth2/Authorize`, method: 'GET', body: null }]);
});

test('cancelling during the reach check ends the sign-in as cancelled, not as unreachable, and opens nothing', async () => {
  const hostile = await serve(() => undefined);
  try {
    const browser = recordingBrowser();
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { baseUrl: hostile.url }) }, browser);
    while (hostile.accepted() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    attempt.cancel();
    const { error, ms } = await failure(attempt.result);
    assert.ok(isSignInError(error, 'cancelled'), String(error));
    assert.ok(ms < 1000, `at once (${ms} ms)`);
    assert.deepEqual(browser.opened, []);
  } finally {
    await hostile.close();
  }
});

test('a sign-in page whose quick check is reset (a proxy or firewall treating it unlike a browser) does not lock the person out: the browser opens, with a note saying why it may fail', { timeout: 10_000 }, async () => {
  const resetting = await serve((request) => request.socket.destroy());
  try {
    const browser = recordingBrowser();
    const progress: SignInProgress[] = [];
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { baseUrl: resetting.url }), onProgress: (next) => progress.push(next) }, browser);
    attempt.result.catch(() => undefined);
    while (browser.opened.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = progress.find((next) => next.stage === 'waiting_for_browser');
    assert.ok(waiting?.stage === 'waiting_for_browser', 'waits for the browser');
    assert.match(waiting.notes.join(' '), /^A quick check of the sign-in page failed, so the browser may not reach it either: Could not reach http:\/\/127\.0\.0\.1:\d+\/api\/oauth2\/Authorize/);
    assert.ok(!waiting.notes.join(' ').includes('?'), 'no query in the note');
    attempt.cancel();
  } finally {
    await resetting.close();
  }
});

test('the quick check does not follow a redirect: a sign-in page that redirects elsewhere counts as answering, and the other server gets nothing', { timeout: 10_000 }, async () => {
  const elsewhere = await serve((_, response) => response.writeHead(200).end('elsewhere'));
  const redirecting = await serve((_, response) => response.writeHead(302, { Location: `${elsewhere.url}/collect` }).end());
  try {
    const browser = recordingBrowser();
    const attempt = startSignIn({ config: sandboxConfig(sandbox, { baseUrl: redirecting.url }) }, browser);
    attempt.result.catch(() => undefined);
    while (browser.opened.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    attempt.cancel();
    assert.equal(elsewhere.accepted(), 0, 'the redirect target was never asked');
  } finally {
    await redirecting.close();
    await elsewhere.close();
  }
});
