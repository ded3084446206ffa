import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { AccessFailure, askApp, findApp, NOT_RUNNING_MESSAGE, readAnswer } from '../../../src-main/cli/access-client.ts';

async function dataDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'airisk-access-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'terminal'), { mode: 0o700 });
  return dir;
}

function failure(code: string, exitCode: number, message: RegExp | string) {
  return (error: unknown) => error instanceof AccessFailure && error.code === code && error.exitCode === exitCode && (typeof message === 'string' ? error.message === message : message.test(error.message));
}

test('a 200 JSON object is the answer; a JSON error becomes its one sentence, exit 1', () => {
  assert.deepEqual(readAnswer(200, '{"accounts":[]}'), { accounts: [] });
  assert.throws(() => readAnswer(409, '{"error":{"code":"ambiguous_account","message":"user_42 is on Staging and Production; add --connection NAME."}}'), failure('ambiguous_account', 1, 'user_42 is on Staging and Production; add --connection NAME.'));
  assert.throws(() => readAnswer(200, '[1]'), failure('unreadable_answer', 1, /cannot read \(HTTP 200\)/));
  assert.throws(() => readAnswer(500, 'oops'), failure('unreadable_answer', 1, /cannot read \(HTTP 500\)/));
  assert.throws(() => readAnswer(400, '{"error":{"code":"bad_request","message":""}}'), failure('unreadable_answer', 1, /HTTP 400/));
});

test('no key file: exit 3 with the sentence; a damaged key file: exit 3, restart the app; the key never in a message', async (t) => {
  const dir = await dataDir(t);
  await assert.rejects(findApp(dir), failure('not_running', 3, NOT_RUNNING_MESSAGE));
  await assert.rejects(findApp(join(dir, 'no-such-folder')), failure('not_running', 3, NOT_RUNNING_MESSAGE));
  await writeFile(join(dir, 'terminal', 'access-key'), 'not-a-key-secretish\n');
  await assert.rejects(findApp(dir), (error) => failure('bad_key_file', 3, /is damaged; restart AIRisk Token Tray to replace it\.$/)(error) && !(error as Error).message.includes('secretish'));
});

test('a key file this user cannot read: exit 1, run as the app\'s user', async (t) => {
  if (process.getuid?.() === 0) return t.skip('root reads any file, so permission denied cannot be staged');
  if (process.platform === 'win32') return t.skip('POSIX modes');
  const dir = await dataDir(t);
  await writeFile(join(dir, 'terminal', 'access-key'), `${'ab'.repeat(32)}\n`);
  await chmod(join(dir, 'terminal', 'access-key'), 0o000);
  await assert.rejects(findApp(dir), failure('unreadable_key', 1, /cannot be read \(EACCES\); run airisk-token as the user who runs AIRisk Token Tray\.$/));
});

test('the endpoint file leads the request to the socket it names; nothing listening there is "not running"', async (t) => {
  if (process.platform === 'win32') return t.skip('Unix sockets');
  const dir = await dataDir(t);
  const elsewhere = await mkdtemp(join(tmpdir(), 'airisk-fallback-'));
  t.after(() => rm(elsewhere, { recursive: true, force: true }));
  const key = 'cd'.repeat(32);
  await writeFile(join(dir, 'terminal', 'access-key'), `${key}\n`);
  await writeFile(join(dir, 'terminal', 'endpoint'), join(elsewhere, 'x.sock'));
  await assert.rejects(askApp(dir, { method: 'GET', path: '/v1/status' }), failure('not_running', 3, NOT_RUNNING_MESSAGE));
  let seenKey: string | undefined;
  const server = createServer((incoming, outgoing) => {
    seenKey = String(incoming.headers['x-airisk-key']);
    outgoing.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end('{"app":"AIRisk Token Tray"}');
  });
  await new Promise<void>((resolve) => server.listen(join(elsewhere, 'x.sock'), resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  assert.deepEqual(await askApp(dir, { method: 'GET', path: '/v1/status' }), { app: 'AIRisk Token Tray' });
  assert.equal(seenKey, key);
});

test('an app that does not answer in time: exit 1, with where to look', async (t) => {
  if (process.platform === 'win32') return t.skip('Unix sockets');
  const dir = await dataDir(t);
  await writeFile(join(dir, 'terminal', 'access-key'), `${'ef'.repeat(32)}\n`);
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(join(dir, 'terminal', 'access.sock'), resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  await assert.rejects(askApp(dir, { method: 'POST', path: '/v1/token', body: {}, timeoutMs: 150 }), failure('timeout', 1, /did not answer within 150 ms; look at the app's window, then try again\.$/));
});
