import { BrowserWindow, nativeTheme, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { isTrustedSenderFrame } from '../core/ipc/ipc-binding.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from '../core/window/app-origin.ts';
import { isAllowedNavigation } from '../core/window/navigation-policy.ts';
import { windowOptions } from '../core/window/window-options.ts';
import { messageOf } from '../shared/message-of.ts';

/** The one token window: created on demand, destroyed on close (the tray idles without a renderer). */
export interface WindowController {
  /** Creates the window if needed, then shows and focuses it. */
  show(): void;
  /** Sends an event to the window's page, if a window is open. */
  send(channel: string, payload: unknown): void;
  /** True for an IPC call from our window's main frame showing our app origin. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  /** Closes (and so destroys) the window if open. */
  close(): void;
}

/** Options of {@link createWindowController}. */
export interface WindowControllerOptions {
  readonly preloadPath: string;
  readonly iconPath?: string;
}

/** The window controller; the page is `app://airisk/index.html`, shown on `ready-to-show`. */
export function createWindowController(options: WindowControllerOptions): WindowController {
  let window: BrowserWindow | undefined;
  const open = (): BrowserWindow | undefined => (window !== undefined && !window.isDestroyed() ? window : undefined);
  return {
    show() {
      const existing = open();
      if (existing !== undefined) {
        if (existing.isMinimized()) existing.restore();
        existing.show();
        existing.focus();
        return;
      }
      const created = new BrowserWindow(
        windowOptions({ preloadPath: options.preloadPath, dark: nativeTheme.shouldUseDarkColors, ...(options.iconPath === undefined ? {} : { iconPath: options.iconPath }) }),
      );
      window = created;
      created.once('ready-to-show', () => {
        created.show();
        created.focus();
      });
      created.on('closed', () => {
        if (window === created) window = undefined;
      });
      created.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
        console.error(`airisk: the window could not load its page: ${messageOf(error)}`);
      });
    },
    send(channel, payload) {
      const target = open();
      if (target === undefined || target.webContents.isDestroyed()) return;
      target.webContents.send(channel, payload);
    },
    isTrustedSender(event) {
      const target = open();
      const frame = event.senderFrame;
      return target !== undefined && event.sender === target.webContents && frame !== null && frame.parent === null && isTrustedSenderFrame(frame.url, APP_ORIGIN);
    },
    close() {
      open()?.close();
    },
  };
}

/**
 * Locks down every web contents the app ever creates (wired to `app`'s `web-contents-created`):
 * navigation and redirects only within the app origin, no new windows, no `<webview>`.
 */
export function hardenWebContents(contents: WebContents): void {
  const guard = (details: { readonly url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(details.url, APP_ORIGIN)) details.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission request and check (camera, notifications from the page, clipboard-read, …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
