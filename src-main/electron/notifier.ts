import { Notification } from 'electron';
import { createNotificationDesk, type DeskNotifier, type NotifierActions } from '../core/notifications/notification-desk.ts';

/** Electron `Notification`s under core's notification desk (which decides what is shown, replaced and closed). */
export function createNotifier(actions: NotifierActions, platform: NodeJS.Platform = process.platform): DeskNotifier {
  return createNotificationDesk({
    platform,
    actions,
    isSupported: () => Notification.isSupported(),
    show: (options, events) => {
      const notification = new Notification(options);
      notification.on('action', (details) => events.action(details.actionIndex));
      notification.on('click', () => events.click());
      notification.on('close', () => events.closed());
      notification.show();
      return notification;
    },
  });
}
