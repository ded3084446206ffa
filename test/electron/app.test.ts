/**
 * The desktop app end to end in a real Electron (Playwright `_electron`): built app, real sandbox,
 * its own data folder. Tray and menu (through the main process), the window, a user_42 sign-in
 * approved on the sandbox's consent page, the header on the real clipboard, a switch of user, quit.
 *
 * Runs only where an Electron binary is installed; elsewhere every test is reported as SKIPPED
 * (never passed) and one line on stderr says why. Linux also needs a display (or xvfb-run).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const binary = findElectronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skip = !binary.ok ? `Electron binary not installed on this machine: ${binary.reason}` : noDisplay ? 'No display for Electron on this Linux machine (run under xvfb-run)' : false;
if (skip !== false) process.stderr.write(`test:electron: SKIPPED, not run: ${skip}\n`);

/** What the page sees as `window.airisk` (the test project has no DOM types). */
type PageGlobal = { readonly airisk: AiriskApi };
/** What the main process holds for these tests (exposed with AIRISK_E2E=1) plus the openExternal recorder. */
type MainGlobal = { readonly airiskE2E?: E2eHooks; openedUrls?: string[] };

let app: ElectronApplication | undefined;
let page: Page | undefined;
let sandbox: Sandbox | undefined;
let dataDir = '';

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
    if (skip !== false || !binary.ok) return;
    assert.equal(await buildRenderer(), 0, 'vite build');
    assert.ok(await buildMain(), 'esbuild bundles');
    sandbox = await startSandbox();
    dataDir = await mkdtemp(join(tmpdir(), 'airisk-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    app = await _electron.launch({
      executablePath: binary.path,
      args: [ROOT, '--data-dir', dataDir, '--hidden', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: {
        ...env,
        AIRISK_E2E: '1',
        AIRISK_DEMO_SANDBOX_URL: sandbox.url,
        AIRISK_DEMO_CLIENT_ID: sandbox.demoClient.clientId,
        AIRISK_DEMO_CLIENT_SECRET: sandbox.demoClient.clientSecret,
      },
      timeout: 60_000,
    });
    // Record instead of opening a real browser; the test plays the person at the consent page.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as MainGlobal).openedUrls = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
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
    assert.deepEqual(labels.filter((label) => label !== ''), ['No tokens yet — sign in to get one', 'Sign in (generic token)', 'Sign in as a user…', 'Open AIRisk Token Tray', 'Start at login', 'Quit']);
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

  test('Quit from the tray ends the app and leaves the accounts in the store', { skip }, async () => {
    const { app: electronApp } = running();
    const closed = electronApp.waitForEvent('close');
    assert.equal(await clickTray(electronApp, 'Quit'), true);
    await closed;
    app = undefined;
    const stored = JSON.parse(await readFile(join(dataDir, 'airisk-token-tray.json'), 'utf8')) as { accounts: { userid: string | null }[] };
    assert.deepEqual(stored.accounts.map((account) => account.userid).sort(), [null, 'user_42'].sort());
  });
});
