import assert from 'node:assert/strict';
import { chmod, chown, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadOrCreateAccessKey } from '../../../src-main/core/terminal/access-key-file.ts';
import { ensurePrivateDirectory } from '../../../src-main/core/terminal/private-directory.ts';
import { accessKeyPath, endpointFilePath, readAccessCoordinates, terminalDirectory } from '../../../src-main/core/terminal/terminal-paths.ts';
import { AccessFailure, findApp } from '../../../src-main/cli/access-client.ts';
import { TerminalSetupError } from '../../../src-main/core/terminal/terminal-setup-error.ts';

const unix = process.platform !== 'win32';

async function dataDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'term-files-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function mode(path: string): Promise<number> {
  return (await lstat(path)).mode & 0o777;
}

test('creates the terminal folder 0700 and tightens one that is looser', { skip: unix ? false : 'Unix modes only' }, async (t) => {
  const dir = terminalDirectory(await dataDir(t));
  await ensurePrivateDirectory(dir);
  assert.equal(await mode(dir), 0o700);
  await chmod(dir, 0o755);
  await ensurePrivateDirectory(dir);
  assert.equal(await mode(dir), 0o700);
});

test('refuses a terminal folder that is a symbolic link', { skip: unix ? false : 'Unix symlinks only' }, async (t) => {
  const base = await dataDir(t);
  await mkdir(join(base, 'elsewhere'), { mode: 0o700 });
  await symlink(join(base, 'elsewhere'), terminalDirectory(base));
  await assert.rejects(ensurePrivateDirectory(terminalDirectory(base)), (error: unknown) => {
    assert.ok(error instanceof TerminalSetupError);
    assert.equal(error.code, 'terminal_directory_unsafe');
    assert.match(error.message, /symbolic link; remove it/);
    return true;
  });
});

test('creates the access key once (64 hex, mode 0600) and keeps it', async (t) => {
  const base = await dataDir(t);
  await ensurePrivateDirectory(terminalDirectory(base));
  const warnings: string[] = [];
  const key = await loadOrCreateAccessKey(base, (message) => warnings.push(message));
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(await readFile(accessKeyPath(base), 'utf8'), `${key}\n`);
  if (unix) assert.equal(await mode(accessKeyPath(base)), 0o600);
  assert.equal(await loadOrCreateAccessKey(base, (message) => warnings.push(message)), key);
  assert.deepEqual(warnings, []);
});

test('replaces a key file that others can read, without quoting it', { skip: unix ? false : 'Unix modes only' }, async (t) => {
  const base = await dataDir(t);
  await ensurePrivateDirectory(terminalDirectory(base));
  const old = 'a'.repeat(64);
  await writeFile(accessKeyPath(base), `${old}\n`, { mode: 0o644 });
  await chmod(accessKeyPath(base), 0o644);
  const warnings: string[] = [];
  const key = await loadOrCreateAccessKey(base, (message) => warnings.push(message));
  assert.notEqual(key, old);
  assert.equal(await mode(accessKeyPath(base)), 0o600);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /mode 644/);
  assert.ok(!warnings[0]?.includes(old));
});

test('replaces a key file with damaged content, and a symlink in its place', { skip: unix ? false : 'Unix symlinks only' }, async (t) => {
  const base = await dataDir(t);
  await ensurePrivateDirectory(terminalDirectory(base));
  await writeFile(accessKeyPath(base), 'not a key\n', { mode: 0o600 });
  const warnings: string[] = [];
  const first = await loadOrCreateAccessKey(base, (message) => warnings.push(message));
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.match(warnings[0] ?? '', /does not hold a 64-character hex key/);
  const target = join(base, 'target');
  await writeFile(target, `${'b'.repeat(64)}\n`, { mode: 0o600 });
  await rm(accessKeyPath(base));
  await symlink(target, accessKeyPath(base));
  const second = await loadOrCreateAccessKey(base, (message) => warnings.push(message));
  assert.notEqual(second, 'b'.repeat(64));
  assert.ok((await lstat(accessKeyPath(base))).isFile());
  assert.equal(await readFile(target, 'utf8'), `${'b'.repeat(64)}\n`, 'the link target is left alone');
});

test('readAccessCoordinates finds the key and the endpoint, or says terminal access is not set up', async (t) => {
  const base = await dataDir(t);
  const missing = await readAccessCoordinates(base);
  assert.equal(missing.ok, false);
  assert.match(missing.ok ? '' : missing.message, /turn on Settings → Allow terminal access/);
  await ensurePrivateDirectory(terminalDirectory(base));
  const key = await loadOrCreateAccessKey(base, () => {});
  const found = await readAccessCoordinates(base);
  assert.deepEqual(found, { ok: true, key, endpoint: join(terminalDirectory(base), 'access.sock') });
  const fallback = join(base, 'fallback');
  await ensurePrivateDirectory(fallback);
  await writeFile(endpointFilePath(base), `${join(fallback, 'x.sock')}\n`, { mode: 0o600 });
  assert.deepEqual(await readAccessCoordinates(base), { ok: true, key, endpoint: join(fallback, 'x.sock') });
  await writeFile(accessKeyPath(base), 'broken\n');
  const broken = await readAccessCoordinates(base);
  assert.equal(broken.ok ? 'ok' : broken.problem, 'bad_key_file');
});

test('a socket folder that does not exist is not_set_up, so the command exits 3 and never connects to where another user could make it', { skip: unix ? false : 'Unix only' }, async (t) => {
  const base = await dataDir(t);
  await ensurePrivateDirectory(terminalDirectory(base));
  await loadOrCreateAccessKey(base, () => {});
  // A reboot cleared the temp folder the endpoint file names; the app has not recreated it yet.
  const gone = join(base, 'airisk-token-tray-1000');
  await writeFile(endpointFilePath(base), `${join(gone, 'x.sock')}\n`, { mode: 0o600 });
  const found = await readAccessCoordinates(base);
  assert.equal(found.ok ? 'ok' : found.problem, 'not_set_up');
  assert.match(found.ok ? '' : found.message, /socket folder .* does not exist/);
  await assert.rejects(findApp(base), (error: unknown) => error instanceof AccessFailure && error.exitCode === 3 && error.code === 'not_running');
});

test('readAccessCoordinates will not send the key to a socket folder another user made in the temp folder', { skip: unix ? (process.getuid?.() === 0 ? false : 'needs root to hand a folder to another user') : 'Unix only' }, async (t) => {
  const base = await dataDir(t);
  await ensurePrivateDirectory(terminalDirectory(base));
  await loadOrCreateAccessKey(base, () => {});
  // After a reboot cleared /tmp, another user recreated the socket folder the endpoint file names.
  const squatted = join(base, 'airisk-token-tray-1000');
  await mkdir(squatted, { mode: 0o755 });
  await chown(squatted, 65534, 65534);
  await writeFile(endpointFilePath(base), `${join(squatted, 'x.sock')}\n`, { mode: 0o600 });
  const found = await readAccessCoordinates(base);
  assert.equal(found.ok ? 'ok' : found.problem, 'unsafe_endpoint');
  assert.match(found.ok ? '' : found.message, /belongs to another user \(uid 65534\), so the key is not sent there/);
  await chown(squatted, process.getuid?.() ?? 0, 0);
  assert.equal((await readAccessCoordinates(base)).ok, false, 'a folder open to others is refused too');
  await chmod(squatted, 0o700);
  assert.equal((await readAccessCoordinates(base)).ok, true);
});
