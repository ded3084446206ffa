import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { test, type TestContext } from 'node:test';
import { cliToolState, findNode, installCli, LAUNCHER_MARKER, planCliInstall, type CliInstallContext } from '../../../src-main/core/terminal/cli-install.ts';

const run = promisify(execFile);
const node20 = { path: '/usr/bin/node', version: 'v20.11.1' };

async function tempHome(t: TestContext): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'airisk-cli-install-'));
  t.after(() => rm(home, { recursive: true, force: true }));
  return home;
}

/** A stand-in for the bundle: prints its arguments as JSON. Its folder has a space and a quote. */
async function fakeBundle(home: string): Promise<string> {
  const folder = join(home, "App's Resources $HOME");
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'airisk-token.mjs');
  await writeFile(file, 'console.log(JSON.stringify(process.argv.slice(2)));\n');
  return file;
}

function linux(home: string, cliPath: string, path: string): CliInstallContext {
  return { platform: 'linux', home, path, env: {}, cliPath, node: node20 };
}

test('Linux: writes ~/.local/bin/airisk-token (mode 0755) and the launcher runs the bundle with node, arguments intact', async (t) => {
  if (process.platform === 'win32') return t.skip('runs an sh launcher');
  const home = await tempHome(t);
  const cliPath = await fakeBundle(home);
  const localBin = join(home, '.local', 'bin');
  const outcome = await installCli(linux(home, cliPath, `${localBin}:/usr/bin`));
  assert.deepEqual(outcome, { ok: true, path: join(localBin, 'airisk-token'), onPath: true, message: `Installed ${join(localBin, 'airisk-token')}: open a new terminal and run airisk-token status.` });
  assert.equal((await stat(join(localBin, 'airisk-token'))).mode & 0o777, 0o755);
  const { stdout } = await run(join(localBin, 'airisk-token'), ['header', '--user', "a b'c", '$X'], { env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` } });
  assert.deepEqual(JSON.parse(stdout), ['header', '--user', "a b'c", '$X']);
});

test('Linux: ~/.local/bin not on PATH is said, with the line to add; ~/bin is used when only it is on PATH', async (t) => {
  const home = await tempHome(t);
  const cliPath = await fakeBundle(home);
  const off = await installCli(linux(home, cliPath, '/usr/bin:/bin'));
  assert.ok(off.ok);
  assert.equal(off.onPath, false);
  assert.match(off.message, /\.local\/bin is not on your PATH: add {2}export PATH="\$HOME\/\.local\/bin:\$PATH" {2}to ~\/\.profile/);
  const homeBin = join(home, 'bin');
  const inBin = await installCli(linux(home, cliPath, `/usr/bin:${homeBin}/`));
  assert.ok(inBin.ok);
  assert.equal(inBin.path, join(homeBin, 'airisk-token'));
  assert.equal(inBin.onPath, true);
});

test('a file at the launcher\'s place that is not ours is left untouched, and the answer names it', async (t) => {
  const home = await tempHome(t);
  const cliPath = await fakeBundle(home);
  const localBin = join(home, '.local', 'bin');
  await mkdir(localBin, { recursive: true });
  await writeFile(join(localBin, 'airisk-token'), '#!/bin/sh\necho someone else\'s tool\n');
  const outcome = await installCli(linux(home, cliPath, localBin));
  assert.equal(outcome.ok, false);
  assert.match(outcome.message, /airisk-token already exists and is not AIRisk Token Tray's launcher, so it was left alone/);
  assert.equal(await readFile(join(localBin, 'airisk-token'), 'utf8'), '#!/bin/sh\necho someone else\'s tool\n');

  await rm(join(localBin, 'airisk-token'));
  await symlink('/usr/bin/true', join(localBin, 'airisk-token'));
  const linked = await installCli(linux(home, cliPath, localBin));
  assert.equal(linked.ok, false, 'a symlink to something else is not ours either');
});

test('a reinstall replaces our own launcher (the bundle moved with an app update), and a link to the bundle counts as ours', async (t) => {
  const home = await tempHome(t);
  const cliPath = await fakeBundle(home);
  const localBin = join(home, '.local', 'bin');
  assert.ok((await installCli(linux(home, '/old/place/airisk-token.mjs', localBin))).ok);
  const again = await installCli(linux(home, cliPath, localBin));
  assert.ok(again.ok);
  const launcher = await readFile(join(localBin, 'airisk-token'), 'utf8');
  assert.ok(launcher.includes(LAUNCHER_MARKER) && launcher.includes('Resources $HOME/airisk-token.mjs') && !launcher.includes('/old/place'));

  await rm(join(localBin, 'airisk-token'));
  await symlink(cliPath, join(localBin, 'airisk-token'));
  assert.ok((await installCli(linux(home, cliPath, localBin))).ok);
});

test('Node.js not found, or older than 20: nothing is written, the message says so, and the manual command comes along', async (t) => {
  const home = await tempHome(t);
  const cliPath = await fakeBundle(home);
  const missing = await installCli({ ...linux(home, cliPath, '/usr/bin'), node: null });
  assert.deepEqual(missing, {
    ok: false,
    message: 'Node.js was not found on PATH; install Node 20 or newer (https://nodejs.org), then choose Install command-line tool again.',
    command: `mkdir -p ~/.local/bin && ln -sf '${cliPath.replaceAll("'", `'\\''`)}' ~/.local/bin/airisk-token`,
  });
  const old = await installCli({ ...linux(home, cliPath, '/usr/bin'), node: { path: '/opt/node18/bin/node', version: 'v18.19.0' } });
  assert.equal(old.ok, false);
  assert.match(old.message, /^Node\.js v18\.19\.0 is on PATH \(\/opt\/node18\/bin\/node\); airisk-token needs Node 20 or newer/);
  await assert.rejects(stat(join(home, '.local', 'bin', 'airisk-token')), { code: 'ENOENT' });
});

