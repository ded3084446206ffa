/**
 * The one API between the main process and the window (`window.airisk`), and between the browser
 * host and the same window in tests. Types only: nothing here exists at run time.
 *
 * Invariant: no method argument, result or event ever carries a token, an authorization code or a
 * PKCE verifier. A client secret travels one way only, into `saveConnection` (or `checkConnection`)
 * when the person types it, and never comes back. The window asks main to copy; main writes the clipboard.
 */

/** How a token stands, on AIRisk's clock. `sign_in_again`: the token is gone or cannot be decrypted. */
export type AccountStatus = 'valid' | 'expiring' | 'expired' | 'sign_in_again';

/**
 * What can be put on the clipboard for a token: `header` (`Authorization: Bearer …`), `token`,
 * `curl` (the `-H` option), `curl-command` (a whole curl command against the connection's base URL),
 * `httpie` (`http URL 'Authorization:Bearer …'`), `export-posix` (`export AIRISK_TOKEN='…'`) and
 * `export-powershell` (`$env:AIRISK_TOKEN = '…'`).
 */
export type CopyFormat = 'header' | 'token' | 'curl' | 'curl-command' | 'httpie' | 'export-posix' | 'export-powershell';

/** One token holder as the window and tray show it. */
export interface AccountView {
  readonly id: string;
  /** The connection (AIRisk environment) the token came from; it is only ever renewed there. */
  readonly connectionId: string;
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
  /** The last time a terminal read this token through terminal access, and who ("bash, pid 1234"); never the token. */
  readonly lastTerminalRead: { readonly at: string; readonly client: string } | null;
}

export type SignInStage = 'opening_browser' | 'waiting_for_browser' | 'exchanging_code';

/** The sign-in under way, if any. */
export interface SignInView {
  /** The connection the sign-in is for. */
  readonly connectionId: string;
  /** `null` for the generic token. */
  readonly userid: string | null;
  readonly stage: SignInStage;
  /** Who it is for, in words: "user_42", "the generic token", "user_42 on Staging" (two or more connections). */
  readonly subject: string;
  /** The progress in words, with the notes: "Signing in for user_42 on Staging: waiting for you in the browser". */
  readonly message: string;
  /** Local ISO instant the sign-in gives up waiting for the browser; null before the browser opens. */
  readonly deadline: string | null;
  /** False when the callback cannot be received and the redirected URL must be pasted. */
  readonly listening: boolean;
  /** The paste field's label while waiting for the browser without listening; null (or absent) when there is nothing to paste. */
  readonly paste?: string | null;
  readonly notes: readonly string[];
}

export type ProtectionStrength = 'strong' | 'weak' | 'none';

/** Something the person should know about the app as a whole. */
export interface AppWarning {
  readonly kind: 'tokens-in-memory-only' | 'weak-encryption' | 'store-recovered' | 'store-migrated' | 'store-write-failed' | 'not-configured' | 'clock-skew';
  readonly message: string;
}

/** A warning as the window shows it. */
export interface AppWarningView extends AppWarning {
  /** About where tokens are kept: Settings' storage group deals with it (the banner offers a way there). */
  readonly storage: boolean;
}

/** A failure the person should see, with the code for styling and tests. */
export interface ErrorView {
  readonly code: string;
  /** The whole reason, in sentences that say what to do. */
  readonly message: string;
  /** ISO instant. */
  readonly at: string;
  /** One-line headline naming who it was for: "AIRisk refused the sign-in (user_9 on Staging)". */
  readonly title?: string;
  /** The connection whose settings fix this failure (a wrong base URL, say); null when settings do not. */
  readonly settingsConnectionId?: string | null;
}

/**
 * Everything the window and tray draw. Sent whole on every change: 0.2 MB of JSON at 1,000 accounts,
 * 2.3 MB at 10,000, built and serialized by main in about 1 ms and 7 ms.
 */
