/**
 * dist/main/main.cjs as a whole, composed against a recording `electron` stand-in (no Electron
 * binary here): the single-instance path, start-up wiring (scheme, permissions, store, IPC handlers,
 * tray menu, window options), an IPC round trip through the bound handlers with a trusted and an
 * untrusted sender, the demo settings from the environment, and the graceful quit. It proves the
 * composition root calls the Electron API the way electron.d.ts says — not that Electron draws it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildMain } from '../../scripts/build-main.ts';
import { AIRISK_METHOD_NAMES } from '../../src-main/contract-methods.ts';

/** TEST DOUBLE: a recording stand-in for the parts of `electron` main.ts and its adapters use. */
const ELECTRON_STAND_IN = String.raw`
const { EventEmitter } = require('node:events');
const log = [];
const state = { handlers: {}, protocolHandlers: {}, menus: [], trays: [], windows: [], appListeners: {}, sessionListeners: {}, quitCalls: 0 };
class Tray extends EventEmitter {
  constructor(image) { super(); this.image = image; this.destroyed = false; state.trays.push(this); log.push(['new Tray', image]); }
  setImage(image) { this.image = image; }
  setToolTip(text) { this.toolTip = text; }
  setContextMenu(menu) { this.menu = menu; }
  popUpContextMenu() {}
  isDestroyed() { return this.destroyed; }
  destroy() { this.destroyed = true; log.push(['tray.destroy']); }
}
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.webContents = Object.assign(new EventEmitter(), { sent: [], send(channel, payload) { this.sent.push([channel, payload]); }, isDestroyed: () => false, setWindowOpenHandler() {} });
    state.windows.push(this);
  }
  loadURL(url) { this.url = url; setImmediate(() => this.emit('ready-to-show')); return Promise.resolve(); }
  show() { this.shown = true; }
  focus() {}
  isMinimized() { return false; }
  restore() {}
  isDestroyed() { return this.destroyed; }
  close() { this.destroyed = true; this.emit('closed'); }
  static getAllWindows() { return state.windows.filter((w) => !w.destroyed); }
}
module.exports = {
  __log: log,
  __state: state,
  app: {
    setPath: (...args) => log.push(['app.setPath', ...args]),
    getPath: (name) => (name === 'userData' ? process.env.STAND_IN_USER_DATA : '/nowhere'),
    getAppPath: () => process.env.STAND_IN_APP_PATH ?? '/stand-in/app',
    getVersion: () => '0.1.0',
    isPackaged: process.env.STAND_IN_PACKAGED === '1',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: (event, listener) => { (state.appListeners[event] ??= []).push(listener); },
    quit: () => { state.quitCalls += 1; for (const l of state.appListeners['before-quit'] ?? []) { const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } }; l(e); if (e.defaultPrevented) return; } log.push(['app.quit (done)']); },
    exit: (code) => log.push(['app.exit', code]),
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
    setLoginItemSettings: (settings) => log.push(['app.setLoginItemSettings', settings]),
    dock: undefined,
  },
  Menu: {
    setApplicationMenu: (menu) => log.push(['Menu.setApplicationMenu', menu]),
    buildFromTemplate: (template) => { const menu = { items: template.map((item) => ({ label: item.label ?? '', enabled: item.enabled !== false, click: item.click ?? (() => {}), type: item.type })) }; state.menus.push(menu); return menu; },
  },
  session: { defaultSession: { setPermissionRequestHandler: (h) => { state.permissionRequest = h; }, setPermissionCheckHandler: (h) => { state.permissionCheck = h; }, on: (event, h) => { state.sessionListeners[event] = h; } } },
  protocol: { registerSchemesAsPrivileged: (s) => log.push(['protocol.registerSchemesAsPrivileged', s]), handle: (scheme, h) => { state.protocolHandlers[scheme] = h; } },
  ipcMain: { handle: (channel, h) => { if (state.handlers[channel]) throw new Error('second handler for ' + channel); state.handlers[channel] = h; }, on: () => {}, removeAllListeners: (channel) => log.push(['ipcMain.removeAllListeners', channel]) },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => 'basic_text',
    encryptStringAsync: async (text) => Buffer.from('enc:' + text),
    decryptStringAsync: async (buffer) => ({ result: buffer.toString().slice(4), shouldReEncrypt: false }),
  },
  ClipboardItem: class { constructor(items) { this.items = items; } },
  clipboard: { text: '', formats: [], write: async (items) => { module.exports.clipboard.text = items[0].items['text/plain']; module.exports.clipboard.formats = Object.keys(items[0].items); }, writeText: async (t) => { module.exports.clipboard.text = t; }, readText: async () => module.exports.clipboard.text, clear: () => { module.exports.clipboard.text = ''; } },
  Tray,
  BrowserWindow,
  nativeTheme: { shouldUseDarkColors: true },
  Notification: class { static isSupported() { return false; } },
  powerMonitor: { on: (e) => log.push(['powerMonitor.on', e]), off: (e) => log.push(['powerMonitor.off', e]) },
  net: { fetch: (...args) => fetch(...args) },
  shell: { openExternal: async (url) => log.push(['shell.openExternal', url]) },
  dialog: { showErrorBox: (title, content) => log.push(['dialog.showErrorBox', title, content]) },
};
`;

