import type { NotifierActions } from './notification-desk.ts';
import { messageOf } from '../../shared/message-of.ts';

/** The part of the app service a notification's buttons reach. */
export interface RenewingService {
  renew(accountId: string): Promise<unknown>;
  renewAll(connectionId: string): Promise<unknown>;
}

/**
 * What a notification's buttons and click do: show the window, then renew the one account or run
 * Renew all on the connection; a failure is logged (the window shows it too). `service` is read at
 * the time of the click: the notifier exists before the service does.
 */
export function notifierActions(options: { readonly service: () => RenewingService | undefined; readonly showWindow: () => void; readonly log: (line: string) => void }): NotifierActions {
  const { service, showWindow, log } = options;
  return {
    renew: (accountId) => {
      showWindow();
      service()?.renew(accountId).catch((error: unknown) => log(`renew failed: ${messageOf(error)}`));
    },
    renewAll: (connectionId) => {
      showWindow();
      service()?.renewAll(connectionId).catch((error: unknown) => log(`renew all failed: ${messageOf(error)}`));
    },
    openWindow: showWindow,
  };
}