export interface AppState {
  readonly accounts: readonly AccountView[];
  readonly activeAccountId: string | null;
  readonly storage: { readonly backend: string; readonly strength: ProtectionStrength; readonly detail: string };
  readonly warnings: readonly AppWarningView[];
  readonly signIn: SignInView | null;
  readonly lastError: ErrorView | null;
  /** Every connection, in the order Settings lists them (creation order). Empty before first-run setup. */
  readonly connections: readonly ConnectionSummary[];
  /** At least one connection has a client id and a usable secret: sign-in can start. */
  readonly configured: boolean;
  readonly startAtLogin: boolean;
  /** Terminal access: whether it listens, where, the consent prompt to show and the approved sessions. */
  readonly terminal: TerminalView;
  /** The "Renew all" run under way, if any: one sign-in after another on one connection. */
  readonly renewAll: RenewAllView | null;
  /** The connections holding expiring or expired tokens (what "Renew all" offers), in Settings' order. */
  readonly renewable: readonly RenewableConnection[];
  /** The list's status chips: how many accounts are expired, need a sign-in, are expiring ("2 expired"); none at 0. */
  readonly statusChips: readonly StatusChipView[];
  /** Indexes into `accounts` in the list's two orders: by name (natural, active first) and by time left (least first). Numbers, not ids: at 10,000 accounts ids would add ~0.7 MB to every state. */
  readonly accountOrder: { readonly name: readonly number[]; readonly 'time-left': readonly number[] };
  /** The connection the window's sign-in picks unless the person chooses another (null: none yet). */
  readonly defaultConnectionId: string | null;
  /** This copy's version and where updates stand (the tray's version line and restart item). */
  readonly updates: UpdateView;
  /** Local ISO instant the view was made; `secondsLeft` counts from here. */
  readonly generatedAt: string;
}

/** Updates as Settings and the tray show them; every sentence is made in main. */
export interface UpdateView {
  /** This copy's version, e.g. "1.2.2". */
  readonly version: string;
  /** One sentence: up to date, checking, downloading, ready, available elsewhere, or why not. */
  readonly status: string;
  /** A downloaded update waiting for a restart ("Restart to update to 1.2.3"), else null. */
  readonly readyVersion: string | null;
  /** A newer version this copy cannot install itself ("Version 1.2.3 available — open download page"), else null; never set with `readyVersion`. */
  readonly availableVersion: string | null;
  /** "Check now" can run: false during a check or download, and where this copy has no feed to check. */
  readonly canCheck: boolean;
}

/** One status chip of the account list: its status, how many, and its words. */
export interface StatusChipView {
  readonly status: AccountStatus;
  readonly count: number;
  readonly text: string;
}

/** A connection with `count` tokens to renew (expiring, expired or needing a sign-in). */
export interface RenewableConnection {
  readonly connectionId: string;
  readonly name: string;
  readonly count: number;
  /** More than ten sign-ins in a row: the window asks before it starts them. */
  readonly askFirst: boolean;
  /** What Renew all will do here, in one sentence (a question when `askFirst`). */
  readonly text: string;
}

/** A "Renew all" run: `done` of `total` sign-ins have ended; `currentAccountId` is the one under way. */
export interface RenewAllView {
  readonly connectionId: string;
  readonly done: number;
  readonly total: number;
  readonly currentAccountId: string | null;
  /** The progress in words: "Renewing 2 of 5 — user_7 (Staging)". */
  readonly message: string;
}

/**
 * How a "Renew all" ended. `renewed`: accounts given a new token; `denied`: accounts whose sign-in
 * was refused in the browser (the run went on). `stopped`: why the run ended early ('cancelled',
 * or 'failed' at a sign-in whose error is `error`), null when it went through. `remaining`: the
 * accounts still to renew (from the one it stopped at).
 */
export interface RenewAllOutcome {
  readonly connectionId: string;
  readonly renewed: readonly string[];
  readonly denied: readonly string[];
  readonly stopped: 'cancelled' | 'failed' | null;
  readonly error: ErrorView | null;
  readonly remaining: readonly string[];
  /** How it ended, in one line: "Renewed 4 of 5 tokens on Staging; user_9 was refused." */
  readonly message: string;
}

