import type { ExpiryNotice, NotifierPort } from '../app/app-ports.ts';

/** What the notifier does when the person acts on a notification. */
export interface NotifierActions {
  /** The Renew button of a notice about one account (macOS and Windows). */
  renew(accountId: string): void;
  /** The Renew all button of a notice about several accounts on one connection. */
  renewAll(connectionId: string): void;
  /** A click on the notification: open the window (where Renew is one click away). */
  openWindow(): void;
}

/** The options of one notification (structurally Electron's `NotificationConstructorOptions`). */
export interface NotificationOptions {
  readonly title: string;
  readonly body: string;
  readonly id?: string;
  readonly actions?: { readonly type: 'button'; readonly text: string }[];
  readonly urgency?: 'normal' | 'critical';
}

/** What the shell reports back about a notification it shows. */
export interface NotificationEvents {
  /** A button was pressed (its index in `actions`). */
  action(index: number): void;
  click(): void;
  /** Closed by the person, the system or the app. */
  closed(): void;
}

/** A notification on screen, as far as the desk needs it. */
export interface ShownNotification {
  close(): void;
}

/** The notifier, plus a plain message (a failed tray action) and closing whatever is still shown (on quit). */
export interface DeskNotifier extends NotifierPort {
  /** Shows a message; a newer message replaces the previous one. Click opens the window. */
  message(title: string, body: string): void;
  closeAll(): void;
}

/** Options of {@link createNotificationDesk}. */
export interface NotificationDeskOptions<N extends ShownNotification> {
  readonly platform: NodeJS.Platform;
  /** False where the system shows no notifications: then nothing is shown. */
  readonly isSupported: () => boolean;
  /** Creates and shows a notification (Electron's `new Notification(options)` + `show()`). */
  readonly show: (options: NotificationOptions, events: NotificationEvents) => N;
  readonly actions: NotifierActions;
}

/** The key of the plain message (notice kinds are 'expiring' and 'expired', so it cannot collide). */
const MESSAGE_KEY = 'message';

/** Platforms whose notifications carry buttons (Linux servers mostly ignore or mangle them). */
const PLATFORMS_WITH_BUTTONS: ReadonlySet<NodeJS.Platform> = new Set(['darwin', 'win32']);

/** What a notice's button does: renew its one account, Renew all on their shared connection, or nothing (no button). */
export function noticeButton(notice: ExpiryNotice, actions: NotifierActions): { readonly text: string; readonly press: () => void } | undefined {
  const [only] = notice.accountIds;
  if (notice.accountIds.length === 1 && only !== undefined) return { text: 'Renew', press: () => actions.renew(only) };
  const connectionId = notice.renewConnectionId;
  return connectionId === null ? undefined : { text: 'Renew all', press: () => actions.renewAll(connectionId) };
}

/** The options of an expiry notice: its button where buttons work, its urgency, and its kind as the system's tag. */
export function expiryNotificationOptions(notice: ExpiryNotice, platform: NodeJS.Platform, buttonText: string | undefined): NotificationOptions {
  const buttons = PLATFORMS_WITH_BUTTONS.has(platform) && buttonText !== undefined;
  return {
    title: notice.title,
    body: notice.body,
    ...(buttons ? { id: `airisk-${notice.kind}`, actions: [{ type: 'button', text: buttonText }] } : {}),
    urgency: notice.urgency,
  };
}

/**
 * One notification per notice kind at most, and one plain message: a new one for the same key
 * closes the previous (kept here, which also keeps its handlers alive until it closes). Everywhere
 * a click opens the window; the button renews (see {@link noticeButton}).
 */
export function createNotificationDesk<N extends ShownNotification>(options: NotificationDeskOptions<N>): DeskNotifier {
  const shown = new Map<string, N>();
  const put = (key: string, notificationOptions: NotificationOptions, onButton: () => void): void => {
    if (!options.isSupported()) return;
    shown.get(key)?.close();
    const notification: N = options.show(notificationOptions, {
      action: (index) => {
        if (index === 0) onButton();
      },
      click: () => options.actions.openWindow(),
      closed: () => {
        if (shown.get(key) === notification) shown.delete(key);
      },
    });
    shown.set(key, notification);
  };
  return {
    notify: (notice) => {
      const button = noticeButton(notice, options.actions);
      put(notice.kind, expiryNotificationOptions(notice, options.platform, button?.text), () => button?.press());
    },
    message: (title, body) => put(MESSAGE_KEY, { title, body }, () => undefined),
    closeAll() {
      const open = [...shown.values()];
      shown.clear();
      for (const notification of open) notification.close();
    },
  };
}
