/**
 * The socket file's life: a stale one from a crashed run (a real process SIGKILLed) is replaced, a
 * live one (a real second listener) is never taken, close() removes ours, long paths move to the
 * temp folder and the endpoint file says where.
 */
import assert from 'node:assert/strict';
import { chown, lstat, mkdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConsentBroker } from '../../../src-main/core/terminal/consent-broker.ts';
import { startTerminalAccess } from '../../../src-main/core/terminal/terminal-access.ts';
import { endpointFilePath, planEndpoint, readAccessCoordinates, terminalDirectory } from '../../../src-main/core/terminal/terminal-paths.ts';
import { TerminalSetupError } from '../../../src-main/core/terminal/terminal-setup-error.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { callTerminal } from '../../support/terminal-http.ts';
import { startFixture, startSocketHolder, tempDataDir } from '../../support/terminal-fixture.ts';
import { fixtureSource } from '../../support/terminal-source.ts';

const skip = process.platform === 'win32' ? 'Unix socket files only (Windows pipes leave no file)' : false;

function holderAnswers(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(path);
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(text);
    });
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', (error) => (text === '' ? reject(error) : resolve(text)));
  });
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

function start(dataDir: string) {
  return startTerminalAccess({ dataDir, source: fixtureSource(), broker: new ConsentBroker({ timers: new ManualClock() }), version: 'test', warn: () => {} });
}

test('replaces a stale socket file left by a crashed run (a SIGKILLed listener)', { skip }, async (t) => {
  const dataDir = await tempDataDir(t);
  await mkdir(terminalDirectory(dataDir), { mode: 0o700 });
  const endpoint = planEndpoint(dataDir).endpoint;
  const crashed = await startSocketHolder(endpoint);
  crashed.kill('SIGKILL');
  await new Promise((resolve) => crashed.once('exit', resolve));
  assert.ok((await lstat(endpoint)).isSocket(), 'the crash left the socket file behind');
  const fixture = await startFixture(t, { dataDir });
  const reply = await callTerminal(fixture.endpoint, { path: '/v1/status', key: fixture.key });
  assert.equal(reply.status, 200);
});

test('never takes a live socket from another running instance: terminal_access_in_use', { skip }, async (t) => {
  const dataDir = await tempDataDir(t);
  await mkdir(terminalDirectory(dataDir), { mode: 0o700 });
  const endpoint = planEndpoint(dataDir).endpoint;
  const other = await startSocketHolder(endpoint);
  t.after(() => {
    other.kill();
  });
  await assert.rejects(start(dataDir), (error: unknown) => {
    assert.ok(error instanceof TerminalSetupError);
    assert.equal(error.code, 'terminal_access_in_use');
    assert.match(error.message, /Another running AIRisk Token Tray serves terminal access at .*; quit it first/);
    return true;
  });
  assert.equal(await holderAnswers(endpoint), 'held\n', 'the other instance still serves on its socket');
});

test('a second start in the same process is refused while the first serves', { skip }, async (t) => {
  const fixture = await startFixture(t);
  await assert.rejects(start(fixture.dataDir), { code: 'terminal_access_in_use' });
  assert.equal((await callTerminal(fixture.endpoint, { path: '/v1/status', key: fixture.key })).status, 200);
});

test('close() removes the socket file, and a new start listens again', { skip }, async (t) => {
  const dataDir = await tempDataDir(t);
  const first = await start(dataDir);
  assert.ok(await exists(first.endpoint));
  await first.close();
  assert.equal(await exists(first.endpoint), false);
  const second = await start(dataDir);
  t.after(() => second.close());
  assert.ok(await exists(second.endpoint));
});

test('moves a socket path over 100 bytes to a private temp folder and writes it to the endpoint file', { skip }, async (t) => {
  const base = await tempDataDir(t);
  const dataDir = join(base, 'a-rather-long-folder-name-that-pushes-the-socket-path-over-the-limit', 'AIRisk Token Tray');
  const fixture = await startFixture(t, { dataDir });
  assert.notEqual(fixture.endpoint, join(terminalDirectory(dataDir), 'access.sock'));
  assert.equal((await lstat(join(fixture.endpoint, '..'))).mode & 0o777, 0o700);
  assert.equal(await readFile(endpointFilePath(dataDir), 'utf8'), `${fixture.endpoint}\n`);
  assert.equal((await lstat(endpointFilePath(dataDir))).mode & 0o777, 0o600);
  const coordinates = await readAccessCoordinates(dataDir);
  assert.equal(coordinates.ok && coordinates.endpoint, fixture.endpoint);
  assert.equal((await callTerminal(fixture.endpoint, { path: '/v1/status', key: fixture.key })).status, 200);
});

test('refuses to serve from a terminal folder owned by another user', { skip: skip || (process.getuid?.() === 0 ? false : 'needs root to give the folder to another user') }, async (t) => {
  const dataDir = await tempDataDir(t);
  await mkdir(terminalDirectory(dataDir), { mode: 0o700 });
  await chown(terminalDirectory(dataDir), 65534, 65534);
  await assert.rejects(start(dataDir), (error: unknown) => {
    assert.ok(error instanceof TerminalSetupError);
    assert.equal(error.code, 'terminal_directory_unsafe');
    assert.match(error.message, /belongs to another user \(uid 65534\)/);
    return true;
  });
});