/** Runs main.cjs with the stand-in, drives it a little, and prints what happened. */
const DRIVER = String.raw`
const electron = require('electron');
const s = electron.__state;
require('./dist/main/main.cjs');
const until = async (probe) => { for (let i = 0; i < 200; i += 1) { const v = probe(); if (v) return v; await new Promise((r) => setTimeout(r, 10)); } throw new Error('timed out'); };
(async () => {
  const tray = await until(() => s.trays[0]?.menu && s.trays[0]);
  const window = await until(() => s.windows[0]?.shown && s.windows[0]);
  await until(() => (s.menus.at(-1)?.items ?? []).some((i) => i.label === 'Sign in (generic token)' && i.enabled));
  const trustedEvent = { sender: window.webContents, senderFrame: { url: 'app://airisk/index.html', parent: null } };
  const subFrameEvent = { sender: window.webContents, senderFrame: { url: 'app://airisk/index.html', parent: {} } };
  const foreignEvent = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
  const stateAnswer = await s.handlers['airisk:getState'](trustedEvent);
  const settingsAnswer = await s.handlers['airisk:getSettings'](trustedEvent);
  const refusals = [];
  for (const event of [subFrameEvent, foreignEvent, { sender: {}, senderFrame: trustedEvent.senderFrame }]) {
    refusals.push(await s.handlers['airisk:getState'](event).then(() => 'resolved', (e) => e.message));
  }
  const badArgs = await s.handlers['airisk:copy'](trustedEvent, 1, 2, 3).then(() => 'resolved', (e) => e.message);
  await s.handlers['airisk:updateSettings'](trustedEvent, { clipboardClearSeconds: 30 });
  await until(() => window.webContents.sent.length > 0);
  // A target=_blank link or window.open in any web contents, with no sign-in under way: nothing opens, not even an authorization URL.
  const contents = { on() {}, setWindowOpenHandler(handler) { this.openHandler = handler; } };
  for (const listener of s.appListeners['web-contents-created']) listener({}, contents);
  const newWindowAnswers = ['http://127.0.0.1:8790/api/oauth2/Authorize?client_id=demo-client&state=s', 'https://evil.example/api/oauth2/Authorize', 'file:///etc/passwd'].map((url) => contents.openHandler({ url }));
  await new Promise((r) => setTimeout(r, 50));
  const permissionAnswers = [];
  s.permissionRequest({}, 'notifications', (granted) => permissionAnswers.push(granted));
  permissionAnswers.push(s.permissionCheck({}, 'clipboard-read', 'app://airisk', {}));
  // Downloads: only a blob: URL the window made (Settings → Export) goes on to Electron's save dialog.
  const downloadCancelled = ['blob:app://airisk/3f1c2b9e-8d4a-4c1e-9f7a-2b6d5e4c3a21', 'https://evil.example/payload.exe'].map((url) => {
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    s.sessionListeners['will-download'](e, { getURL: () => url });
    return e.defaultPrevented;
  });
  const report = {
    log: electron.__log.filter(([name]) => name !== 'powerMonitor.off'),
    channels: Object.keys(s.handlers),
    protocols: Object.keys(s.protocolHandlers),
    trayImage: tray.image,
    trayToolTip: tray.toolTip,
    menu: s.menus.at(-1).items.map((i) => i.label),
    window: { options: window.options, url: window.url },
    stateAnswer: { configured: stateAnswer.configured, storage: stateAnswer.storage, warnings: stateAnswer.warnings.map((w) => w.kind) },
    settingsAnswer: settingsAnswer.connections.map((c) => ({ name: c.name, baseUrl: c.baseUrl, clientId: c.clientId, clientSecretSet: c.clientSecretSet, redirectUri: c.redirectUri })),
    refusals,
    badArgs,
    pushed: window.webContents.sent.map(([channel, payload]) => [channel, typeof payload.generatedAt]),
    permissionAnswers,
    downloadCancelled,
    newWindowAnswers,
    openedExternally: electron.__log.filter(([name]) => name === 'shell.openExternal').map(([, url]) => url),
    appEvents: Object.keys(s.appListeners).sort(),
    appVariablesLeft: Object.keys(process.env).filter((name) => /^AIRISK_/i.test(name)),
  };
  const quitItem = s.menus.at(-1).items.find((i) => i.label === 'Quit');
  quitItem.click();
  await until(() => electron.__log.some(([name]) => name === 'app.quit (done)'));
  report.afterQuit = { quitCalls: s.quitCalls, trayDestroyed: tray.destroyed, tail: electron.__log.slice(-2) };
  console.log(JSON.stringify(report));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
`;

