import { BrowserWindow, nativeTheme, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { isTrustedIpcEvent } from '../core/ipc/ipc-binding.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from '../core/window/app-origin.ts';
import { isWindowExportDownload } from '../core/window/download-policy.ts';
import { isAllowedNavigation } from '../core/window/navigation-policy.ts';
import { windowOpenHandler } from '../core/window/window-open-policy.ts';
import { windowOptions } from '../core/window/window-options.ts';
import { createWindowSlot } from '../core/window/window-slot.ts';
import { messageOf } from '../shared/message-of.ts';

/** The one token window (core's window slot decides when to create, reuse or restore it). */
export interface WindowController {
  /** Creates the window if needed, then shows and focuses it. */
  show(): void;
  /** Sends an event to the window's page, if a window is open. */
  send(channel: string, payload: unknown): void;
  /** True for an IPC call from our window's main frame showing our app origin. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  close(): void;
}

/** The window controller; the page is `app://airisk/index.html`, shown on `ready-to-show`. */
export function createWindowController(options: { readonly preloadPath: string; readonly iconPath: string }): WindowController {
  const slot = createWindowSlot((onClosed) => {
    const created = new BrowserWindow(windowOptions({ preloadPath: options.preloadPath, dark: nativeTheme.shouldUseDarkColors, iconPath: options.iconPath }));
    created.once('ready-to-show', () => {
      created.show();
      created.focus();
    });
    created.on('closed', onClosed);
    created.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error(`airisk: the window could not load its page: ${messageOf(error)}`));
    return created;
  });
  const contents = (): WebContents | undefined => slot.current()?.webContents;
  return {
    show: () => slot.show(),
    send: (channel, payload) => {
      const target = contents();
      if (target !== undefined && !target.isDestroyed()) target.send(channel, payload);
    },
    isTrustedSender: (event) => isTrustedIpcEvent(event, contents(), APP_ORIGIN),
    close: () => slot.close(),
  };
}

/**
 * Locks down every web contents the app ever creates (wired to `app`'s `web-contents-created`):
 * navigation and redirects only within the app origin, no `<webview>`, no new windows — a
 * `target=_blank` link or `window.open` goes to `openUrl` instead (core's refuseNewWindowUrl).
 */
export function hardenWebContents(contents: WebContents, openUrl: (url: string) => Promise<void>): void {
  const guard = (details: { readonly url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(details.url, APP_ORIGIN)) details.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openUrl, (reason) => console.error(`airisk: a new window was refused: ${reason}`)));
}

/** Denies every permission request and check (camera, notifications from the page, clipboard-read, …), and every download but an Export. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event, item) => {
    if (!isWindowExportDownload(item.getURL())) event.preventDefault();
  });
}
