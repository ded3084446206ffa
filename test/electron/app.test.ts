/**
 * The desktop app end to end in a real Electron (Playwright `_electron`): built app, real sandbox,
 * its own data folder. Tray and menu (through the main process), the window, a user_42 sign-in
 * approved on the sandbox's consent page, the header on the real clipboard, a switch of user, quit.
 *
 * Then what only a real Electron on a real OS can show: the safeStorage backend, the clipboard's
 * keep-out-of-history markers, the login item (or XDG file), a notification, single instance, the
 * window's "Open the sign-in page again" button, and quit clearing our copy.
 *
 * Runs only where an Electron binary is installed; elsewhere every test is reported as SKIPPED
 * (never passed) and one line on stderr says why. Linux also needs a display (or xvfb-run). With
 * AIRISK_REQUIRE_ELECTRON=1 (CI) a missing binary or display is a failure instead.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { buildMain, ROOT } from '../../scripts/build-main.ts';
import type { AiriskApi, AppState, SignInOutcome } from '../../src-main/contract.ts';
import { AIRISK_METHOD_NAMES } from '../../src-main/contract-methods.ts';
import type { E2eHooks } from '../../src-main/electron/e2e-hooks.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { buildRenderer } from '../support/browser-host/renderer-build.ts';
import { completeConsent } from '../support/consent.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { electronTestPrecondition, findElectronBinary } from '../../scripts/electron-binary.ts';
import { secretClipboardEntry } from '../../src-main/core/clipboard/secret-clipboard-formats.ts';
import { AUTOSTART_FILE_NAME } from '../../src-main/core/autostart/xdg-autostart.ts';

const precondition = electronTestPrecondition(findElectronBinary());
const skip = precondition.kind === 'run' ? false : precondition.kind === 'skip' ? precondition.reason : `not run: ${precondition.reason}`;
if (precondition.kind === 'skip') process.stderr.write(`test:electron: SKIPPED, not run: ${precondition.reason}\n`);
if (precondition.kind === 'fail') {
  process.stderr.write(`test:electron: FAILED: ${precondition.reason}\n`);
  test('Electron runs on this machine (AIRISK_REQUIRE_ELECTRON=1)', () => assert.fail(precondition.reason));
}
/** package.json's version: what app.getVersion() says in an unpackaged run, and the tray's version line. */
const APP_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** CI sets it: there, "as the app reports it" must also be the strong answer. */
const required = process.env.AIRISK_REQUIRE_ELECTRON === '1';

/** What the page sees as `window.airisk` (the test project has no DOM types). */
type PageGlobal = { readonly airisk: AiriskApi };
/** What the main process holds for these tests (exposed with AIRISK_E2E=1) plus the openExternal recorder. */
type MainGlobal = { readonly airiskE2E?: E2eHooks; openedUrls?: string[]; notifications?: { title: string; shown: boolean; failed: string | null }[] };

let app: ElectronApplication | undefined;
let page: Page | undefined;
let sandbox: Sandbox | undefined;
let dataDir = '';
let launchArgs: string[] = [];
let launchEnv: Record<string, string> = {};

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function running(): { app: ElectronApplication; page: Page; sandbox: Sandbox } {
  assert.ok(app && page && sandbox, 'the app was launched and its window opened by the earlier steps');
  return { app, page, sandbox };
}

const trayLabels = (electronApp: ElectronApplication): Promise<string[]> => electronApp.evaluate(() => (globalThis as unknown as MainGlobal).airiskE2E?.trayLabels() ?? []);
const clickTray = (electronApp: ElectronApplication, prefix: string): Promise<boolean> => electronApp.evaluate((_electron, label) => (globalThis as unknown as MainGlobal).airiskE2E?.clickTrayItem(label) ?? false, prefix);

/** Waits for the app's next `shell.openExternal`, approves on the sandbox consent page, returns the URL. */
async function approveNextSignIn(electronApp: ElectronApplication, already: number): Promise<URL> {
  const url = await eventually(async () => (await electronApp.evaluate(() => (globalThis as unknown as MainGlobal).openedUrls ?? []))[already], 'the app to open the authorization URL');
  const consent = await completeConsent(url, 'approve');
  assert.equal(consent.callback?.status, 200, consent.callback?.body);
  return new URL(url);
}

