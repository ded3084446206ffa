/**
 * TerminalDesk: the server follows the setting through quick toggles and never outlives close();
 * a bad session length never stops the app; the window is brought forward once per prompt; an
 * AppImage's launcher points at a copy of the bundle that outlives the AppImage's mount. Real
 * sockets and files; the in-memory token source of test/support/terminal-source.ts stands in for
 * AppService.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { TerminalDesk, type TerminalFace } from '../../src-main/core/app/terminal-desk.ts';
import { systemTimers } from '../../src-main/core/ports/timer-port.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { tempDataDir } from '../support/terminal-fixture.ts';
import { fixtureSource } from '../support/terminal-source.ts';

const skip = process.platform === 'win32' ? 'these tests look at the Unix socket file' : false;
const ON = { allowTerminalAccess: true, terminalSessionMinutes: 10 } as const;
const OFF = { allowTerminalAccess: false, terminalSessionMinutes: 10 } as const;

function desk(face: Omit<TerminalFace, 'version' | 'cliPath'> & Partial<TerminalFace>): TerminalDesk {
  return new TerminalDesk({ face: { version: 'test', cliPath: '/nonexistent/airisk-token.cjs', ...face }, source: fixtureSource(), timers: systemTimers, onChange: () => undefined });
}

test('quick on/off/on toggles leave exactly one server, and off leaves none', { skip }, async (t) => {
  const dataDir = await tempDataDir(t);
  const terminal = desk({ dataDir });
  t.after(() => terminal.close());
  void terminal.apply(ON);
  void terminal.apply(OFF);
  await terminal.apply(ON);
  const endpoint = terminal.view().endpoint ?? '';
  assert.ok(existsSync(endpoint), 'listening');
  assert.equal((await runCliProcess(['status'], { AIRISK_TOKEN_TRAY_DATA_DIR: dataDir }).exit).code, 0);
  await terminal.apply(OFF);
  assert.equal(terminal.view().endpoint, null);
  assert.equal(existsSync(endpoint), false, 'the socket file is gone');
});

test('a setting change that arrives after close() never starts the server again', { skip }, async (t) => {
  const dataDir = await tempDataDir(t);
  const terminal = desk({ dataDir });
  const starting = terminal.apply(ON);
  await terminal.close();
  await starting;
  await terminal.apply(ON);
  assert.equal(terminal.view().endpoint, null);
  assert.equal(existsSync(join(dataDir, 'terminal', 'access.sock')), false);
});

test('a session length out of range (a hand-edited store) does not throw: the default applies', async (t) => {
  const terminal = desk({ dataDir: await tempDataDir(t) });
  t.after(() => terminal.close());
  for (const minutes of [0, 500, 1.5, Number.NaN]) await terminal.apply({ allowTerminalAccess: false, terminalSessionMinutes: minutes });
  assert.equal(terminal.view().sessionMinutes, 10);
  await terminal.apply({ allowTerminalAccess: false, terminalSessionMinutes: 25 });
  assert.equal(terminal.view().sessionMinutes, 25);
});

test('each new prompt brings the window forward once', { skip }, async (t) => {
  const dataDir = await tempDataDir(t);
  let shown = 0;
  const terminal: TerminalDesk = new TerminalDesk({
    face: { dataDir, version: 'test', cliPath: '/nonexistent', showWindow: () => (shown += 1) },
    source: fixtureSource(),
    timers: systemTimers,
    // The person denies each prompt as soon as it shows.
    onChange: () =>
      setImmediate(() => {
        const consent = terminal.view().consent;
        if (consent) terminal.answer(consent.id, 'deny');
      }),
  });
  t.after(() => terminal.close());
  await terminal.apply(ON);
  const env = { AIRISK_TOKEN_TRAY_DATA_DIR: dataDir };
  assert.equal((await runCliProcess(['header', '--user', 'user_42', '--connection', 'Staging'], env).exit).code, 1);
  assert.equal(shown, 1);
  assert.equal((await runCliProcess(['header', '--user', 'user_42', '--connection', 'Staging'], env).exit).code, 1);
  assert.equal(shown, 2);
});

test('inside an AppImage the launcher points at a copy of the bundle in the data folder, not at the mount that goes away', { skip: process.platform === 'linux' ? false : 'the AppImage is Linux only' }, async (t) => {
  const dataDir = await tempDataDir(t);
  const home = join(dataDir, 'home');
  const mount = join(dataDir, 'mount_AbC', 'resources', 'cli');
  await mkdir(mount, { recursive: true });
  await mkdir(join(home, '.local', 'bin'), { recursive: true });
  const bundle = join(mount, 'airisk-token.cjs');
  await writeFile(bundle, '#!/usr/bin/env node\nconsole.log("bundle")\n');
  const terminal = desk({ dataDir, cliPath: bundle, installEnvironment: { platform: 'linux', home, path: `${join(home, '.local', 'bin')}:${process.env.PATH ?? ''}`, env: { ...process.env, HOME: home, APPIMAGE: '/home/me/AIRisk.AppImage' } } });
  t.after(() => terminal.close());
  const outcome = await terminal.installCommandLineTool();
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  const launcher = await readFile(outcome.path, 'utf8');
  const copy = join(dataDir, 'cli', 'airisk-token.cjs');
  assert.ok(launcher.includes(copy), 'the launcher runs the copy');
  assert.equal(launcher.includes(mount), false, 'never the AppImage mount');
  assert.equal(await readFile(copy, 'utf8'), await readFile(bundle, 'utf8'));
});
