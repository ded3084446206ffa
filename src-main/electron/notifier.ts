import { Notification } from 'electron';
import type { AccountNotice, NotifierPort } from '../core/app/app-ports.ts';

/** What the notifier does when the person acts on a notification. */
export interface NotifierActions {
  /** The Renew button (macOS and Windows). */
  renew(accountId: string): void;
  /** A click on the notification: open the window (where Renew is one click away). */
  openWindow(): void;
}

/** The notifier, plus a plain message (a failed tray action) and closing whatever is still shown (on quit). */
export interface ElectronNotifier extends NotifierPort {
  /** Shows a message; a newer message replaces the previous one. Click opens the window. */
  message(title: string, body: string): void;
  closeAll(): void;
}

/** The Map key of the plain message (account ids are UUIDs, so it cannot collide). */
const MESSAGE_KEY = 'message';

/**
 * One notification per account at most: a new notice for an account closes the previous one
 * (kept in a Map, which also keeps its event handlers alive). macOS and Windows get a Renew
 * button; everywhere a click opens the window.
 */
export function createNotifier(actions: NotifierActions, platform: NodeJS.Platform = process.platform): ElectronNotifier {
  const shown = new Map<string, Notification>();
  const hasButtons = platform === 'darwin' || platform === 'win32';
  return {
    notify(notice: AccountNotice) {
      if (!Notification.isSupported()) return;
      shown.get(notice.accountId)?.close();
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        ...(hasButtons ? { id: `airisk-account-${notice.accountId}`, actions: [{ type: 'button', text: 'Renew' }] } : {}),
        urgency: notice.kind === 'expired' ? 'critical' : 'normal',
      });
      notification.on('action', (details) => {
        if (details.actionIndex === 0) actions.renew(notice.accountId);
      });
      notification.on('click', () => actions.openWindow());
      notification.on('close', () => {
        if (shown.get(notice.accountId) === notification) shown.delete(notice.accountId);
      });
      shown.set(notice.accountId, notification);
      notification.show();
    },
    message(title, body) {
      if (!Notification.isSupported()) return;
      shown.get(MESSAGE_KEY)?.close();
      const notification = new Notification({ title, body });
      notification.on('click', () => actions.openWindow());
      notification.on('close', () => {
        if (shown.get(MESSAGE_KEY) === notification) shown.delete(MESSAGE_KEY);
      });
      shown.set(MESSAGE_KEY, notification);
      notification.show();
    },
    closeAll() {
      for (const notification of shown.values()) notification.close();
      shown.clear();
    },
  };
}
