import {
  DEFAULT_AUTHORIZE_PATH,
  DEFAULT_BASE_URL,
  DEFAULT_REDIRECT_URI,
  DEFAULT_TOKEN_PATH,
  type TokenBodyEncoding,
} from '../oauth/client-config.ts';
import { DEFAULT_CONNECTION_NAME } from '../../shared/airisk-defaults.ts';
import type { CopyFormat } from '../../contract.ts';
import { SESSION_MINUTES } from '../terminal/consent-sessions.ts';

/** A secret as it sits in the store file: ciphertext only, and which cipher backend made it. */
export interface EncryptedSecret {
  readonly ciphertext: string;
  readonly backend: string;
}

/** The app-wide settings as persisted in the store document (schema v3 `settings`). */
export interface StoredSettings {
  /** A token counts as "expiring" this long before it expires. */
  readonly expiryLeadSeconds: number;
  /** The clipboard is cleared this long after a copy (0 = never). */
  readonly clipboardClearSeconds: number;
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
  /** Store tokens even when only weak protection (Linux basic_text) exists. */
  readonly allowWeakEncryption: boolean;
  /** Scripts and shells may ask the running app for a token, each terminal session with consent (off by default). */
  readonly allowTerminalAccess: boolean;
  /** An approved terminal session lasts this many minutes without use. */
  readonly terminalSessionMinutes: number;
  /** What the one-click Copy (the tray's first item, the global shortcut, `copy(id, null)`) puts on the clipboard. */
  readonly defaultCopyFormat: CopyFormat;
  /** An Electron accelerator that copies the active account's token in the default format; '' = off (the default). */
  readonly globalShortcut: string;
  /** Check for a new version a minute after start, then daily (on by default). */
  readonly checkForUpdatesAutomatically: boolean;
}

/** What a connection (one AIRisk environment and our client there) holds besides its id and secret. */
export interface ConnectionFields {
  /** Chosen by the person; unique case-insensitively (connection-name.ts). */
  readonly name: string;
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly bodyEncoding: TokenBodyEncoding;
  /** Standard OAuth 2.0 servers: the scope to ask for; '' sends none (AIRisk needs none). */
  readonly scope: string;
  /** Standard OAuth 2.0 servers: the issuer a callback's `iss` must name; '' means the base URL. */
  readonly issuer: string;
}

/**
 * A connection as persisted: its fields, and its client secret encrypted like tokens, sealed with
 * the origin it is for (src-main/core/vault/client-secret-seal.ts); null when none is on disk.
 */
export type StoredConnection = ConnectionFields & {
  readonly id: string;
  readonly clientSecret: EncryptedSecret | null;
};

export const DEFAULT_SETTINGS: StoredSettings = {
  expiryLeadSeconds: 300,
  clipboardClearSeconds: 60,
  startAtLogin: false,
  startHidden: false,
  allowWeakEncryption: false,
  allowTerminalAccess: false,
  terminalSessionMinutes: SESSION_MINUTES.default,
  defaultCopyFormat: 'header',
  globalShortcut: '',
  checkForUpdatesAutomatically: true,
};

export { DEFAULT_CONNECTION_NAME };

/** A new connection's fields before the person changes them. */
export const DEFAULT_CONNECTION_FIELDS: ConnectionFields = {
  name: DEFAULT_CONNECTION_NAME,
  baseUrl: DEFAULT_BASE_URL,
  authorizePath: DEFAULT_AUTHORIZE_PATH,
  tokenPath: DEFAULT_TOKEN_PATH,
  clientId: '',
  redirectUri: DEFAULT_REDIRECT_URI,
  bodyEncoding: 'form',
  scope: '',
  issuer: '',
};
