import type { AccountNotice, NotifierPort } from '../app/app-ports.ts';

/** What the notifier does when the person acts on a notification. */
export interface NotifierActions {
  /** The Renew button (macOS and Windows). */
  renew(accountId: string): void;
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

/** The key of the plain message (account ids are UUIDs, so it cannot collide). */
const MESSAGE_KEY = 'message';

/** Platforms whose notifications carry buttons (Linux servers mostly ignore or mangle them). */
const PLATFORMS_WITH_BUTTONS: ReadonlySet<NodeJS.Platform> = new Set(['darwin', 'win32']);

/** The options of the notice about one account: a Renew button where buttons work, critical once expired. */
export function accountNotificationOptions(notice: AccountNotice, platform: NodeJS.Platform): NotificationOptions {
  return {
    title: notice.title,
    body: notice.body,
    ...(PLATFORMS_WITH_BUTTONS.has(platform) ? { id: `airisk-account-${notice.accountId}`, actions: [{ type: 'button', text: 'Renew' }] } : {}),
    urgency: notice.kind === 'expired' ? 'critical' : 'normal',
  };
}

/**
 * One notification per account at most, and one plain message: a new one for the same key closes
 * the previous (kept here, which also keeps its handlers alive until it closes). Everywhere a
 * click opens the window; the Renew button renews its account.
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
    notify: (notice) => put(notice.accountId, accountNotificationOptions(notice, options.platform), () => options.actions.renew(notice.accountId)),
    message: (title, body) => put(MESSAGE_KEY, { title, body }, () => undefined),
    closeAll() {
      const open = [...shown.values()];
      shown.clear();
      for (const notification of open) notification.close();
    },
  };
}