describe('the desktop app in Electron', () => {
  before(async () => {
    if (precondition.kind !== 'run') return;
    assert.equal(await buildRenderer(), 0, 'vite build');
    assert.ok(await buildMain(), 'esbuild bundles');
    sandbox = await startSandbox();
    dataDir = await mkdtemp(join(tmpdir(), 'airisk-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    launchArgs = [ROOT, '--data-dir', dataDir, '--hidden', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
    launchEnv = {
      ...env,
      // The XDG autostart entry goes to the test's folder, not the person's ~/.config.
      XDG_CONFIG_HOME: join(dataDir, 'xdg-config'),
      AIRISK_E2E: '1',
      AIRISK_DEMO_SANDBOX_URL: sandbox.url,
      AIRISK_DEMO_CLIENT_ID: sandbox.demoClient.clientId,
      AIRISK_DEMO_CLIENT_SECRET: sandbox.demoClient.clientSecret,
    };
    app = await _electron.launch({ executablePath: precondition.binary, args: launchArgs, env: launchEnv, timeout: 60_000 });
    // Record instead of opening a real browser; the test plays the person at the consent page.
    // Notifications are shown for real, and each one's 'show' (or 'failed') event is recorded.
    await app.evaluate(({ shell, Notification }) => {
      const opened: string[] = [];
      const main = globalThis as unknown as MainGlobal;
      main.openedUrls = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
      const notifications: NonNullable<MainGlobal['notifications']> = [];
      main.notifications = notifications;
      const show = Notification.prototype.show;
      Notification.prototype.show = function (this: InstanceType<typeof Notification>) {
        const record = { title: this.title, shown: false, failed: null as string | null };
        notifications.push(record);
        this.on('show', () => (record.shown = true));
        this.on('failed', (_event, error) => (record.failed = error));
        show.call(this);
      };
    });
  });

  after(async () => {
    await app?.close().catch(() => undefined);
    await sandbox?.close();
    if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
  });

  test('starts hidden: a tray with its menu and no window', { skip }, async () => {
    const electronApp = app ?? assert.fail('not launched');
    assert.deepEqual(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length), 0);
    const labels = await eventually(async () => {
      const current = await trayLabels(electronApp);
      return current.includes('Sign in (generic token)') && current[0] === 'No tokens yet — sign in to get one' ? current : undefined;
    }, 'the configured tray menu');
    assert.deepEqual(labels.filter((label) => label !== ''), ['No tokens yet — sign in to get one', 'Sign in (generic token)', 'Sign in as a user…', 'Open AIRisk Token Tray', 'Start at login', `Version ${APP_VERSION}`, 'Quit']);
    assert.equal(await electronApp.evaluate(() => (globalThis as unknown as MainGlobal).airiskE2E?.trayIconState()), 'empty');
  });

  test('the tray opens the window on app://airisk with exactly the contract on window.airisk', { skip }, async () => {
    const electronApp = app ?? assert.fail('not launched');
    const windowOpened = electronApp.firstWindow();
    assert.equal(await clickTray(electronApp, 'Open AIRisk Token Tray'), true);
    page = await windowOpened;
    await page.waitForLoadState('domcontentloaded');
    assert.equal(page.url(), 'app://airisk/index.html');
    const exposed = await page.evaluate(() => Object.keys((globalThis as unknown as PageGlobal).airisk).sort());
    assert.deepEqual(exposed, [...AIRISK_METHOD_NAMES, 'onStateChange'].sort());
    assert.deepEqual(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process]), ['undefined', 'undefined']);
  });

  test('signs in user_42: the browser gets the sandbox authorization URL, approval gives a token', { skip }, async () => {
    const { app: electronApp, page: window, sandbox: server } = running();
    const signingIn = window.evaluate(() => (globalThis as unknown as PageGlobal).airisk.signIn({ userid: 'user_42' }));
    const opened = await approveNextSignIn(electronApp, 0);
    assert.equal(opened.origin, server.url);
    assert.equal(opened.searchParams.get('userid'), 'user_42');
    const outcome: SignInOutcome = await signingIn;
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    const labels = await eventually(async () => {
      const current = await trayLabels(electronApp);
      return current[0]?.startsWith('Copy bearer header — user_42') === true ? current : undefined;
    }, 'the tray to offer the copy');
    assert.match(labels[0] ?? '', /min left/);
  });

  test('copy puts the bearer header on the system clipboard and AIRisk accepts it', { skip }, async () => {
    const { app: electronApp, page: window, sandbox: server } = running();
    await window.evaluate(() => (globalThis as unknown as PageGlobal).airisk.copy(null, 'header'));
    const header = await electronApp.evaluate(({ clipboard }) => clipboard.readText());
    assert.match(header, /^Authorization: Bearer \S+$/);
    assert.equal(((await whoAmI(server, header)).body as { userid: string | null }).userid, 'user_42');
  });

  test('the clipboard holds the copy with this platform\'s keep-out-of-history markers, read back through Electron', { skip }, async () => {
    const { app: electronApp } = running();
    const markers = Object.keys(secretClipboardEntry('x', process.platform)).filter((format) => format !== 'text/plain');
    assert.ok(markers.length > 0);
    const present = await electronApp.evaluate(async ({ clipboard }, formats) => Promise.all(formats.map((format) => clipboard.has(format))), markers);
    assert.deepEqual(Object.fromEntries(markers.map((format, index) => [format, present[index]])), Object.fromEntries(markers.map((format) => [format, true])));
  });

  test('safeStorage: the backend and strength the app reports are what Electron selected', { skip }, async (t) => {
    const { app: electronApp, page: window } = running();
    const state: AppState = await window.evaluate(() => (globalThis as unknown as PageGlobal).airisk.getState());
    t.diagnostic(`storage as the app reports it: ${JSON.stringify(state.storage)}`);
    if (process.platform === 'linux') {
      const selected = await electronApp.evaluate(({ safeStorage }) => safeStorage.getSelectedStorageBackend());
      t.diagnostic(`safeStorage.getSelectedStorageBackend(): ${selected}`);
      if (state.storage.strength === 'strong') assert.equal(state.storage.backend, selected);
      // CI unlocks gnome-keyring inside the job's session bus (.github/scripts/linux-desktop-session.sh).
      if (required) assert.equal(selected, 'gnome_libsecret');
    } else {
      assert.equal(state.storage.backend, process.platform === 'darwin' ? 'macos_keychain' : 'windows_dpapi');
    }
    if (required) assert.equal(state.storage.strength, 'strong', state.storage.detail);
  });

  test('a generic sign-in from the tray, then switching the active user', { skip }, async () => {
    const { app: electronApp, page: window, sandbox: server } = running();
    assert.equal(await clickTray(electronApp, 'Sign in (generic token)'), true);
    const opened = await approveNextSignIn(electronApp, 1);
    assert.equal(opened.searchParams.has('userid'), false);
    const state = await eventually(async () => {
      const current: AppState = await window.evaluate(() => (globalThis as unknown as PageGlobal).airisk.getState());
      return current.accounts.length === 2 && current.signIn === null ? current : undefined;
    }, 'two accounts');
    const generic = state.accounts.find((account) => account.userid === null) ?? assert.fail('no generic account');
    await window.evaluate((id) => (globalThis as unknown as PageGlobal).airisk.setActive(id), generic.id);
    await eventually(async () => ((await trayLabels(electronApp))[0]?.startsWith('Copy bearer header — Generic') === true ? true : undefined), 'the tray to follow the switch');
    assert.equal(await clickTray(electronApp, 'Copy bearer header — Generic'), true);
    const header = await eventually(async () => {
      const text = await electronApp.evaluate(({ clipboard }) => clipboard.readText());
      return text.startsWith('Authorization: Bearer ') ? text : undefined;
    }, 'the generic header on the clipboard');
    assert.equal(((await whoAmI(server, header)).body as { userid: string | null }).userid, null);
  });

  test('the window\'s "Open the sign-in page again" reaches shell.openExternal with the pending sign-in\'s URL, and window.open opens nothing', { skip }, async () => {
    const { app: electronApp, page: window } = running();
    const signingIn = window.evaluate(() => (globalThis as unknown as PageGlobal).airisk.signIn({}));
    const first = await eventually(async () => (await electronApp.evaluate(() => (globalThis as unknown as MainGlobal).openedUrls ?? []))[2], 'the sign-in to open its page');
    // A new-window request is refused: the window has no address of its own to open.
    await window.evaluate((url) => {
      (globalThis as unknown as { open(url: string): unknown }).open(url);
    }, first);
    // What the button does: the contract's openSignInPage, through the service's own opener.
    await window.evaluate(() => (globalThis as unknown as PageGlobal).airisk.openSignInPage());
    const again = await eventually(async () => (await electronApp.evaluate(() => (globalThis as unknown as MainGlobal).openedUrls ?? []))[3], 'the link to reach openExternal');
    assert.equal(again, first);
    assert.equal(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length), 1, 'no window of ours opened');
    await window.evaluate(() => (globalThis as unknown as PageGlobal).airisk.cancelSignIn());
    const outcome: SignInOutcome = await signingIn;
    assert.equal(outcome.ok, false);
  });

  test('a sign-in refused from the tray shows a notification (Electron reports it shown)', { skip }, async (t) => {
    const { app: electronApp } = running();
    assert.equal(await clickTray(electronApp, 'Sign in (generic token)'), true);
    const url = await eventually(async () => (await electronApp.evaluate(() => (globalThis as unknown as MainGlobal).openedUrls ?? []))[4], 'the tray sign-in to open its page');
    await completeConsent(url, 'deny');
    const record = await eventually(async () => (await electronApp.evaluate(() => (globalThis as unknown as MainGlobal).notifications ?? [])).find((entry) => entry.shown || entry.failed !== null), 'a notification to be shown or to fail', 30_000);
    t.diagnostic(`notification: ${JSON.stringify(record)}`);
    assert.equal(record.title, 'AIRisk Token Tray');
    assert.equal(record.failed, null, `the notification failed: ${record.failed ?? ''}`);
    assert.equal(record.shown, true);
  });

  test('Start at login from the tray: the login item (macOS, Windows) or the XDG autostart file (Linux), then off again', { skip }, async (t) => {
    const { app: electronApp } = running();
    const xdgFile = join(dataDir, 'xdg-config', 'autostart', AUTOSTART_FILE_NAME);
    const registered = async (): Promise<boolean> => {
      if (process.platform === 'linux') return stat(xdgFile).then(() => true, () => false);
      const settings = await electronApp.evaluate(({ app: electron }) => electron.getLoginItemSettings());
      t.diagnostic(`getLoginItemSettings(): ${JSON.stringify(settings)}`);
      // Windows compares the run key's arguments with the ones asked about; executableWillLaunchAtLogin does not.
      return process.platform === 'win32' ? settings.executableWillLaunchAtLogin : settings.openAtLogin;
    };
    assert.equal(await clickTray(electronApp, 'Start at login'), true);
    await eventually(async () => ((await registered()) ? true : undefined), 'the start-at-login entry');
    if (process.platform === 'linux') assert.match(await readFile(xdgFile, 'utf8'), /^Exec=.*--hidden/m);
    assert.equal(await clickTray(electronApp, 'Start at login'), true);
    await eventually(async () => ((await registered()) ? undefined : true), 'the entry to be removed');
  });

  test('single instance: a second launch on the same data folder shows the first one\'s window and exits', { skip }, async () => {
    const { app: electronApp } = running();
    if (precondition.kind !== 'run') return;
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((window) => window.hide()));
    const second = spawn(precondition.binary, launchArgs, { env: launchEnv, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill();
        reject(new Error('the second instance did not exit within 30 s'));
      }, 30_000);
      second.once('exit', (exit) => {
        clearTimeout(timer);
        resolve(exit);
      });
    });
    assert.equal(code, 0);
    await eventually(async () => ((await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((window) => window.isVisible()))) ? true : undefined), 'the first instance to show its window');
  });

  test('Quit from the tray ends the app, clears our copy from the clipboard and leaves the accounts in the store', { skip }, async () => {
    const { app: electronApp } = running();
    if (precondition.kind !== 'run') return;
    assert.equal(await clickTray(electronApp, 'Copy bearer header'), true);
    const copied = await eventually(async () => {
      const text = await electronApp.evaluate(({ clipboard }) => clipboard.readText());
      return text.startsWith('Authorization: Bearer ') ? text : undefined;
    }, 'the header on the clipboard');
    // A fresh Electron reads the system clipboard. Positive control first: while we run it must see
    // our copy, or the reading after quit would prove nothing. (On X11 the selection dies with its
    // owner anyway; on macOS and Windows only the quit's clearing empties it.)
    const reader = join(dataDir, 'read-clipboard.js');
    await writeFile(reader, "const { app, clipboard } = require('electron');\napp.whenReady().then(async () => { process.stdout.write(JSON.stringify(await clipboard.readText())); app.quit(); });\n");
    const readClipboard = async (): Promise<{ readonly code: number | null; readonly output: string }> => {
      const child = spawn(precondition.binary, [reader, ...launchArgs.filter((arg) => arg === '--no-sandbox')], { env: launchEnv, stdio: ['ignore', 'pipe', 'ignore'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      return { code, output };
    };
    const whileRunning = await readClipboard();
    assert.equal(whileRunning.code, 0, 'the clipboard reader ran');
    assert.equal(JSON.parse(whileRunning.output) as string, copied, 'positive control: a fresh Electron reads our copy while we run');
    const closed = electronApp.waitForEvent('close');
    assert.equal(await clickTray(electronApp, 'Quit'), true);
    await closed;
    app = undefined;
    const stored = JSON.parse(await readFile(join(dataDir, 'airisk-token-tray.json'), 'utf8')) as { accounts: { userid: string | null }[] };
    assert.deepEqual(stored.accounts.map((account) => account.userid).sort(), [null, 'user_42'].sort());
    const afterQuit = await readClipboard();
    assert.equal(afterQuit.code, 0, 'the clipboard reader ran after quit');
    assert.notEqual(afterQuit.output, '', 'the reader printed what the clipboard holds');
    assert.notEqual(JSON.parse(afterQuit.output) as string, copied, 'the clipboard still holds our copy after quit');
  });
});
