import type { ClipboardPort } from '../clipboard/clipboard-port.ts';
import type { FetchPort } from '../oauth/fetch-port.ts';
import type { TimerPort } from '../ports/timer-port.ts';
import type { CipherPort } from '../vault/cipher-port.ts';
import type { DocumentStorePort } from '../vault/document-store-port.ts';
import type { StoreRecovery } from '../vault/vault-warning.ts';

/** A desktop notification about one account; the shell replaces, never piles up, per account. */
export interface AccountNotice {
  readonly accountId: string;
  readonly kind: 'expiring' | 'expired';
  readonly title: string;
  readonly body: string;
}

/** Shows notifications (Electron `Notification`); optional. */
export interface NotifierPort {
  notify(notice: AccountNotice): void;
}

/** Registers the app to start at login (macOS/Windows login items, Linux XDG autostart). */
export interface LoginItemPort {
  set(enabled: boolean, options: { readonly hidden: boolean }): Promise<void>;
}

/** Everything the app service needs from the face that runs it. */
export interface AppPorts {
  readonly store: DocumentStorePort;
  /** What the store opener moved aside, if anything. */
  readonly recovered?: StoreRecovery | undefined;
  readonly cipher: CipherPort;
  readonly clipboard: ClipboardPort;
  readonly timers: TimerPort;
  /** Opens the authorization URL in the system browser. */
  readonly openUrl: (url: string) => Promise<void>;
  readonly fetch?: FetchPort;
  readonly notifier?: NotifierPort;
  readonly loginItem?: LoginItemPort;
  readonly localhostCertificate?: () => Promise<{ key: string; cert: string }>;
}
