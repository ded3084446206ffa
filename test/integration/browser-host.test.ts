import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import type { AppState } from '../../src-main/contract.ts';
import { AIRISK_METHOD_NAMES } from '../../src-main/contract-methods.ts';
import { MAX_TEXT_LENGTH } from '../../src-main/core/ipc/ipc-arguments.ts';
import { bindContractHandlers } from '../../src-main/core/ipc/ipc-binding.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { startBrowserHost, type BrowserHost } from '../support/browser-host/browser-host.ts';
import { RendererMissingError } from '../support/browser-host/renderer-build.ts';
import { HOST_KEY_HEADER } from '../support/browser-host/request-guard.ts';
import { BRIDGE_SCRIPT_TAG } from '../support/browser-host/static-files.ts';
import { createTinyRenderer } from '../support/browser-host/tiny-renderer.ts';
import { completeConsent } from '../support/consent.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

let sandbox: Sandbox;
let rendererDir: string;
let dataDir: string;
let host: BrowserHost;
let key: string;

before(async () => {
  sandbox = await startSandbox();
  rendererDir = await createTinyRenderer();
});
after(async () => {
  await sandbox.close();
  await rm(rendererDir, { recursive: true, force: true });
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'airisk-host-'));
  host = await startBrowserHost({ dataDir, sandbox, rendererDir });
  key = keyOf(host);
});
afterEach(async () => {
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** One request with node:http, so the path is sent exactly as written and Host can be forged. */
function send(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${host.port}`, ...options.headers };
    if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const req = request({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.once('error', reject);
    req.end(options.body);
  });
}

/** The per-run key the printed URL hands to the page in its fragment. */
function keyOf(running: BrowserHost): string {
  return /^#key=([\w-]+)$/.exec(new URL(running.url).hash)?.[1] ?? '';
}

/** A bridge call as bridge.js sends it, with the key header. */
async function call(method: string, args: unknown[], headers: Record<string, string> = {}): Promise<RawResponse> {
  return send({
    method: 'POST',
    path: `/__airisk/call/${method}`,
    headers: { [HOST_KEY_HEADER]: key, 'Content-Type': 'application/json', Origin: host.origin, ...headers },
    body: JSON.stringify({ args }),
  });
}

/** The event stream as a page sees it: resolves each `next` with the next event of that name. */
async function subscribe(): Promise<{ next(name: string): Promise<string>; close(): void }> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/__airisk/events', headers: { Host: `127.0.0.1:${host.port}`, [HOST_KEY_HEADER]: key }, agent: false }, resolve);
    req.once('error', reject);
    req.end();
  });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] ?? '', /^text\/event-stream/);
  const received: { name: string; data: string }[] = [];
  const waiting: { name: string; resolve: (data: string) => void }[] = [];
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(frame)?.[1];
      const data = [...frame.matchAll(/^data: (.*)$/gm)].map((match) => match[1]).join('\n');
      if (name === undefined) continue;
      const index = waiting.findIndex((waiter) => waiter.name === name);
      if (index === -1) received.push({ name, data });
      else waiting.splice(index, 1)[0]?.resolve(data);
    }
  });
  return {
    next(name) {
      const index = received.findIndex((event) => event.name === name);
      if (index !== -1) return Promise.resolve(received.splice(index, 1)[0]?.data ?? '');
      return new Promise((resolve) => waiting.push({ name, resolve }));
    },
    close: () => res.destroy(),
  };
}

test('the printed URL hands the key to the page in its fragment, and no answer ever sets a cookie', async () => {
  const url = new URL(host.url);
  assert.equal(url.origin, host.origin);
  assert.equal(`${url.pathname}${url.search}`, '/', 'nothing in the path or query: a fragment never reaches a server or its logs');
  assert.match(key, /^[\w-]{43}$/, '256 random bits, base64url');
  const answers = [
    await send({ path: '/' }),
    await send({ path: '/?key=' + key }),
    await send({ path: '/app.js' }),
    await send({ path: '/__airisk/bridge.js' }),
    await call('getState', []),
    await call('getState', [], { [HOST_KEY_HEADER]: 'wrong' }),
  ];
  for (const answer of answers) assert.equal(answer.headers['set-cookie'], undefined, 'cookies ignore ports: any server on 127.0.0.1 would receive one');
  assert.doesNotMatch(answers[0]?.body ?? '', new RegExp(key), 'the page does not carry the key either');
});

test('calls and the event stream need the key in X-AIRisk-Host-Key; pages, assets and bridge.js are public', async () => {
  for (const headers of [{ [HOST_KEY_HEADER]: '' }, { [HOST_KEY_HEADER]: 'A'.repeat(43) }, { [HOST_KEY_HEADER]: '', Cookie: `airisk_host_${host.port}=${key}` }]) {
    assert.equal((await call('getState', [], headers)).status, 401, JSON.stringify(headers));
    assert.equal((await send({ path: '/__airisk/events', headers })).status, 401);
  }
  assert.equal((await send({ path: `/__airisk/events?key=${key}` })).status, 401, 'a key in the URL is no ticket');
  assert.equal((await send({ method: 'POST', path: `/__airisk/call/getState?key=${key}`, headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}' })).status, 401);
  assert.equal((await call('getState', [])).status, 200);
  for (const path of ['/', '/index.html', '/app.js', '/__airisk/bridge.js']) assert.equal((await send({ path })).status, 200, path);
});

test('a foreign Host header is refused, so a rebound DNS name cannot reach the host', async () => {
  for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `[::1]:${host.port}`]) {
    const response = await send({ path: '/', headers: { Host: hostHeader } });
    assert.ok(response.status === 400 || response.status === 403, `${hostHeader}: ${response.status}`);
    assert.equal((await call('getState', [], { Host: hostHeader, Origin: `http://${hostHeader}` })).status, 403);
  }
  assert.equal((await send({ path: '/', headers: { Host: `localhost:${host.port}` } })).status, 200, 'localhost:PORT is ours');
});

