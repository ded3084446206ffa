import {
  DEFAULT_AUTHORIZE_PATH,
  DEFAULT_BASE_URL,
  DEFAULT_REDIRECT_URI,
  DEFAULT_TOKEN_PATH,
  type TokenBodyEncoding,
} from '../oauth/client-config.ts';

/** A secret as it sits in the store file: ciphertext only, and which cipher backend made it. */
export interface EncryptedSecret {
  readonly ciphertext: string;
  readonly backend: string;
}

/**
 * Settings as persisted in the store document (the client secret encrypted like tokens, sealed
 * with the origin it is for: src-main/core/vault/client-secret-seal.ts).
 */
export interface StoredSettings {
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  readonly clientId: string;
  readonly clientSecret: EncryptedSecret | null;
  readonly redirectUri: string;
  readonly bodyEncoding: TokenBodyEncoding;
  /** A token counts as "expiring" this long before it expires. */
  readonly expiryLeadSeconds: number;
  /** The clipboard is cleared this long after a copy (0 = never). */
  readonly clipboardClearSeconds: number;
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
  /** Store tokens even when only weak protection (Linux basic_text) exists. */
  readonly allowWeakEncryption: boolean;
  /** Standard OAuth 2.0 servers: the scope to ask for; '' sends none (AIRisk needs none). */
  readonly scope: string;
  /** Standard OAuth 2.0 servers: the issuer a callback's `iss` must name; '' means the base URL. */
  readonly issuer: string;
}

export const DEFAULT_SETTINGS: StoredSettings = {
  baseUrl: DEFAULT_BASE_URL,
  authorizePath: DEFAULT_AUTHORIZE_PATH,
  tokenPath: DEFAULT_TOKEN_PATH,
  clientId: '',
  clientSecret: null,
  redirectUri: DEFAULT_REDIRECT_URI,
  bodyEncoding: 'form',
  expiryLeadSeconds: 300,
  clipboardClearSeconds: 60,
  startAtLogin: false,
  startHidden: false,
  allowWeakEncryption: false,
  scope: '',
  issuer: '',
};