/** The program that asks through terminal access, as far as the platform can name it. */
export interface TerminalClientView {
  readonly pid: number | null;
  readonly name: string;
  /** The process and its ancestors, e.g. ["bash (pid 1234, /dev/pts/3)", "tmux (pid 99)"]; empty where the platform names none. */
  readonly chain: readonly string[];
  readonly tty: string | null;
  /** The kernel confirmed the pid is the socket's peer; false: the pid is only what the caller claims. */
  readonly proven: boolean;
}

/** A terminal's request for a token, waiting for the person's answer. */
export interface ConsentRequestView {
  readonly id: string;
  readonly client: TerminalClientView;
  readonly accountId: string;
  /** "user_42 on Staging". */
  readonly accountName: string;
  /** The whole question, built in main: "A program that claims to be bash (pid 1234) asks for the token of user_42 on Staging". */
  readonly question: string;
  /** Under the question when the program is only what it claims to be; null when the kernel confirmed it. */
  readonly claimNote: string | null;
  /** "Allow for 10 minutes" (the session length). */
  readonly allow: string;
  /** The rest of the prompt's words. */
  readonly words: ConsentWords;
  readonly askedAt: string;
  /** ISO instant the request is refused unless answered. */
  readonly expiresAt: string;
}

/** The consent prompt's fixed words, in main's words (core/terminal/consent-text.ts). */
export interface ConsentWords {
  readonly title: string;
  /** Labels the process chain. */
  readonly chain: string;
  /** After "Answer within 42 s". */
  readonly noAnswer: string;
  /** The "don't ask again" checkbox, its hint, and the Allow button while it is ticked. */
  readonly always: string;
  readonly alwaysHint: string;
  readonly allowAlways: string;
}

/** An approved terminal session for one account. */
export interface TerminalSessionView {
  readonly id: string;
  readonly client: TerminalClientView;
  /** The client in the list's words, built in main: "bash, pid 1234", "bash, pid 1234 (claimed)". */
  readonly who: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly approvedAt: string;
  readonly lastUsedAt: string;
  /** ISO instant it ends unless used again; null: "don't ask again", until revoked. */
  readonly expiresAt: string | null;
}

/** Terminal access as the window shows it. */
export interface TerminalView {
  readonly enabled: boolean;
  /** Socket path / pipe name while listening. */
  readonly endpoint: string | null;
  /** Why it is not listening though enabled (one sentence). */
  readonly problem: string | null;
  /** How long an approval lasts without use (the prompt's "Allow for N minutes"). */
  readonly sessionMinutes: number;
  readonly consent: ConsentRequestView | null;
  readonly sessions: readonly TerminalSessionView[];
  readonly cli: CliToolView;
}

/** The `airisk-token` command-line tool: can it run here, where is it installed, and the command that installs it. */
export interface CliToolView {
  readonly nodeFound: boolean;
  /** Why the tool cannot run here (no Node.js), in words, or null. */
  readonly note: string | null;
  readonly installedAt: string | null;
  readonly installCommand: string;
}

/** The person's answer to a consent prompt: this session, this account for good, or no. */
export type ConsentAnswer = 'allow' | 'always' | 'deny';

/** What "Install command-line tool" did, or the one command that does it. */
export type CliInstallOutcome = { readonly ok: true; readonly path: string; readonly onPath: boolean; readonly message: string } | { readonly ok: false; readonly message: string; readonly command: string };

/** A connection as the window lists it (in AppState): enough to group, name and pick. */
export interface ConnectionSummary {
  readonly id: string;
  /** Chosen by the person ("Production", "Staging"); unique, case-insensitively. */
  readonly name: string;
  /** Origin of its base URL, e.g. `https://api.AIRisk.example.com` (no path), for a muted hint. */
  readonly origin: string;
  /** Client id and a secret usable for this origin are set: sign-in can start. */
  readonly configured: boolean;
  /** Accounts (tokens) that belong to it. */
  readonly accountCount: number;
}