let workDir = '';

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'airisk-main-process-'));
  assert.ok(await buildMain(join(workDir, 'dist', 'main'), () => undefined));
  await mkdir(join(workDir, 'node_modules', 'electron'), { recursive: true });
  await writeFile(join(workDir, 'node_modules', 'electron', 'index.js'), ELECTRON_STAND_IN);
});
after(() => rm(workDir, { recursive: true, force: true }));

/** Runs a driver script (which requires main.cjs against the stand-in Electron) in the work folder; collects its output. */
async function runDriver(driver: string, args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-e', driver, '--', ...args], { cwd: workDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

test('main.cjs wires tray, window, IPC, store and quit through the Electron API', async () => {
  const dataDir = join(workDir, 'data dir');
  const { code, stdout, stderr } = await runDriver(DRIVER, ['--data-dir', dataDir], {
    STAND_IN_USER_DATA: dataDir,
    AIRISK_DEMO_SANDBOX_URL: 'http://127.0.0.1:8790',
    AIRISK_DEMO_CLIENT_ID: 'demo-client',
    AIRISK_DEMO_CLIENT_SECRET: 'demo-secret',
  });
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout) as {
    log: unknown[][];
    channels: string[];
    protocols: string[];
    trayImage: string;
    trayToolTip: string;
    menu: string[];
    window: { options: { show: boolean; backgroundColor: string; icon: string; webPreferences: Record<string, unknown> }; url: string };
    stateAnswer: { configured: boolean; storage: { backend: string; strength: string }; warnings: string[] };
    settingsAnswer: Record<string, unknown>[];
    refusals: string[];
    badArgs: string;
    pushed: [string, string][];
    permissionAnswers: boolean[];
    downloadCancelled: boolean[];
    newWindowAnswers: { action: string }[];
    openedExternally: string[];
    appEvents: string[];
    appVariablesLeft: string[];
    afterQuit: { quitCalls: number; trayDestroyed: boolean; tail: unknown[][] };
  };

  // Start-up, in order: data folder, scheme, then (after ready) no app menu, electron-store's channel closed.
  assert.deepEqual(report.log.slice(0, 4), [
    ['app.setPath', 'userData', dataDir],
    ['protocol.registerSchemesAsPrivileged', [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]],
    ['Menu.setApplicationMenu', null],
    ['ipcMain.removeAllListeners', 'electron-store-get-data'],
  ]);
  assert.ok(report.log.some(([name, event]) => name === 'powerMonitor.on' && event === 'resume'));
  assert.ok(report.log.some(([name, event]) => name === 'powerMonitor.on' && event === 'unlock-screen'));
  assert.deepEqual(report.protocols, ['app']);
  assert.deepEqual(report.appVariablesLeft, [], 'the demo variables were read, then removed: no child (xdg-open) inherits them');
  assert.deepEqual(report.appEvents, ['before-quit', 'second-instance', 'web-contents-created', 'window-all-closed']);

  // IPC: one handler per method; trusted main frame answered, everything else refused.
  assert.deepEqual(report.channels.sort(), AIRISK_METHOD_NAMES.map((name) => `airisk:${name}`).sort());
  assert.deepEqual(report.refusals, ['Untrusted sender', 'Untrusted sender', 'Untrusted sender']);
  assert.match(report.badArgs, /^airisk\.copy takes 2 arguments/);
  assert.deepEqual(report.pushed[0], ['airisk:state', 'string'], 'state changes are pushed to the window');

  // safeStorage on Linux without a keyring: weak, so tokens stay in memory; the demo client is set.
  assert.deepEqual(report.stateAnswer.storage.backend, 'basic_text');
  assert.equal(report.stateAnswer.storage.strength, 'weak');
  assert.ok(report.stateAnswer.warnings.includes('tokens-in-memory-only'));
  assert.equal(report.stateAnswer.configured, true);
  assert.deepEqual(report.settingsAnswer, [{ name: 'Sandbox A', baseUrl: 'http://127.0.0.1:8790', clientId: 'demo-client', clientSecretSet: true, redirectUri: 'http://127.0.0.1:0/callback' }], 'the demo client is one connection');

  // Tray and window.
  assert.equal(report.trayImage, join('/stand-in/app', 'resources', 'tray', process.platform === 'darwin' ? 'tray-emptyTemplate.png' : process.platform === 'win32' ? 'tray-empty.ico' : 'tray-empty.png'));
  assert.equal(report.trayToolTip, 'AIRisk Token Tray — no token');
  assert.deepEqual(report.menu.filter((label) => label !== ''), ['No tokens yet — sign in to get one', 'Sign in (generic token)', 'Sign in as a user…', 'Open AIRisk Token Tray', 'Start at login', 'Version 0.1.0', 'Quit']);
  assert.equal(report.window.url, 'app://airisk/index.html');
  assert.equal(report.window.options.show, false);
  assert.equal(report.window.options.backgroundColor, '#0d1117');
  assert.equal(report.window.options.webPreferences['preload'], join('/stand-in/app', 'dist', 'main', 'preload.cjs'));
  assert.equal(report.window.options.webPreferences['sandbox'], true);
  assert.equal(report.window.options.webPreferences['contextIsolation'], true);
  assert.deepEqual(report.permissionAnswers, [false, false]);
  assert.deepEqual(report.downloadCancelled, [false, true], 'an Export download proceeds; any other download is cancelled');
  assert.deepEqual(report.newWindowAnswers, [{ action: 'deny' }, { action: 'deny' }, { action: 'deny' }], 'no new window is ever created');
  assert.deepEqual(report.openedExternally, [], 'with no sign-in under way, a new-window request opens nothing, not even the authorization endpoint');

  // Quit from the tray: held once for the shutdown, then done; the tray is gone; the store was written.
  assert.equal(report.afterQuit.quitCalls, 2);
  assert.equal(report.afterQuit.trayDestroyed, true);
  const stored = JSON.parse(await readFile(join(dataDir, 'airisk-token-tray.json'), 'utf8')) as { settings: { clipboardClearSeconds: number }; connections: { clientId: string }[] };
  assert.equal(stored.settings.clipboardClearSeconds, 30);
  assert.equal(stored.connections[0]?.clientId, 'demo-client');
});