test('a foreign Origin is refused (CSRF), even with the key', async () => {
  for (const origin of ['http://evil.example', sandbox.url, `http://127.0.0.1:${host.port + 1}`, 'null']) {
    const response = await call('saveConnection', [null, { name: 'Attacker', clientId: 'attacker' }], { Origin: origin });
    assert.equal(response.status, 403, origin);
  }
  assert.deepEqual((await host.service.getSettings()).connections, [], 'nothing changed');
  assert.equal((await call('getState', [], { Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` })).status, 200);
});

test('path traversal is refused: only files inside the renderer folder are served', async () => {
  const outside = join(dataDir, 'outside.txt');
  await writeFile(outside, 'secret outside the renderer');
  await symlink(outside, join(rendererDir, 'link.txt'));
  try {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/%2E%2E/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/..%5c..%5cpackage.json', '/assets\\..\\..\\package.json', '/%00index.html', '/%zz', '/link.txt', '/.hidden', '/assets']) {
      const response = await send({ path });
      assert.ok([400, 404].includes(response.status), `${path}: ${response.status}`);
      assert.doesNotMatch(response.body, /airisk-token-tray|secret outside/, path);
    }
  } finally {
    await rm(join(rendererDir, 'link.txt'));
  }
});

test('static files carry their content type, no-store and nosniff; index.html gets the bridge first in <head>', async () => {
  const expected: [string, RegExp][] = [
    ['/', /^text\/html; charset=utf-8$/],
    ['/index.html', /^text\/html; charset=utf-8$/],
    ['/app.js', /^text\/javascript/],
    ['/assets/style.css', /^text\/css/],
    ['/__airisk/bridge.js', /^text\/javascript/],
  ];
  for (const [path, type] of expected) {
    const response = await send({ path });
    assert.equal(response.status, 200, path);
    assert.match(response.headers['content-type'] ?? '', type, path);
    assert.equal(response.headers['cache-control'], 'no-store', path);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', path);
  }
  const index = await send({ path: '/' });
  assert.ok(index.body.includes(`<head>${BRIDGE_SCRIPT_TAG}\n  <meta charset="utf-8">`), index.body);
  assert.equal(index.body.split('/__airisk/bridge.js').length, 2, 'exactly one bridge tag');
  const favicon = await send({ path: '/favicon.ico' });
  assert.equal(favicon.status, 204, 'a browser asks for /favicon.ico on its own; the renderer need not have one');
  const head = await send({ method: 'HEAD', path: '/app.js' });
  assert.deepEqual([head.status, head.body], [200, '']);
  const missing = await send({ path: '/nope.js' });
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['cache-control'], 'no-store');
  const bridge = await send({ path: '/__airisk/bridge.js' });
  assert.equal(bridge.body, await readFile(new URL('../support/browser-host/bridge.js', import.meta.url), 'utf8'), 'served as-is');
});

test('the bridge script takes the key from the fragment, clears the address bar, and sends the key on every call and the event stream', async () => {
  const bridge = (await send({ path: '/__airisk/bridge.js' })).body;
  const fetched: { url: string; init: { method?: string; body?: string; headers: Record<string, string> } }[] = [];
  const window: Record<string, unknown> = {};
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  const fakeFetch = async (url: string, init: { method?: string; body?: string; headers: Record<string, string> }) => {
    fetched.push({ url, init });
    if (url === '/__airisk/events') return { ok: true, status: 200, body: new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode(': connected\n\n')) }) };
    return { status: 200, json: async () => ({ ok: true, value: 42 }) };
  };
  runInNewContext(bridge, {
    window,
    fetch: fakeFetch,
    location: { hash: `#key=${key}`, pathname: '/', search: '' },
    history: { state: null, replaceState: (_state: unknown, _title: string, url: string) => replaced.push(url) },
    sessionStorage: { getItem: (name: string) => stored.get(name) ?? null, setItem: (name: string, value: string) => stored.set(name, value) },
    TextDecoderStream,
    setTimeout: () => undefined,
  });
  const api = window['airisk'] as Record<string, (...args: unknown[]) => Promise<unknown>>;
  assert.deepEqual(Object.keys(api).sort(), [...AIRISK_METHOD_NAMES, 'onStateChange'].sort());
  assert.ok(Object.isFrozen(api));
  assert.equal(await api['copy']?.(null, 'header'), 42);
  assert.deepEqual(replaced, ['/'], 'the key left the address bar');
  assert.deepEqual([...stored.values()], [key], 'kept in this tab, for a reload');
  assert.deepEqual(fetched.map(({ url, init }) => [url, init.method ?? 'GET', init.body, init.headers[HOST_KEY_HEADER]]), [
    ['/__airisk/events', 'GET', undefined, key],
    ['/__airisk/call/copy', 'POST', '{"args":[null,"header"]}', key],
  ]);
});

test('bad calls are 400: unknown method, args not an array, not JSON; a wrong verb or content type is refused', async () => {
  for (const method of ['nope', 'onStateChange', 'constructor', '__proto__', 'shutdown', 'resumed']) {
    const response = await call(method, []);
    assert.equal(response.status, 400, method);
    assert.equal((JSON.parse(response.body) as { ok: boolean }).ok, false);
  }
  const post = (body: string, contentType = 'application/json') => send({ method: 'POST', path: '/__airisk/call/getState', headers: { [HOST_KEY_HEADER]: key, 'Content-Type': contentType }, body });
  assert.equal((await post('{"args": {}}')).status, 400);
  assert.equal((await post('{}')).status, 400);
  assert.equal((await post('null')).status, 400);
  assert.equal((await post('not json')).status, 400);
  assert.equal((await post('args=[]', 'application/x-www-form-urlencoded')).status, 415, 'a plain HTML form cannot call');
  assert.equal((await send({ path: '/__airisk/call/getState', headers: { [HOST_KEY_HEADER]: key } })).status, 405);
  assert.equal((await send({ method: 'POST', path: '/' })).status, 405);
});

test('a bad argument gets the same refusal from the host as from the IPC binding of the Electron app', async () => {
  const settingsBefore = await host.service.getSettings();
  const ipcHandlers = new Map<string, (sender: null, ...args: unknown[]) => Promise<unknown>>();
  bindContractHandlers<null>({ handle: (channel, handler) => ipcHandlers.set(channel, handler) }, host.service, () => true);
  const badCalls: [string, unknown[]][] = [
    ['copy', [null, 'header', 'extra']],
    ['renew', [42]],
    ['remove', []],
    ['signIn', [{ userid: 'user_42', redirectUri: 'http://evil.example/' }]],
    ['signIn', ['user_42']],
    ['rename', ['id', 'x'.repeat(MAX_TEXT_LENGTH + 1)]],
    ['updateSettings', [{ baseUrl: { href: 'http://evil.example' } }]],
    ['getState', [1]],
  ];
  for (const [method, args] of badCalls) {
    const ipcRefusal = await ipcHandlers.get(`airisk:${method}`)?.(null, ...args).then(() => 'resolved', (error: Error) => error.message);
    assert.match(ipcRefusal ?? '', new RegExp(`^airisk\\.${method}`), `${method}: the IPC binding refuses it`);
    const answer = JSON.parse((await call(method, args)).body) as { ok: boolean; error: string };
    assert.deepEqual(answer, { ok: false, error: ipcRefusal }, `${method}(${JSON.stringify(args).slice(0, 80)})`);
  }
  assert.deepEqual(await host.service.getSettings(), settingsBefore, 'nothing reached the service');
});

test('a call round-trips: getState answers the state; a method that throws answers ok:false with its message', async () => {
  const response = await call('getState', []);
  assert.equal(response.status, 200);
  assert.match(response.headers['content-type'] ?? '', /^application\/json/);
  const answer = JSON.parse(response.body) as { ok: true; value: AppState };
  assert.equal(answer.ok, true);
  assert.deepEqual(answer.value.accounts, []);
  assert.equal(answer.value.configured, false, 'first run: not configured');

  const failed = JSON.parse((await call('remove', ['no-such-account'])).body) as { ok: false; error: string };
  assert.deepEqual(failed, { ok: false, error: 'That account no longer exists; it may have been removed.' });
});

test('the event stream delivers a state event after saveConnection, and traffic records it', async () => {
  const events = await subscribe();
  try {
    const result = JSON.parse((await call('saveConnection', [null, { name: 'AIRisk', baseUrl: sandbox.url, clientId: 'demo-client', clientSecret: 'demo-secret' }])).body) as { ok: boolean; value: { ok: boolean } };
    assert.equal(result.value.ok, true, JSON.stringify(result));
    // The connection and the secret are saved one after the other: the last of the events says configured.
    let state = JSON.parse(await events.next('state')) as AppState;
    for (let more = 0; !state.configured && more < 3; more += 1) state = JSON.parse(await events.next('state')) as AppState;
    assert.equal(state.configured, true);
    assert.ok(host.traffic.some((entry) => entry.startsWith('request saveConnection {"args":[null,{')));
    assert.ok(host.traffic.some((entry) => entry.startsWith('response saveConnection {"ok":true')));
    assert.ok(host.traffic.some((entry) => entry.startsWith('event state {') && entry.includes('"configured":true')));
    // The secret crossed the bridge once, in the request that set it, and was never sent back.
    assert.equal(host.traffic.filter((entry) => entry.includes('demo-secret')).length, 1);
  } finally {
    events.close();
  }
});

test('a whole sign-in over the bridge: open-url pushed and recorded, copy fills the clipboard, no token or secret in the traffic', async () => {
  await host.close();
  host = await startBrowserHost({ dataDir, sandbox, rendererDir, configured: true });
  key = keyOf(host);
  const events = await subscribe();
  try {
    assert.equal((JSON.parse((await call('getState', [])).body) as { value: AppState }).value.configured, true, '--configured pre-fills the demo client');
    const signingIn = call('signIn', [{ userid: 'user_42' }]);
    const opened = JSON.parse(await events.next('open-url')) as { url: string };
    assert.deepEqual(host.openedUrls, [opened.url]);
    assert.ok(opened.url.startsWith(`${sandbox.url}/api/oauth2/Authorize?`));
    const consent = await completeConsent(opened.url, 'approve');
    assert.equal(consent.callback?.status, 200);
    const outcome = JSON.parse((await signingIn).body) as { ok: true; value: { ok: boolean; accountId: string } };
    assert.equal(outcome.value.ok, true);

    const copied = JSON.parse((await call('copy', [null, 'header'])).body) as { ok: boolean; value: { format: string } };
    assert.deepEqual([copied.ok, copied.value.format], [true, 'header']);
    const header = await host.clipboard.readText();
    assert.match(header, /^Authorization: Bearer \S+$/);
    assert.equal(((await whoAmI(sandbox, header)).body as { userid: string }).userid, 'user_42');

    const token = header.replace('Authorization: Bearer ', '');
    const traffic = host.traffic.join('\n');
    assert.ok(host.traffic.length >= 6, 'requests, responses and events were recorded');
    assert.ok(!traffic.includes(token), 'no token in the bridge traffic');
    assert.ok(!traffic.includes(token.split('.')[2] ?? token), 'not even the token signature');
    assert.ok(!traffic.includes(sandbox.demoClient.clientSecret), 'no client secret in the bridge traffic');
    assert.ok(!traffic.includes(new URL(consent.location).searchParams.get('code') ?? '-'), 'no authorization code');
  } finally {
    events.close();
  }
});

test('refuses to start without a built renderer, naming the build command', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'airisk-empty-renderer-'));
  try {
    await assert.rejects(startBrowserHost({ dataDir, sandbox, rendererDir: empty }), (error: unknown) => {
      assert.ok(error instanceof RendererMissingError);
      assert.match(error.message, /index\.html is missing\. Run `npx vite build`/);
      return true;
    });
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});