/** One connection (an AIRisk environment and our client there) as Settings edits it. The secret is write-only. */
export interface ConnectionView {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  readonly clientId: string;
  readonly clientSecretSet: boolean;
  /** Why a stored secret is not used (saved for another origin, undecryptable, saved before the binding); null otherwise. */
  readonly clientSecretProblem: string | null;
  readonly redirectUri: string;
  readonly bodyEncoding: 'form' | 'json';
  /** Standard OAuth 2.0 servers only: the scope to ask for ('' = none). */
  readonly scope: string;
  /** Standard OAuth 2.0 servers only: the issuer a callback's `iss` must name ('' = the base URL). */
  readonly issuer: string;
  readonly accountCount: number;
  /** The name its exported file downloads as: `<name>.airisk-connection.json`, any file system takes it. */
  readonly exportFileName: string;
  /** Its tokens in words ("no tokens", "1 token", "3 tokens"), beside its origin in Settings' list. */
  readonly tokens: string;
  /** The question before removing it: "Remove Staging?" and, when it holds tokens, "This removes its 3 tokens." (else null). */
  readonly removeQuestion: { readonly title: string; readonly detail: string | null };
  /** The secret field's words here: its label ("Replace client secret" when one is set), whether one is set, and its hint (why a stored one is not used, or that empty keeps it). */
  readonly secretField: { readonly label: string; readonly state: string; readonly hint: string };
  /** The list's badge when no one can sign in here (why the stored secret is not used, or that one is needed), else null. */
  readonly badge: string | null;
  /** Origin of its base URL (no path), the list's muted hint as in {@link ConnectionSummary}. */
  readonly origin: string;
}

/** The editable fields of a connection; `clientSecret` sets or replaces the secret (it is never read back). */
export type ConnectionUpdate = Partial<Omit<ConnectionView, 'id' | 'clientSecretSet' | 'clientSecretProblem' | 'accountCount' | 'exportFileName' | 'tokens' | 'removeQuestion' | 'secretField' | 'badge' | 'origin'>> & {
  readonly clientSecret?: string;
};

/** A connection field that was refused, and why (`file` for an import that is not a connection file). */
export interface ConnectionProblem {
  readonly field: keyof ConnectionUpdate | 'file';
  readonly message: string;
}

/** A save's, duplicate's or import's result; `note` (a duplicate or import) asks for the secret, naming where it will go. */
export type ConnectionResult = { readonly ok: true; readonly connection: ConnectionView; readonly note?: string } | { readonly ok: false; readonly problems: readonly ConnectionProblem[] };

/** One step of "Check connection", in one plain sentence. */
export interface ConnectionCheckStep {
  /** ok: as hoped; warning: answers, but something is odd; failed: sign-in will not work; skipped: not tried. */
  readonly verdict: 'ok' | 'warning' | 'failed' | 'skipped';
  readonly message: string;
}

/** What "Check connection" found, before any browser opens. */
export interface ConnectionCheck {
  /** Does the authorization endpoint answer at all (network, TLS, HTTP status)? */
  readonly authorization: ConnectionCheckStep;
  /** Does the token endpoint speak OAuth, and were the client id and secret accepted (POST of a deliberately invalid code)? */
  readonly token: ConnectionCheckStep;
}

/** What "Check connection" found, ready to show: each step's heading, verdict word and look (an icon and status name), and one sentence for screen readers. */
export interface ConnectionCheckView extends ConnectionCheck {
  readonly lines: readonly { readonly title: string; readonly word: string; readonly look: 'valid' | 'expiring' | 'expired' | 'sign_in_again'; readonly message: string }[];
  readonly said: string;
}