/** Drives a generic sign-in from the tray menu against a real sandbox, a copy from the tray, and quit. */
const SIGN_IN_DRIVER = String.raw`
const electron = require('electron');
const s = electron.__state;
const until = async (probe, what) => { for (let i = 0; i < 500; i += 1) { const v = await probe(); if (v) return v; await new Promise((r) => setTimeout(r, 10)); } throw new Error('timed out waiting for ' + what); };
const menuItem = (prefix) => (s.menus.at(-1)?.items ?? []).find((i) => i.label.startsWith(prefix) && i.enabled);
(async () => {
  const { startSandbox } = await import(process.env.SANDBOX_MODULE);
  const { completeConsent } = await import(process.env.CONSENT_MODULE);
  const sandbox = await startSandbox();
  Object.assign(process.env, { AIRISK_DEMO_SANDBOX_URL: sandbox.url, AIRISK_DEMO_CLIENT_ID: sandbox.demoClient.clientId, AIRISK_DEMO_CLIENT_SECRET: sandbox.demoClient.clientSecret });
  process.argv.push('--hidden');
  require('./dist/main/main.cjs');
  (await until(() => menuItem('Sign in (generic token)'), 'the sign-in item')).click();
  const opened = await until(() => electron.__log.find(([name]) => name === 'shell.openExternal'), 'openExternal');
  // While the sign-in waits for the browser, a new-window request opens nothing, not even its exact URL (the window reopens it through openSignInPage).
  const contents = { on() {}, setWindowOpenHandler(handler) { this.openHandler = handler; } };
  for (const listener of s.appListeners['web-contents-created']) listener({}, contents);
  for (const [name, value] of [['state', 'attacker-state'], ['client_id', 'attacker-client'], ['redirect_uri', 'http://127.0.0.1:9/callback']]) {
    const forged = new URL(opened[1]);
    forged.searchParams.set(name, value);
    contents.openHandler({ url: forged.href });
  }
  contents.openHandler({ url: opened[1] });
  await new Promise((r) => setTimeout(r, 50));
  const openedWhilePending = electron.__log.filter(([name]) => name === 'shell.openExternal').map(([, url]) => url);
  const consent = await completeConsent(opened[1], 'approve');
  (await until(() => menuItem('Copy bearer header — Generic'), 'the copy item')).click();
  const header = await until(() => electron.clipboard.text, 'the clipboard');
  const me = await (await fetch(sandbox.url + '/api/me', { headers: { Authorization: header.replace(/^Authorization: /, '') } })).json();
  const report = { windows: s.windows.length, openedUrl: opened[1], openedWhilePending, callbackStatus: consent.callback.status, header, formats: electron.clipboard.formats, me, menu: s.menus.at(-1).items.map((i) => i.label), trayImage: s.trays[0].image };
  menuItem('Quit').click();
  await until(() => electron.__log.some(([name]) => name === 'app.quit (done)'), 'the quit');
  report.clipboardAfterQuit = electron.clipboard.text;
  await sandbox.close();
  console.log(JSON.stringify(report));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
`;