test('macOS: /usr/local/bin needs an administrator, so the answer is the one sudo command; ~/.local/bin on PATH is written directly', async (t) => {
  const home = await tempHome(t);
  const cliPath = '/Applications/AIRisk Token Tray.app/Contents/Resources/cli/airisk-token.mjs';
  const plan = planCliInstall({ platform: 'darwin', home, path: '/usr/local/bin:/usr/bin', env: {}, cliPath, node: node20 });
  assert.deepEqual(plan, {
    kind: 'tell',
    outcome: { ok: false, message: '/usr/local/bin needs an administrator: run this in Terminal (it asks for your password), then open a new terminal.', command: "sudo ln -sf '/Applications/AIRisk Token Tray.app/Contents/Resources/cli/airisk-token.mjs' /usr/local/bin/airisk-token" },
  });
  const localBin = join(home, '.local', 'bin');
  const written = await installCli({ platform: 'darwin', home, path: `/usr/bin:${localBin}`, env: {}, cliPath, node: node20 });
  assert.ok(written.ok);
  assert.equal(written.path, join(localBin, 'airisk-token'));
});

test('Windows: a .cmd launcher in %LOCALAPPDATA%\\Microsoft\\WindowsApps, PATH compared without case, % doubled for cmd', () => {
  const plan = planCliInstall({
    platform: 'win32',
    home: 'C:\\Users\\ada',
    path: 'C:\\Windows;c:\\users\\ada\\appdata\\local\\microsoft\\windowsapps\\',
    env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' },
    cliPath: 'C:\\Program Files\\AIRisk 100%\\resources\\cli\\airisk-token.mjs',
    node: { path: 'C:\\Program Files\\nodejs\\node.exe', version: 'v22.1.0' },
  });
  assert.equal(plan.kind, 'write');
  if (plan.kind !== 'write') return;
  assert.equal(plan.file, 'C:\\Users\\ada\\AppData\\Local\\Microsoft\\WindowsApps\\airisk-token.cmd');
  assert.equal(plan.onPath, true);
  assert.match(plan.contents, /^@echo off\r\nrem airisk-token launcher written by AIRisk Token Tray.*\r\nnode "C:\\Program Files\\AIRisk 100%%\\resources\\cli\\airisk-token\.mjs" %\*\r\n$/);
});

test('findNode takes the first executable node file on PATH with its version, skipping relative folders, folders named node and non-executables', async (t) => {
  if (process.platform === 'win32') return t.skip('uses sh stand-ins for node');
  const home = await tempHome(t);
  const [relative, folderNamed, notExecutable, old] = ['rel', 'dir', 'noexec', 'old'].map((name) => join(home, name));
  await mkdir(join(folderNamed ?? '', 'node'), { recursive: true });
  await mkdir(notExecutable ?? '', { recursive: true });
  await writeFile(join(notExecutable ?? '', 'node'), '#!/bin/sh\necho v99.0.0\n');
  await mkdir(old ?? '', { recursive: true });
  await writeFile(join(old ?? '', 'node'), '#!/bin/sh\necho v18.19.0\n');
  await chmod(join(old ?? '', 'node'), 0o755);
  const found = await findNode({ platform: 'linux', path: ['rel', relative, folderNamed, notExecutable, old].join(':'), env: { PATH: '/usr/bin:/bin' } });
  assert.deepEqual(found, { path: join(old ?? '', 'node'), version: 'v18.19.0' });
  assert.equal(await findNode({ platform: 'linux', path: folderNamed ?? '', env: {} }), null);
});

test('cliToolState: whether Node was found, where our launcher is installed (null before), and the manual command', async (t) => {
  const home = await tempHome(t);
  const cliPath = await fakeBundle(home);
  const context = linux(home, cliPath, join(home, '.local', 'bin'));
  assert.deepEqual(await cliToolState(context), { nodeFound: true, note: null, installedAt: null, installCommand: `mkdir -p ~/.local/bin && ln -sf '${cliPath.replaceAll("'", `'\\''`)}' ~/.local/bin/airisk-token` });
  await installCli(context);
  assert.equal((await cliToolState({ ...context, node: null })).installedAt, join(home, '.local', 'bin', 'airisk-token'));
  assert.match((await cliToolState({ ...context, node: null })).note ?? '', /^Node\.js was not found on this computer\. The airisk-token command runs on Node\.js 20 or later/, 'Settings shows main’s sentence when Node.js is missing');
});