/** App-wide settings as the window sees them, and every connection. */
export interface SettingsView {
  readonly expiryLeadSeconds: number;
  readonly clipboardClearSeconds: number;
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
  readonly allowWeakEncryption: boolean;
  /** Off by default: scripts and shells may ask the running app for a token, with consent. */
  readonly allowTerminalAccess: boolean;
  /** An approved terminal session ends after this many minutes without use (1–120). */
  readonly terminalSessionMinutes: number;
  /** What the one-click Copy puts on the clipboard (tray's first item, global shortcut, `copy(id, null)`); 'header' by default. */
  readonly defaultCopyFormat: CopyFormat;
  /** An Electron accelerator (e.g. `CommandOrControl+Shift+A`) that copies the active account's token in the default format; '' = off, the default. */
  readonly globalShortcut: string;
  /** Checks for a new version a minute after start, then daily; on by default. */
  readonly checkForUpdatesAutomatically: boolean;
  readonly connections: readonly ConnectionView[];
  /** Read-only, made by main: the app-wide settings in Settings' groups and order, with their words and warnings. */
  readonly groups: readonly SettingsGroupView[];
  /** Read-only: the connection form's words and a new connection's values (Settings and the first-run setup). */
  readonly connectionForm: ConnectionFormWords;
}

/** The connection form's fields in order, each with its words, and a new connection's starting values. */
export interface ConnectionFormWords {
  /** `missing`: the problem the form names before calling main when the field is left empty (the secret: only where none is stored); absent: it may stay empty. `choices`: a field picked from these (radio buttons). */
  readonly fields: readonly { readonly key: keyof ConnectionUpdate; readonly label: string; readonly hint: string | null; readonly advanced: boolean; readonly missing?: string; readonly choices?: readonly { readonly value: string; readonly label: string }[] }[];
  readonly defaults: Required<Omit<ConnectionUpdate, 'clientSecret'>>;
  /** The connection screens' other sentences and words, ready to show. */
  readonly texts: {
    /** Above the list of connections. */
    readonly list: string;
    /** The Advanced fold's title. */
    readonly advanced: string;
    readonly showSecret: string;
    /** After the secret's hint when one is set. */
    readonly keepSecret: string;
    /** Beside Check connection. */
    readonly check: string;
    /** Check connection's steps and verdicts in words. */
    readonly authorization: string;
    readonly token: string;
    readonly verdicts: Readonly<Record<ConnectionCheckStep['verdict'], string>>;
    /** In the question before removing a connection. */
    readonly remove: string;
    /** A connection's badge when no one can sign in there yet. */
    readonly needsSecret: string;
    /** Why Remove is disabled on the only connection. */
    readonly lastStays: string;
    /** The secret's label when one is set, and after it whether one is. */
    readonly replaceSecret: string;
    readonly secretSet: string;
    readonly secretUnset: string;
    /** An import refused before it is read (a file far over main's limit). */
    readonly tooLarge: string;
    /** Above the first-run setup's fields. */
    readonly setup: string;
  };
}

/** A group of app-wide settings as Settings shows it ("Tokens", "Copying", …); `key` places the live parts (storage, terminal) beside it. */
export interface SettingsGroupView {
  readonly key: 'tokens' | 'copying' | 'storage' | 'terminal' | 'startup' | 'updates';
  readonly legend: string;
  readonly fields: readonly SettingFieldView[];
  /** Main's sentences for the group's live part, by what they are about (terminal: `socket`, `noSessions`), else empty. */
  readonly notes: Readonly<Record<string, string>>;
}

/** One app-wide setting as Settings shows it; every word is main's. */
export interface SettingFieldView {
  readonly key: keyof SettingsUpdate;
  /** `flag`: a checkbox; `text`: typed; `number`: a number typed as `scale` stored units (60 shows seconds as minutes); `choice`: one of `choices`. */
  readonly kind: 'flag' | 'text' | 'number' | 'choice';
  readonly label: string;
  readonly hint: string | null;
  /** The unit after the input ("minutes"), or null. */
  readonly unit: string | null;
  readonly scale: number;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  /** One sentence about the saved value that is not a refusal (the lead outlasts the tokens, the shortcut is taken), or null. */
  readonly warning: string | null;
  /** The saved value as the form starts with it: a number as text in the field's unit ("5" minutes), a flag or choice as it is. */
  readonly value: string | boolean;
}