test('a tray sign-in against the sandbox opens only the authorization URL (a new-window request none, not even that URL), copies with the secret marker, and quit clears the clipboard', async () => {
  const dataDir = join(workDir, 'sign-in data');
  const { code, stdout, stderr } = await runDriver(SIGN_IN_DRIVER, ['--data-dir', dataDir], {
    STAND_IN_USER_DATA: dataDir,
    SANDBOX_MODULE: new URL('../sandbox/sandbox-server.ts', import.meta.url).href,
    CONSENT_MODULE: new URL('../support/consent.ts', import.meta.url).href,
  });
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout) as { windows: number; openedUrl: string; openedWhilePending: string[]; callbackStatus: number; header: string; formats: string[]; me: { userid: string | null }; menu: string[]; trayImage: string; clipboardAfterQuit: string };
  assert.equal(report.windows, 0, '--hidden: no window');
  assert.equal(new URL(report.openedUrl).pathname, '/api/oauth2/Authorize');
  assert.deepEqual(report.openedWhilePending, [report.openedUrl], 'new-window requests opened nothing: neither the pending URL nor the same endpoint with a forged state, client_id or redirect_uri');
  assert.equal(report.callbackStatus, 200);
  assert.match(report.header, /^Authorization: Bearer \S+$/);
  assert.equal(report.me.userid, null, 'AIRisk accepts the generic token');
  if (process.platform === 'linux') assert.deepEqual(report.formats, ['text/plain', 'electron application/osclipboard;format="x-kde-passwordManagerHint"']);
  assert.match(report.menu[0] ?? '', /^Copy bearer header — Generic — /);
  assert.match(report.trayImage, /tray-valid(Template)?\.(png|ico)$/);
  assert.equal(report.clipboardAfterQuit, '', 'quitting cleared the clipboard that still held our copy');
});

const DEBUGGING_REFUSED = '--remote-debugging-port is refused: it would let any program on this computer control the window and read your tokens. Start the app without it.';

/** Starts main.cjs with --remote-debugging-port and the given stand-in facts; returns the exit code, the Electron calls and stderr. */
async function startWithRemoteDebugging(standIn: Record<string, string>): Promise<{ code: number | null; calls: unknown[][]; stderr: string }> {
  const driver = "const electron = require('electron'); require('./dist/main/main.cjs'); setTimeout(() => { console.log(JSON.stringify(electron.__log)); process.exit(0); }, 200);";
  const { code, stdout, stderr } = await runDriver(driver, ['--remote-debugging-port=9222'], { ...standIn, STAND_IN_USER_DATA: join(workDir, 'debug data') });
  return { code, calls: code === 0 ? (JSON.parse(stdout) as unknown[][]) : [], stderr };
}

test('a packaged build started with --remote-debugging-port says why on stderr and in an error box, and exits 1 before anything starts', async () => {
  const { code, calls, stderr } = await startWithRemoteDebugging({ STAND_IN_PACKAGED: '1' });
  assert.equal(code, 0, stderr);
  assert.deepEqual(calls, [['dialog.showErrorBox', 'AIRisk Token Tray', DEBUGGING_REFUSED], ['app.exit', 1]], 'no data folder, scheme, store or window: only the reason and the exit');
  assert.equal(stderr, `airisk: ${DEBUGGING_REFUSED}\n`);
});

test('a renamed copy of the packaged binary (isPackaged false, app loaded from app.asar) is refused remote debugging too', async () => {
  const { code, calls, stderr } = await startWithRemoteDebugging({ STAND_IN_PACKAGED: '0', STAND_IN_APP_PATH: join(workDir, 'renamed', 'resources', 'app.asar') });
  assert.equal(code, 0, stderr);
  assert.deepEqual(calls, [['dialog.showErrorBox', 'AIRisk Token Tray', DEBUGGING_REFUSED], ['app.exit', 1]]);
  assert.equal(stderr, `airisk: ${DEBUGGING_REFUSED}\n`);
});
