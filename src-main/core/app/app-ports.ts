import type { ClipboardPort } from '../clipboard/clipboard-port.ts';
import type { FetchPort } from '../oauth/fetch-port.ts';
import type { TimerPort } from '../ports/timer-port.ts';
import type { ShortcutPort } from '../settings/global-shortcut.ts';
import type { CipherPort } from '../vault/cipher-port.ts';
import type { DocumentStorePort } from '../vault/document-store-port.ts';
import type { StoreRecovery } from '../vault/vault-warning.ts';

/** The kinds of expiry notice; at most one of each is on screen (a newer one replaces the older). */
export type NoticeKind = 'expiring' | 'expired';

/** One desktop notification about the tokens of one kind (grouped: never one per account). */
export interface ExpiryNotice {
  /** Also the replacement tag: a notice of a kind replaces the previous notice of that kind. */
  readonly kind: NoticeKind;
  /** The accounts it is about, the active one first. */
  readonly accountIds: readonly string[];
  /** The connection they all share (the Renew button runs Renew all there), or null across several. */
  readonly renewConnectionId: string | null;
  readonly title: string;
  readonly body: string;
  /** Critical only when the active account's token expired. */
  readonly urgency: 'normal' | 'critical';
}

/** Shows notifications (Electron `Notification`); optional. */
export interface NotifierPort {
  notify(notice: ExpiryNotice): void;
  /** A one-off message (a global shortcut's copy that failed, say); a newer one replaces it. */
  message?(title: string, body: string): void;
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
  /** The desktop's global shortcuts (Electron `globalShortcut`); without it the setting cannot take effect. */
  readonly shortcuts?: ShortcutPort;
}
