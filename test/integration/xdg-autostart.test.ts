import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { autostartCommand, autostartFilePath, createXdgAutostart } from '../../src-main/core/autostart/xdg-autostart.ts';

const posix = process.platform !== 'win32';

async function tempDirectory(t: TestContext, name = 'airisk-xdg-'): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), name));
  t.after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

test('the entry lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart (relative values ignored)', () => {
  assert.equal(autostartFilePath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ann'), join('/cfg', 'autostart', 'airisk-token-tray.desktop'));
  assert.equal(autostartFilePath({}, '/home/ann'), join('/home/ann', '.config', 'autostart', 'airisk-token-tray.desktop'));
  assert.equal(autostartFilePath({ XDG_CONFIG_HOME: '' }, '/home/ann'), join('/home/ann', '.config', 'autostart', 'airisk-token-tray.desktop'));
  assert.equal(autostartFilePath({ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/ann'), join('/home/ann', '.config', 'autostart', 'airisk-token-tray.desktop'));
});

test('the command runs the AppImage when there is one, else the executable, with --hidden when asked', () => {
  assert.deepEqual(autostartCommand({ appImage: '/home/ann/Apps/AIRisk.AppImage', execPath: '/tmp/.mount_x/airisk' }, true), ['/home/ann/Apps/AIRisk.AppImage', '--hidden']);
  assert.deepEqual(autostartCommand({ appImage: '', execPath: '/opt/airisk/airisk' }, false), ['/opt/airisk/airisk']);
  assert.deepEqual(autostartCommand({ execPath: '/usr/lib/electron/electron', leadingArguments: ['/src/app'] }, true), ['/usr/lib/electron/electron', '/src/app', '--hidden']);
});

test('enable writes the entry atomically, mode 0644, in a created folder; a path with spaces and % is quoted', async (t) => {
  const configHome = join(await tempDirectory(t), 'config home');
  const appImage = '/home/ann/My Apps/100% AIRisk.AppImage';
  const autostart = createXdgAutostart({ env: { XDG_CONFIG_HOME: configHome }, homeDirectory: '/nonexistent-home', target: { appImage, execPath: '/tmp/.mount/airisk' } });
  assert.equal(await autostart.isEnabled(), false);
  await autostart.enable({ hidden: true });

  assert.equal(autostart.path, join(configHome, 'autostart', 'airisk-token-tray.desktop'));
  const text = await readFile(autostart.path, 'utf8');
  assert.match(text, /^\[Desktop Entry\]\n/);
  assert.match(text, /\nType=Application\n/);
  assert.match(text, /\nName=AIRisk Token Tray\n/);
  assert.match(text, /\nTerminal=false\n/);
  assert.match(text, /\nX-GNOME-Autostart-enabled=true\n/);
  assert.ok(text.includes('\nExec="/home/ann/My Apps/100%% AIRisk.AppImage" --hidden\n'), text);
  assert.equal(await autostart.isEnabled(), true);
  assert.deepEqual(await readdir(join(configHome, 'autostart')), ['airisk-token-tray.desktop'], 'no temporary file left behind');
  if (posix) {
    assert.equal((await stat(autostart.path)).mode & 0o777, 0o644);
    assert.equal((await stat(join(configHome, 'autostart'))).mode & 0o777, 0o700);
  }
});

test('enabling again replaces the entry (hidden off) and keeps the mode even under a strict umask', { skip: !posix }, async (t) => {
  const configHome = await tempDirectory(t);
  const autostart = createXdgAutostart({ env: { XDG_CONFIG_HOME: configHome }, homeDirectory: '/nonexistent-home', target: { execPath: '/opt/airisk/airisk' } });
  await autostart.enable({ hidden: true });
  const previous = process.umask(0o077);
  try {
    await autostart.enable({ hidden: false });
  } finally {
    process.umask(previous);
  }
  const text = await readFile(autostart.path, 'utf8');
  assert.ok(text.includes('\nExec=/opt/airisk/airisk\n'), text);
  assert.equal((await stat(autostart.path)).mode & 0o777, 0o644);
});

test('disable removes only our entry and is harmless when there is none', async (t) => {
  const configHome = await tempDirectory(t);
  const folder = join(configHome, 'autostart');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'someone-else.desktop'), '[Desktop Entry]\nExec=/x\n');
  const autostart = createXdgAutostart({ env: { XDG_CONFIG_HOME: configHome }, homeDirectory: '/nonexistent-home', target: { execPath: '/opt/airisk/airisk' } });
  await autostart.disable();
  await autostart.enable({ hidden: false });
  await autostart.disable();
  assert.equal(await autostart.isEnabled(), false);
  assert.deepEqual(await readdir(folder), ['someone-else.desktop']);
});

test('an entry the desktop marked Hidden=true does not count as enabled', async (t) => {
  const configHome = await tempDirectory(t);
  const autostart = createXdgAutostart({ env: { XDG_CONFIG_HOME: configHome }, homeDirectory: '/nonexistent-home', target: { execPath: '/opt/airisk/airisk' } });
  await autostart.enable({ hidden: false });
  await writeFile(autostart.path, `${await readFile(autostart.path, 'utf8')}Hidden=true\n`);
  assert.equal(await autostart.isEnabled(), false);
});

test('without XDG_CONFIG_HOME the entry goes under the home folder given, not the real one', async (t) => {
  const home = await tempDirectory(t);
  const autostart = createXdgAutostart({ env: {}, homeDirectory: home, target: { execPath: '/opt/airisk/airisk' } });
  await autostart.enable({ hidden: false });
  assert.equal(autostart.path, join(home, '.config', 'autostart', 'airisk-token-tray.desktop'));
  assert.equal(await autostart.isEnabled(), true);
});
