/**
 * The Electron main process: the composition root. It wires core's service to Electron adapters
 * (src-main/electron) and owns the lifecycle — one instance, tray first, window on demand, a
 * graceful quit that writes the store and clears the clipboard. Every decision is made in core.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { app, dialog, globalShortcut, Menu, session, shell } from 'electron';
import { AppService } from './core/app/app-service.ts';
import { upsertDemoConnections } from './core/app/demo-connections.ts';
import { parseLaunchOptions, startsHidden } from './core/autostart/launch-options.ts';
import { createXdgAutostart } from './core/autostart/xdg-autostart.ts';
import { notifierActions } from './core/notifications/notifier-actions.ts';
import { systemTimers } from './core/ports/timer-port.ts';
import { createQuitCoordinator } from './core/process/quit-coordinator.ts';
import { removeAppVariables } from './core/process/child-environment.ts';
import { quitOnSignals } from './core/process/quit-on-signal.ts';
import { isPackagedRun, remoteDebuggingRefusal } from './core/process/remote-debugging.ts';
import { trayActionDispatcher } from './core/tray/tray-actions.ts';
import { appIconFile } from './core/tray/tray-icon-paths.ts';
import { createUpdateFace } from './core/update/update-face.ts';
import { createTrayLabelClock } from './core/tray/tray-label-clock.ts';
import { applicationMenuTemplate } from './core/window/application-menu.ts';
import { authorizationUrlOpener, expectedEndpointOf, refuseNewWindowUrl } from './core/window/window-open-policy.ts';
import { registerAppScheme, serveRenderer } from './electron/app-protocol.ts';
import { exposeE2eHooks } from './electron/e2e-hooks.ts';
import { createElectronClipboard } from './electron/electron-clipboard.ts';
import { openElectronStoreDocument } from './electron/electron-store-document.ts';
import { bindIpc } from './electron/ipc.ts';
import { createLoginItem } from './electron/login-item.ts';
import { netFetch } from './electron/net-fetch.ts';
import { createNotifier } from './electron/notifier.ts';
import { watchPower } from './electron/power.ts';
import { createSafeStorageCipher } from './electron/safe-storage-cipher.ts';
import { createTray } from './electron/tray.ts';
import { createWindowController, hardenSession, hardenWebContents, type WindowController } from './electron/window.ts';
import { messageOf } from './shared/message-of.ts';

/** electron-builder.yml `appId`; Windows ties notifications and the taskbar to it. */
const APP_USER_MODEL_ID = 'com.airisk.tokentray';

const log = (message: string): void => console.error(`airisk: ${message}`);

const build = { isPackaged: app.isPackaged, appPath: app.getAppPath() };
// A renamed copy of the packaged binary reads as unpackaged to Electron; it still loads app.asar.
const packaged = isPackagedRun(build);
const debuggingRefused = remoteDebuggingRefusal(process.argv, { ...build, platform: process.platform });
if (debuggingRefused !== null) {
  log(debuggingRefused);
  // Safe before `ready`: a dialog on macOS/Windows, where a GUI launch shows no stderr.
  dialog.showErrorBox('AIRisk Token Tray', debuggingRefused);
  app.exit(1);
} else {
  boot();
}

function boot(): void {
  const launch = parseLaunchOptions(process.argv, process.env);
  // Read once: no child (shell.openExternal runs xdg-open on Linux) inherits our variables or secrets.
  const appVariables = removeAppVariables(process.env);
  for (const problem of launch.problems) log(problem);
  // Before the single-instance lock: the lock belongs to the data folder, so a demo or test instance
  // with its own folder runs next to the person's real one.
  if (launch.dataDir !== null) app.setPath('userData', resolve(launch.dataDir));
  registerAppScheme();
  // Another instance owns this data folder: it shows its window (second-instance) and we leave.
  if (!app.requestSingleInstanceLock()) app.quit();
  else start(launch, appVariables).catch((error: unknown) => {
    log(`could not start: ${messageOf(error)}`);
    app.exit(1);
  });
}

