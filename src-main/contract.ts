/**
 * The one API between the main process and the window (`window.airisk`), and between the browser
 * host and the same window in tests. Types only: nothing here exists at run time.
 *
 * Invariant: no method argument, result or event ever carries a token, an authorization code or a
 * PKCE verifier. The client secret travels one way only, into `updateSettings` when the person types
 * it, and never comes back. The window asks main to copy; main writes the clipboard.
 */

/** How a token stands, on AIRisk's clock. `sign_in_again`: the token is gone or cannot be decrypted. */
export type AccountStatus = 'valid' | 'expiring' | 'expired' | 'sign_in_again';

/** What can be put on the clipboard for a token. */
export type CopyFormat = 'header' | 'token' | 'curl';

/** One token holder as the window and tray show it. */
export interface AccountView {
  readonly id: string;
  /** Editable; defaults to the userid or "Generic". */
  readonly label: string;
  /** `null` for the generic token. */
  readonly userid: string | null;
  readonly status: AccountStatus;
  /** ISO 8601 UTC instant as AIRisk gave it, corrected for clock skew for display. */
  readonly expiration: string;
  /** Seconds until expiration on AIRisk's clock when this view was made (negative once expired). */
  readonly secondsLeft: number;
  readonly active: boolean;
  /** Where the token lives: encrypted on disk, in memory only (weak protection), or nowhere. */
  readonly stored: 'disk' | 'memory' | 'none';
  readonly obtainedAt: string;
  readonly lastUsedAt: string | null;
}

export type SignInStage = 'opening_browser' | 'waiting_for_browser' | 'exchanging_code';

/** The sign-in under way, if any. */
export interface SignInView {
  /** `null` for the generic token. */
  readonly userid: string | null;
  readonly stage: SignInStage;
  /** The address opened in the browser (no secret in it), to open by hand if the browser did not. */
  readonly authorizationUrl: string | null;
  /** False when the callback cannot be received and the redirected URL must be pasted. */
  readonly listening: boolean;
  readonly notes: readonly string[];
}

export type ProtectionStrength = 'strong' | 'weak' | 'none';

/** Something the person should know about the app as a whole. */
export interface AppWarning {
  readonly kind: 'tokens-in-memory-only' | 'weak-encryption' | 'store-recovered' | 'store-migrated' | 'store-write-failed' | 'not-configured' | 'clock-skew';
  readonly message: string;
}

/** A failure the person should see, with the code for styling and tests. */
export interface ErrorView {
  readonly code: string;
  readonly message: string;
  /** ISO instant. */
  readonly at: string;
}

/**
 * Everything the window and tray draw. Sent whole on every change: 0.2 MB of JSON at 1,000 accounts,
 * 2.3 MB at 10,000, built and serialized by main in about 1 ms and 7 ms.
 */
export interface AppState {
  readonly accounts: readonly AccountView[];
  readonly activeAccountId: string | null;
  readonly storage: { readonly backend: string; readonly strength: ProtectionStrength; readonly detail: string };
  readonly warnings: readonly AppWarning[];
  readonly signIn: SignInView | null;
  readonly lastError: ErrorView | null;
  /** Client id and secret are set: sign-in can start. */
  readonly configured: boolean;
  readonly startAtLogin: boolean;
  /** Local ISO instant the view was made; `secondsLeft` counts from here. */
  readonly generatedAt: string;
}

/** Settings as the window sees them. The client secret is write-only: only whether one is set. */
export interface SettingsView {
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  readonly clientId: string;
  readonly clientSecretSet: boolean;
  /** Why a stored secret is not used (it was saved for another AIRisk origin); null otherwise. */
  readonly clientSecretProblem: string | null;
  readonly redirectUri: string;
  readonly bodyEncoding: 'form' | 'json';
  readonly expiryLeadSeconds: number;
  readonly clipboardClearSeconds: number;
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
  readonly allowWeakEncryption: boolean;
  /** Standard OAuth 2.0 servers only: the scope to ask for ('' = none). */
  readonly scope: string;
  /** Standard OAuth 2.0 servers only: the issuer a callback's `iss` must name ('' = the base URL). */
  readonly issuer: string;
}

/** A change to settings. `clientSecret` sets or replaces the secret (it is never read back). */
export type SettingsUpdate = Partial<Omit<SettingsView, 'clientSecretSet' | 'clientSecretProblem'>> & { readonly clientSecret?: string };

/** A setting that was refused, and why. */
export interface SettingsProblem {
  readonly field: keyof SettingsUpdate;
  readonly message: string;
}

export type SettingsResult = { readonly ok: true; readonly settings: SettingsView } | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/** How a sign-in ended. Failures are values, not exceptions: they are expected. */
export type SignInOutcome = { readonly ok: true; readonly accountId: string } | { readonly ok: false; readonly error: ErrorView };

/** What a copy did; never the copied text. */
export interface CopyOutcome {
  readonly accountId: string;
  readonly format: CopyFormat;
  /** ISO instant when the clipboard is cleared if it still holds the copy, or null for never. */
  readonly clearsAt: string | null;
}

/** The methods `window.airisk` offers. Unknown ids and bad arguments reject with a plain message. */
export interface AiriskApi {
  getState(): Promise<AppState>;
  /** Signs in for the generic token (no userid) or for `userid`; resolves when the sign-in ends. */
  signIn(request: { readonly userid?: string }): Promise<SignInOutcome>;
  cancelSignIn(): Promise<void>;
  /** Finishes a waiting sign-in with the address the browser was redirected to. */
  submitRedirectedUrl(url: string): Promise<void>;
  /** A new sign-in with the account's userid; replaces its token. */
  renew(accountId: string): Promise<SignInOutcome>;
  remove(accountId: string): Promise<void>;
  setActive(accountId: string): Promise<void>;
  rename(accountId: string, label: string): Promise<void>;
  /** Copies the token of `accountId` (or the active account when null) in `format`. */
  copy(accountId: string | null, format: CopyFormat): Promise<CopyOutcome>;
  getSettings(): Promise<SettingsView>;
  updateSettings(update: SettingsUpdate): Promise<SettingsResult>;
  /** Every state change, until the returned function is called. */
  onStateChange(listener: (state: AppState) => void): () => void;
}

/** The request–response methods (everything but the event subscription). */
export type AiriskMethodName = Exclude<keyof AiriskApi, 'onStateChange'>;