/** SettingsView's fields that main makes and the window only reads. */
export type SettingsViewOnly = 'connections' | 'groups' | 'connectionForm';

/** A change to the app-wide settings; connections change through `saveConnection`. */
export type SettingsUpdate = Partial<Omit<SettingsView, SettingsViewOnly>>;

/** A setting that was refused, and why. */
export interface SettingsProblem {
  readonly field: keyof SettingsUpdate;
  readonly message: string;
}

/** How a save went; `message` is the one sentence to show after Save (saved, nothing to save, or how many settings need a change). */
export type SettingsResult = { readonly ok: true; readonly settings: SettingsView; readonly message: string } | { readonly ok: false; readonly problems: readonly SettingsProblem[]; readonly message: string };

/** How a sign-in ended. Failures are values, not exceptions: they are expected. */
/** How a sign-in ended; `message` is what the window announces ("Signed in: the token for user_42 is saved."). */
export type SignInOutcome = { readonly ok: true; readonly accountId: string; readonly message: string } | { readonly ok: false; readonly error: ErrorView; readonly message: string };

/** What a copy did; never the copied text. */
export interface CopyOutcome {
  readonly accountId: string;
  /** The format used (the default one resolved when the copy asked for null). */
  readonly format: CopyFormat;
  /** What is on the clipboard now, in words for the announcement ("header", "curl command"). */
  readonly copied: string;
  /** ISO instant when the clipboard is cleared if it still holds the copy, or null for never. */
  readonly clearsAt: string | null;
}

/** A JSON value as decoded from a token (server text, sanitized). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JWT's decoded header and claims: JSON values only, never the signature or the raw token. Not verified. */
export interface JwtView {
  readonly header: Readonly<Record<string, JsonValue>>;
  /** Every claim (sub, iss, aud, scope, iat, exp, …); strings sanitized and capped. */
  readonly claims: Readonly<Record<string, JsonValue>>;
  /** `iat`, `nbf` and `exp` as ISO instants when they are numbers of seconds, else null. */
  readonly issuedAt: string | null;
  readonly notBefore: string | null;
  readonly expiresAt: string | null;
  /** Some claims, items or texts were left out or cut short because they were too large. */
  readonly truncated: boolean;
}

/** A copy format as the row menu offers it: its words, and why this token cannot be copied so (null: it can). */
export interface CopyFormatOption {
  readonly format: CopyFormat;
  readonly label: string;
  readonly problem: string | null;
}

/** What the details panel shows about one account's token (decoded in main; the token never leaves it). */
export interface TokenDetails {
  readonly accountId: string;
  readonly label: string;
  readonly connectionId: string;
  readonly connectionName: string;
  /** `null` for the generic token. */
  readonly userid: string | null;
  /** ISO instants; `expiration` as AIRisk gave it. The window formats them in local time and UTC. */
  readonly obtainedAt: string;
  readonly lastUsedAt: string | null;
  readonly expiration: string;
  /** `jwt`: decoded; `opaque`: not a readable JWT (see `note`); `unavailable`: the token cannot be read any more. */
  readonly kind: 'jwt' | 'opaque' | 'unavailable';
  readonly jwt: JwtView | null;
  /** About the claims: why none are shown, or that they are decoded but not verified (and cut short). */
  readonly note: string | null;
  /** What the panel lists, in order, as main words them: connection, userid, obtained, last copied, expiry (local time and UTC), a JWT's iat and exp. */
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** E.g. the JWT's `exp` and AIRisk's `expiration` disagree by more than a minute. */
  readonly warnings: readonly string[];
  /** Every copy format, in menu order, each with why this token cannot be copied so (the shell formats take only b64token tokens). */
  readonly copyFormats: readonly CopyFormatOption[];
}