async function start(launch: ReturnType<typeof parseLaunchOptions>, appVariables: Readonly<Record<string, string>>): Promise<void> {
  // Filled in as the parts come up; handlers registered early reach them through here.
  const late: { window?: WindowController; service?: AppService } = {};
  const openUrl = authorizationUrlOpener(expectedEndpointOf(() => late.service), (url) => shell.openExternal(url, { activate: true }));
  app.on('second-instance', () => late.window?.show());
  // The tray app lives on without windows.
  app.on('window-all-closed', () => undefined);
  // The window opens no address itself: it reopens the sign-in page through the service (openSignInPage).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, refuseNewWindowUrl));
  quitOnSignals({
    source: process,
    quit: () => app.quit(),
    exit: (code) => app.exit(code),
    onSignal: (signal, outcome) => {
      if (outcome !== 'echo-ignored') log(`${signal}: ${outcome === 'quit' ? 'quitting' : 'exiting now'}`);
    },
  });

  await app.whenReady();
  // Windows shows notifications only for an app with an AppUserModelID: the installer's (appId).
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.dock?.hide();
  const menuTemplate = applicationMenuTemplate(process.platform);
  Menu.setApplicationMenu(menuTemplate === null ? null : Menu.buildFromTemplate(menuTemplate));
  hardenSession(session.defaultSession);

  const appPath = app.getAppPath();
  // Icons ship next to app.asar when packaged (electron-builder.yml extraResources), in resources/ otherwise.
  const resourcesDir = packaged ? process.resourcesPath : join(appPath, 'resources');
  serveRenderer(join(appPath, 'dist', 'renderer'));

  const dataDir = app.getPath('userData');
  const platform = process.platform;
  // Unpackaged (`electron .`), the executable needs the app folder before our own arguments.
  const leadingArguments = packaged ? [] : [appPath];
  const { store, recovered } = openElectronStoreDocument(dataDir);
  const loginItem = createLoginItem({
    platform,
    leadingArguments,
    xdg: createXdgAutostart({ env: process.env, homeDirectory: homedir(), target: { appImage: process.env.APPIMAGE, execPath: process.execPath, leadingArguments } }),
  });
  const instanceLock = { release: () => app.releaseSingleInstanceLock(), retake: () => void app.requestSingleInstanceLock() };
  const notifier = createNotifier(notifierActions({ service: () => late.service, showWindow: () => late.window?.show(), log }));
  // Before the service: terminal access may bring the window forward for a prompt as soon as it starts.
  const window = createWindowController({ preloadPath: join(appPath, 'dist', 'main', 'preload.cjs'), iconPath: join(resourcesDir, ...appIconFile(platform).split('/')) });
  late.window = window;
  const service = await AppService.create({
    store,
    recovered,
    cipher: createSafeStorageCipher(platform),
    clipboard: createElectronClipboard(platform),
    timers: systemTimers,
    openUrl,
    fetch: netFetch,
    notifier,
    loginItem,
    shortcuts: globalShortcut,
    // Loaded only for an https redirect URI: the certificate code (selfsigned and its X.509
    // libraries) is a bundle of its own, dist/main/localhost-certificate.cjs (scripts/build-main.ts).
    localhostCertificate: async () => (await import('./core/oauth/localhost-certificate.ts')).loadOrCreateLocalhostCertificate(join(dataDir, 'localhost-tls')),
  }, {
    // The command-line tool ships next to app.asar when packaged (electron-builder.yml extraResources).
    // electron-updater is a bundle of its own too (dist/main/updater.cjs), loaded on the first check.
    updates: await createUpdateFace({ version: app.getVersion(), packaged, platform, env: process.env, resourcesDir: process.resourcesPath, execPath: process.execPath, load: async () => (await import('./electron/updater.ts')).createElectronUpdater(), instanceLock, notify: (title, body) => notifier.message(title, body) }),
    terminal: { dataDir, version: app.getVersion(), cliPath: packaged ? join(process.resourcesPath, 'cli', 'airisk-token.cjs') : join(appPath, 'dist', 'cli', 'airisk-token.cjs'), showWindow: () => window.show() },
  });
  late.service = service;

  for (const refusal of await upsertDemoConnections(service, launch.demoConnections)) log(refusal);

  bindIpc(service, window);

  const initialState = await service.getState();
  const tray = createTray({
    resourcesDir,
    platform,
    initialState,
    dispatch: trayActionDispatcher({
      service,
      openWindow: () => window.show(),
      quit: () => app.quit(),
      onFailure: (action, message) => {
        log(`${action.type} failed: ${message}`);
        notifier.message('AIRisk Token Tray', message);
      },
    }),
  });
  // The tray's "42 min left" labels are redrawn when one of them changes, not on a fixed beat.
  const trayLabels = createTrayLabelClock({
    timers: systemTimers,
    getState: () => service.getState(),
    draw: (state) => tray.update(state),
    onError: (error) => log(`could not refresh the tray: ${messageOf(error)}`),
  });
  service.onStateChange((state) => trayLabels.show(state));
  trayLabels.show(initialState);
  const stopPowerWatch = watchPower(service);
  exposeE2eHooks(appVariables, { tray, window });

  // Quit: held until the store is written and the clipboard cleared (if it still holds our copy).
  const quit = createQuitCoordinator({
    stopWatching: () => {
      trayLabels.stop();
      stopPowerWatch();
    },
    shutdown: () => service.shutdown(),
    cleanUp: () => {
      notifier.closeAll();
      tray.destroy();
    },
    quit: () => app.quit(),
    onError: (error) => log(`shutting down: ${messageOf(error)}`),
  });
  app.on('before-quit', quit.beforeQuit);

  service.renewLoginItem().catch((error: unknown) => log(`could not renew the start-at-login entry: ${messageOf(error)}`));
  const settings = service.appSettings;
  const openedAtLogin = platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  if (!startsHidden({ hiddenArgument: launch.hidden, platform, openedAtLogin, startHiddenSetting: settings.startHidden })) window.show();
}