/** The methods `window.airisk` offers. Unknown ids and bad arguments reject with a plain message. */
export interface AiriskApi {
  getState(): Promise<AppState>;
  /**
   * Signs in on `connectionId` (default: the active account's connection, else the first) for the
   * generic token (no userid) or for `userid`; resolves when the sign-in ends.
   */
  signIn(request: { readonly connectionId?: string; readonly userid?: string }): Promise<SignInOutcome>;
  cancelSignIn(): Promise<void>;
  /**
   * Opens the sign-in page of the sign-in waiting for the browser again, through the same opener
   * (the URL never reaches the window); rejects when no sign-in is waiting.
   */
  openSignInPage(): Promise<void>;
  /** Finishes a waiting sign-in with the address the browser was redirected to. */
  submitRedirectedUrl(url: string): Promise<void>;
  /** A new sign-in with the account's userid on the account's own connection; replaces its token. */
  renew(accountId: string): Promise<SignInOutcome>;
  /**
   * Renews every expiring, expired and "sign in again" token of `connectionId`, one sign-in after
   * another (progress in `AppState.renewAll`); resolves when the run ends. Refused while a sign-in runs.
   */
  renewAll(connectionId: string): Promise<RenewAllOutcome>;
  /** Stops a "Renew all" run: the sign-in under way is cancelled cleanly and no further one starts. */
  cancelRenewAll(): Promise<void>;
  remove(accountId: string): Promise<void>;
  setActive(accountId: string): Promise<void>;
  rename(accountId: string, label: string): Promise<void>;
  /**
   * Copies the token of `accountId` (or the active account when null) in `format`, or in the
   * default format of Settings (`defaultCopyFormat`) when `format` is null: the one-click Copy.
   */
  copy(accountId: string | null, format: CopyFormat | null): Promise<CopyOutcome>;
  /** The token's details: times, connection, userid, and its decoded header and claims when it is a JWT. Never the token. */
  tokenDetails(accountId: string): Promise<TokenDetails>;
  /** Clears `lastError` (the person dismissed it): it stays dismissed across window reloads. */
  dismissError(): Promise<void>;
  getSettings(): Promise<SettingsView>;
  updateSettings(update: SettingsUpdate): Promise<SettingsResult>;
  /**
   * `id` null adds a connection; otherwise edits it. Nothing is saved unless every field is valid. A
   * sign-in under way on it is cancelled cleanly when the edit changes its URLs or client.
   */
  saveConnection(id: string | null, update: ConnectionUpdate): Promise<ConnectionResult>;
  /** A copy named "<name> (copy)" (then "(copy 2)" …), without the secret and without accounts. */
  duplicateConnection(id: string): Promise<ConnectionResult>;
  /** Removes the connection with its accounts and tokens; refuses the last one. Cancels a sign-in under way on it. */
  removeConnection(id: string): Promise<void>;
  /**
   * Checks saved connection `id` with `update` laid over it (unsaved form values; an empty or absent
   * secret means the stored one), or `update` alone when `id` is null. Sends the client credentials to that AIRisk.
   */
  checkConnection(id: string | null, update: ConnectionUpdate): Promise<ConnectionCheckView>;
  /** The connection as a small JSON file's text, without the secret, for a team to share. */
  exportConnection(id: string): Promise<string>;
  /** Adds a connection from an exported file's text; a malformed or hostile file changes nothing. The secret is entered afterwards. */
  importConnection(fileText: string): Promise<ConnectionResult>;
  /** Answers the consent prompt `requestId`; an unknown or already answered request is ignored. */
  answerConsent(requestId: string, answer: ConsentAnswer): Promise<void>;
  /** Ends an approved terminal session (and its "don't ask again"); null ends every session. */
  revokeTerminalSession(sessionId: string | null): Promise<void>;
  /** Puts an `airisk-token` launcher on the PATH, or says the one command that does. */
  installCommandLineTool(): Promise<CliInstallOutcome>;
  /** "Check now": asks the release feed at once; resolves with where updates stand afterwards. */
  checkForUpdates(): Promise<UpdateView>;
  /** Every state change, until the returned function is called. */
  onStateChange(listener: (state: AppState) => void): () => void;
}

/** The request–response methods (everything but the event subscription). */
export type AiriskMethodName = Exclude<keyof AiriskApi, 'onStateChange'>;
