import type {
  AiriskApi,
  AppState,
  AppWarning,
  CliInstallOutcome,
  ConnectionCheckView,
  ConnectionResult,
  ConnectionUpdate,
  CopyFormat,
  ConsentAnswer,
  CopyOutcome,
  ErrorView,
  RenewAllOutcome,
  SettingsProblem,
  SettingsResult,
  SettingsUpdate,
  SettingsView,
  SignInOutcome,
  SignInView,
  TokenDetails,
  UpdateView,
} from '../../contract.ts';
import { ClipboardGuard } from '../clipboard/clipboard-guard.ts';
import { COPY_FORMAT_NOUNS, COPY_FORMATS, formatForClipboard, isCopyFormat } from '../clipboard/copy-format.ts';
import { tokenDetails } from '../details/token-details.ts';
import { ExpiryScheduler } from '../expiry/expiry-scheduler.ts';
import { ExpiryNoticeGatherer } from '../notifications/expiry-notices.ts';
import { formatTimeLeft } from '../../shared/time-left.ts';
import { msLeft } from '../expiry/token-status.ts';
import { SignInCoordinator } from '../oauth/sign-in.ts';
import { SignInError } from '../oauth/sign-in-error.ts';
import { changesSignIn } from '../settings/connection-validation.ts';
import { saveMessage, validateSettingsUpdate } from '../settings/settings-validation.ts';
import { isConfigured } from '../settings/connection-view.ts';
import { createShortcutDesk, type ShortcutDesk } from '../settings/global-shortcut.ts';
import { settingsView } from '../settings/settings-view.ts';
import type { StoredSettings } from '../settings/stored-settings.ts';
import { signInConfig } from '../settings/sign-in-config.ts';
import { Vault, type AccountRecord, type ClientSecretRead, type ConnectionRecord } from '../vault/vault.ts';
import type { AppPorts } from './app-ports.ts';
import { ConnectionDesk } from './connection-desk.ts';
import { failureView, type FailureContext } from './failure-view.ts';
import { pasteLabel, progressNotes, signedInText, signInEndedText } from './sign-in-text.ts';
import { RenewAllDesk, renewalQueue } from './renew-all.ts';
import { TerminalDesk, type TerminalFace } from './terminal-desk.ts';
import { terminalTokenSource } from './terminal-source.ts';
import type { TokenRead } from '../terminal/terminal-ports.ts';
import { buildAppState, defaultConnectionOf, expiryFacts, UPDATES_OFF_VIEW } from './state-view.ts';
import { checkView } from '../connections/check-view.ts';
import { UpdateDesk, type InstanceLock, type UpdaterPort } from '../update/update-desk.ts';
import { releasePageUrl } from '../update/release-page.ts';
import type { UpdateMode } from '../update/update-mode.ts';
import { messageOf } from '../../shared/message-of.ts';

/** Options that are not settings: mostly for tests and the CLI-less faces. */
export interface AppServiceOptions {
  /** How long a sign-in waits for the browser (default 5 min). */
  readonly callbackTimeoutMs?: number;
  /** Where terminal access lives; without it (tests of other parts) the setting cannot be turned on. */
  readonly terminal?: TerminalFace;
  /** Auto-update (the Electron app only): this copy's version, whether it can update itself, the updater and a notification. */
  readonly updates?: UpdateFace;
}

/** What the Electron shell gives the update policy (src-main/core/update/update-desk.ts). */
export interface UpdateFace {
  readonly version: string;
  readonly mode: UpdateMode;
  /** The mode after a slow look (macOS codesign), taken before the first check; see UpdateDeskOptions. */
  readonly modeAtFirstCheck?: () => Promise<UpdateMode>;
  readonly updater: UpdaterPort;
  readonly instanceLock: InstanceLock;
  readonly notify: (title: string, body: string) => void;
}

/**
 * The app's brain behind the contract: sign-in, the vault, expiry, the clipboard and settings,
 * wired together. Every face (Electron IPC, the browser host, tests) talks to this object only.
 */
export class AppService implements AiriskApi {
  readonly #ports: AppPorts;
  readonly #vault: Vault;
  readonly #scheduler: ExpiryScheduler;
  readonly #clipboard: ClipboardGuard;
  readonly #signIns: SignInCoordinator;
  readonly #connections: ConnectionDesk;
  readonly #terminal: TerminalDesk | undefined;
  readonly #renewAll: RenewAllDesk;
  readonly #updates: UpdateDesk | undefined;
  /** The global shortcut: copies the active account's token in the default format. */
  readonly #shortcut: ShortcutDesk;
  /** Groups expiry changes into one notification per kind; absent without a notifier. */
  readonly #notices: ExpiryNoticeGatherer | undefined;
  /** The connection of the sign-in under way (set when it starts, before its first progress). */
  #signInConnectionId: string | undefined;
  /** Sign-ins still reading their client secret (before start): an edit or removal of their connection, or a cancel, stops them. */
  readonly #startingSignIns = new Set<{ readonly connectionId: string; stopped: 'changed' | 'cancelled' | null }>();
  readonly #options: AppServiceOptions;
  readonly #listeners = new Set<(state: AppState) => void>();
  #signIn: SignInView | null = null;
  /** The authorization URL of the sign-in under way, for "Open the sign-in page again" (never in the state). */
  #authorizationUrl: string | undefined;
  #lastError: ErrorView | null = null;
  /** Set by a sign-in whose answer showed AIRisk's clock and this one far apart; the next sign-in replaces it. */
  #clockWarning: AppWarning | undefined;
  #emitQueued = false;
  #disposed = false;

  private constructor(ports: AppPorts, vault: Vault, options: AppServiceOptions) {
    this.#ports = ports;
    this.#vault = vault;
    this.#options = options;
    const settings = vault.settings;
    this.#scheduler = new ExpiryScheduler({ timers: ports.timers, leadMs: settings.expiryLeadSeconds * 1000 });
    this.#clipboard = new ClipboardGuard({ clipboard: ports.clipboard, timers: ports.timers, clearAfterMs: settings.clipboardClearSeconds * 1000 });
    this.#signIns = new SignInCoordinator({
      openUrl: ports.openUrl,
      now: () => ports.timers.now(),
      ...(ports.fetch === undefined ? {} : { fetch: ports.fetch }),
      ...(ports.localhostCertificate === undefined ? {} : { localhostCertificate: ports.localhostCertificate }),
    });
    this.#connections = new ConnectionDesk({
      vault,
      fetch: ports.fetch,
      now: () => ports.timers.now(),
      cancelSignInOn: (connectionId) => {
        if (this.#signIns.current !== undefined && this.#signInConnectionId === connectionId) this.#signIns.cancel();
        for (const starting of this.#startingSignIns) if (starting.connectionId === connectionId) starting.stopped = 'changed';
      },
      accountsRemoved: (accountIds) => {
        for (const id of accountIds) this.#scheduler.removeAccount(id);
      },
    });
    this.#terminal = options.terminal === undefined ? undefined : this.#terminalDesk(options.terminal);
    this.#renewAll = new RenewAllDesk({
      // No other sign-in runs meanwhile (signIn refuses them), so a queued account is still due unless removed.
      renew: (accountId) => (vault.account(accountId) === undefined ? Promise.resolve('gone') : this.#signInNow(this.#renewalRequest(accountId), vault.account(accountId)?.label)),
      cancelSignIn: () => this.#cancelEverySignIn(),
      onProgress: () => this.#queueEmit(),
      names: (connectionId) => ({
        account: (accountId) => vault.account(accountId)?.label ?? 'a removed account',
        connection: vault.connections().length > 1 ? (vault.connection(connectionId)?.name ?? null) : null,
      }),
    });
    this.#updates = options.updates === undefined ? undefined : this.#updateDesk(options.updates);
    this.#scheduler.setAll(vault.accounts().map((account) => [account.id, expiryFacts(account)] as const));
    const notifier = ports.notifier;
    this.#notices =
      notifier === undefined ? undefined : new ExpiryNoticeGatherer({ state: () => this.#state(), leadMs: () => this.#scheduler.leadMs, notify: (notice) => notifier.notify(notice) });
    this.#scheduler.onChange((changes) => {
      this.#notices?.changed(changes);
      this.#queueEmit();
    });
    vault.onChange(() => this.#queueEmit());
    this.#shortcut = createShortcutDesk(ports.shortcuts, () => {
      this.copy(null, null).catch((error: unknown) => ports.notifier?.message?.('AIRisk Token Tray', `The shortcut copied nothing: ${messageOf(error)}`));
    });
    this.#shortcut.apply(settings.globalShortcut);
    // A saved shortcut that is taken at start-up would otherwise go unnoticed until Settings is opened.
    if (this.#shortcut.problem !== null && settings.globalShortcut !== '') ports.notifier?.message?.('AIRisk Token Tray', `${this.#shortcut.problem} (Settings → Copying)`);
  }

  /** Opens the store (decrypting nothing) and starts the expiry scheduler. */
  static async create(ports: AppPorts, options: AppServiceOptions = {}): Promise<AppService> {
    const vault = await Vault.open({ store: ports.store, cipher: ports.cipher, recovered: ports.recovered, now: () => ports.timers.now(), persistence: 'coalesced' });
    const service = new AppService(ports, vault, options);
    // Terminal access starts in the background: a problem shows in the state, never blocks start-up.
    void service.#terminal?.apply(vault.settings);
    service.#updates?.start();
    return service;
  }

  #updateDesk(face: UpdateFace): UpdateDesk {
    return new UpdateDesk({
      ...face,
      timers: this.#ports.timers,
      automatic: () => this.#vault.settings.checkForUpdatesAutomatically,
      signInPending: () => this.#signIns.current !== undefined || this.#startingSignIns.size > 0 || this.#renewAll.view !== null,
      onChange: () => this.#queueEmit(),
    });
  }

  async checkForUpdates(): Promise<UpdateView> {
    return (await this.#updates?.checkNow()) ?? UPDATES_OFF_VIEW;
  }

  /** At start: keeps the start-at-login entry pointing at this copy of the app (an AppImage may have moved), when the setting is on. */
  async renewLoginItem(): Promise<void> {
    const { startAtLogin, startHidden } = this.#vault.settings;
    if (startAtLogin) await this.#ports.loginItem?.set(true, { hidden: startHidden });
  }

  /** The tray's "Restart to update to …": quits and installs, unless a sign-in is pending (then it says so). */
  async restartToUpdate(): Promise<void> {
    const outcome = this.#updates?.restart() ?? { ok: false, message: 'There is no update to install.' };
    if (!outcome.ok) throw new Error(outcome.message);
  }

  /** The tray's "Version 1.2.3 available — open download page": that release's page, through the app's one external opener. */
  async openReleasePage(): Promise<void> {
    const version = this.#updates?.view().availableVersion ?? null;
    if (version === null) throw new Error('No newer version is known: choose Check now in Settings first.');
    await this.#ports.openUrl(releasePageUrl(version));
  }

  #terminalDesk(face: TerminalFace): TerminalDesk {
    const source = terminalTokenSource({
      accounts: () => this.#vault.accounts(),
      connections: () => this.#vault.connections(),
      activeAccountId: () => this.#vault.activeAccountId,
      now: () => this.#ports.timers.now(),
      leadMs: () => this.#scheduler.leadMs,
      readToken: (accountId) => this.#readToken(accountId),
      signIn: (request) => this.signIn(request),
      // A sign-in still reading its secret counts too: start() would cancel it.
      signingIn: () => this.#signIns.current !== undefined || this.#startingSignIns.size > 0 || this.#renewAll.view !== null,
    });
    return new TerminalDesk({ face, source, timers: this.#ports.timers, onChange: () => this.#queueEmit() });
  }

  async getState(): Promise<AppState> {
    return this.#state();
  }

  async signIn(request: { readonly connectionId?: string; readonly userid?: string }): Promise<SignInOutcome> {
    return this.#signInUnlessBusy(request, undefined);
  }

  /** `label`: the account's name in the announcement of a renewal (else the userid is said). */
  async #signInUnlessBusy(request: { readonly connectionId?: string; readonly userid?: string }, label: string | undefined): Promise<SignInOutcome> {
    // A sign-in started now would cancel the run's own, and the run would end with its accounts left.
    if (this.#renewAll.view !== null) return this.#failed(new SignInError('busy', 'Renew all is under way; wait for it to finish or cancel it, then sign in.'));
    return this.#signInNow(request, label);
  }

  async #signInNow(request: { readonly connectionId?: string; readonly userid?: string }, label: string | undefined): Promise<SignInOutcome> {
    if (typeof request !== 'object' || request === null) throw new Error('A sign-in request must be an object { connectionId?, userid? }.');
    const userid = request.userid === undefined || request.userid === null ? undefined : requireString(request.userid, 'userid');
    const connectionId = request.connectionId === undefined ? this.#defaultConnectionId() : requireString(request.connectionId, 'connectionId');
    if (connectionId === undefined) return this.#failed(new SignInError('invalid_configuration', 'Add a connection (the AIRisk address, client id and client secret) in Settings before signing in.'));
    const connection = this.#vault.connection(connectionId);
    if (connection === undefined) throw new Error('That connection no longer exists; it may have been removed.');
    // With one connection nothing changes: its name is only said when there are several.
    const named = this.#vault.connections().length > 1;
    const spoken = (who: string): string => (named ? `${who} on ${connection.name}` : who);
    const subject = spoken(userid ?? 'the generic token');
    const failed = (error: unknown): SignInOutcome => this.#failed(error, { subject, connectionId });
    const read = await this.#readSecretForSignIn(connection);
    if (read === 'changed') return failed(new SignInError('cancelled', `${connection.name} was changed or removed while the sign-in was starting; sign in again.`));
    if (read === 'cancelled') return failed(new SignInError('cancelled', 'The sign-in was cancelled.'));
    // A secret saved for another origin is never sent: the base URL changed since it was entered.
    if (read.secret === undefined && read.problem !== undefined) return failed(new SignInError('invalid_configuration', named ? `${connection.name}: ${read.problem}` : read.problem));
    const clientSecret = read.secret;
    if (connection.clientId === '' || clientSecret === undefined) {
      const which = named ? ` of ${connection.name}` : '';
      return failed(new SignInError('invalid_configuration', `Set the client id and client secret${which} in Settings before signing in.`));
    }
    const config = signInConfig(connection, clientSecret);
    // Before start: the browser is opened from inside it, for this connection's endpoint only.
    this.#signInConnectionId = connectionId;
    // A new sign-in supersedes the failure shown before it: it does not come back afterwards.
    this.#lastError = null;
    const attempt = this.#signIns.start({
      config,
      connectionName: connection.name,
      ...(userid === undefined ? {} : { userid }),
      ...(this.#options.callbackTimeoutMs === undefined ? {} : { callbackTimeoutMs: this.#options.callbackTimeoutMs }),
      onProgress: (progress) => {
        if (this.#signIns.current !== attempt) return;
        const waiting = progress.stage === 'waiting_for_browser' ? progress : undefined;
        const listening = waiting?.listening ?? this.#signIn?.listening ?? true;
        this.#authorizationUrl = progress.stage === 'exchanging_code' ? undefined : progress.authorizationUrl;
        this.#signIn = {
          connectionId,
          userid: userid ?? null,
          stage: progress.stage,
          subject,
          deadline: waiting === undefined ? (this.#signIn?.deadline ?? null) : new Date(waiting.deadline).toISOString(),
          listening,
          paste: pasteLabel(progress.stage, listening),
          ...progressNotes(subject, progress.stage, waiting?.notes ?? this.#signIn?.notes ?? []),
        };
        this.#queueEmit();
      },
    });
    try {
      const { token } = await attempt.result;
      const account = await this.#vault
        .saveToken({
          connectionId,
          userid: userid ?? null,
          accessToken: token.accessToken,
          expiration: token.expiration,
          obtainedAt: token.obtainedAt,
          clockSkewMs: token.clockSkewMs,
        })
        .catch((error: unknown) => {
          throw new SignInError('token_not_saved', `AIRisk issued the token, but it could not be kept: ${messageOf(error)} Sign in again once that is fixed.`, { cause: error });
        });
      this.#scheduler.setAccount(account.id, expiryFacts(account));
      this.#lastError = null;
      this.#clockWarning = token.clockWarning === undefined ? undefined : { kind: 'clock-skew', message: `${token.clockWarning} Until then, expiry times here follow this computer's clock.` };
      return { ok: true, accountId: account.id, message: signedInText(label === undefined ? subject : spoken(label)) };
    } catch (error) {
      return failed(error);
    } finally {
      if (this.#signIns.current === undefined) {
        this.#signIn = null;
        this.#signInConnectionId = undefined;
        this.#authorizationUrl = undefined;
      }
      this.#queueEmit();
    }
  }

  /**
   * The connection's client secret for a sign-in about to start, or 'changed' when, while it was
   * being decrypted, the connection was removed or edited in a way that stops a sign-in (changesSignIn,
   * or a new secret): what was read is then stale and must not be used; 'cancelled' when the person
   * cancelled meanwhile.
   */
  async #readSecretForSignIn(connection: ConnectionRecord): Promise<ClientSecretRead | 'changed' | 'cancelled'> {
    const starting: { readonly connectionId: string; stopped: 'changed' | 'cancelled' | null } = { connectionId: connection.id, stopped: null };
    this.#startingSignIns.add(starting);
    try {
      const read = await this.#vault.readClientSecret(connection.id);
      const now = this.#vault.connection(connection.id);
      if (starting.stopped !== null) return starting.stopped;
      return now === undefined || changesSignIn(connection, now) ? 'changed' : read;
    } finally {
      this.#startingSignIns.delete(starting);
    }
  }

  async cancelSignIn(): Promise<void> {
    this.#cancelEverySignIn();
  }

  /** Cancels the sign-in under way, and one still reading its secret (it would open the browser after the cancel). */
  #cancelEverySignIn(): void {
    this.#signIns.cancel();
    for (const starting of this.#startingSignIns) starting.stopped = 'cancelled';
  }

  async openSignInPage(): Promise<void> {
    const url = this.#signIn?.stage === 'waiting_for_browser' ? this.#authorizationUrl : undefined;
    if (url === undefined) throw new Error('No sign-in is waiting for the browser, so there is no sign-in page to open.');
    await this.#ports.openUrl(url);
  }

  async submitRedirectedUrl(url: string): Promise<void> {
    this.#signIns.submitRedirectedUrl(requireString(url, 'url'));
  }

  async renew(accountId: string): Promise<SignInOutcome> {
    return this.#signInUnlessBusy(this.#renewalRequest(accountId), this.#account(accountId).label);
  }

  /** A sign-in with the account's userid on the account's own connection. */
  #renewalRequest(accountId: string): { readonly connectionId: string; readonly userid?: string } {
    const account = this.#account(accountId);
    return account.userid === null ? { connectionId: account.connectionId } : { connectionId: account.connectionId, userid: account.userid };
  }

  async renewAll(connectionId: string): Promise<RenewAllOutcome> {
    const id = requireString(connectionId, 'connectionId');
    if (this.#vault.connection(id) === undefined) throw new Error('That connection no longer exists; it may have been removed.');
    if (this.#signIns.current !== undefined || this.#startingSignIns.size > 0) throw new Error('A sign-in is under way; finish or cancel it before Renew all.');
    return this.#renewAll.run(id, renewalQueue(this.#state().accounts, id));
  }

  async cancelRenewAll(): Promise<void> {
    this.#renewAll.cancel();
  }

  async remove(accountId: string): Promise<void> {
    this.#account(accountId);
    this.#vault.remove(accountId);
    this.#scheduler.removeAccount(accountId);
  }

  async setActive(accountId: string): Promise<void> {
    this.#account(accountId);
    this.#vault.setActive(accountId);
  }

  async rename(accountId: string, label: string): Promise<void> {
    this.#account(accountId);
    this.#vault.rename(accountId, requireString(label, 'label'));
  }

  async copy(accountId: string | null, format: CopyFormat | null): Promise<CopyOutcome> {
    const used = format ?? this.#vault.settings.defaultCopyFormat;
    if (!isCopyFormat(used)) throw new Error(`Unknown copy format "${String(used).slice(0, 40)}"; use one of ${COPY_FORMATS.join(', ')} (or null for the default).`);
    const id = accountId ?? this.#vault.activeAccountId;
    if (id === null) throw new Error('There is no token to copy yet: sign in first.');
    const read = await this.#readToken(id);
    if (!read.ok) throw new Error(read.message);
    const connection = this.#vault.connection(this.#account(id).connectionId);
    const text = formatForClipboard(read.token, used, connection === undefined ? undefined : { baseUrl: connection.baseUrl });
    const { clearsAt } = await this.#clipboard.copy(text);
    this.#vault.markUsed(id);
    return { accountId: id, format: used, copied: COPY_FORMAT_NOUNS[used], clearsAt: clearsAt === undefined ? null : new Date(clearsAt).toISOString() };
  }

  /**
   * The one rule for who gets a token, for every path that hands one out (the clipboard, the
   * terminal): the account exists, its token has not expired, and it can still be decrypted.
   * Refusals say what to do; they never carry the token.
   */
  async #readToken(accountId: string): Promise<TokenRead> {
    const account = this.#vault.account(requireString(accountId, 'accountId'));
    // Removed while a terminal's prompt was open, say.
    if (account === undefined) return { ok: false, code: 'unavailable', message: 'That account no longer exists; it may have been removed.' };
    const expired = this.#expiredRefusal(account);
    if (expired !== null) return expired;
    const token = await this.#vault.readToken(account.id);
    if (token === undefined) {
      const why = account.tokenStored === 'memory' ? 'it was kept in memory only' : account.tokenStored === 'none' ? 'none is kept for it' : 'it cannot be decrypted';
      return { ok: false, code: 'unavailable', message: `The token for ${account.label} is no longer available (${why}); sign in again.` };
    }
    return { ok: true, token, expiration: account.expiration };
  }

  /** The copy rule's refusal of an expired token (it is not even decrypted), or null. */
  #expiredRefusal(account: AccountRecord): (TokenRead & { ok: false }) | null {
    const left = msLeft(expiryFacts(account), this.#ports.timers.now());
    return left > 0 ? null : { ok: false, code: 'expired', message: `The token for ${account.label} ${formatTimeLeft(left)}; renew it first.` };
  }

  async tokenDetails(accountId: string): Promise<TokenDetails> {
    const account = this.#account(accountId);
    // Read (once), decoded and dropped here: the details carry claims, never the token (an expired one too).
    const token = account.needsSignIn ? undefined : await this.#vault.readToken(account.id);
    // The copy rule's own refusal (expired) for every format: the menu says it before the click.
    const refusal = token === undefined ? null : this.#expiredRefusal(account);
    const lastTerminalRead = this.#terminal?.lastReads().get(account.id) ?? null;
    return tokenDetails(account, this.#vault.connection(account.connectionId), token, { lastTerminalRead, ...(refusal === null ? {} : { copyRefusal: refusal.message }) });
  }

  async dismissError(): Promise<void> {
    if (this.#lastError === null) return;
    this.#lastError = null;
    this.#queueEmit();
  }

  async getSettings(): Promise<SettingsView> {
    // Settings tells whether Node is there for the command-line tool: look again each time it opens.
    await this.#terminal?.refreshCliState();
    return this.#settingsView();
  }

  async #settingsView(): Promise<SettingsView> {
    return settingsView(this.#vault.settings, await this.#connections.views(), { tokens: this.#vault.accounts(), globalShortcutProblem: this.#shortcut.problem });
  }

  async updateSettings(update: SettingsUpdate): Promise<SettingsResult> {
    if (typeof update !== 'object' || update === null) throw new Error('Settings must be an object of changes.');
    const current = this.#vault.settings;
    const checked = validateSettingsUpdate(current, update);
    if (!checked.ok) return { ok: false, problems: checked.problems, message: saveMessage(checked.problems) };
    const { settings } = checked;
    if (settings.allowTerminalAccess && this.#terminal === undefined) return refused([{ field: 'allowTerminalAccess', message: 'Terminal access is not available in this window.' }]);
    const loginChanged = settings.startAtLogin !== current.startAtLogin || (settings.startAtLogin && settings.startHidden !== current.startHidden);
    if (loginChanged && this.#ports.loginItem !== undefined) {
      try {
        await this.#ports.loginItem.set(settings.startAtLogin, { hidden: settings.startHidden });
      } catch (error) {
        return refused([{ field: 'startAtLogin', message: `Could not change start at login: ${messageOf(error)}` }]);
      }
    }
    await this.#vault.updateSettings(settings);
    this.#scheduler.setLead(settings.expiryLeadSeconds * 1000);
    this.#clipboard.setClearAfter(settings.clipboardClearSeconds * 1000);
    if (settings.checkForUpdatesAutomatically !== current.checkForUpdatesAutomatically) this.#updates?.automaticChanged();
    await this.#terminal?.apply(settings);
    this.#shortcut.apply(settings.globalShortcut);
    this.#queueEmit();
    // A save does not look for Node again: that is for when Settings opens.
    return { ok: true, settings: await this.#settingsView(), message: saveMessage(Object.keys(update).length === 0 ? 'unchanged' : 'saved') };
  }

  async saveConnection(id: string | null, update: ConnectionUpdate): Promise<ConnectionResult> {
    return this.#connections.save(id === null ? null : requireString(id, 'connectionId'), update);
  }

  async duplicateConnection(id: string): Promise<ConnectionResult> {
    return this.#connections.duplicate(requireString(id, 'connectionId'));
  }

  async removeConnection(id: string): Promise<void> {
    this.#connections.remove(requireString(id, 'connectionId'));
  }

  async checkConnection(id: string | null, update: ConnectionUpdate): Promise<ConnectionCheckView> {
    return checkView(await this.#connections.check(id === null ? null : requireString(id, 'connectionId'), update));
  }

  async exportConnection(id: string): Promise<string> {
    return this.#connections.export(requireString(id, 'connectionId'));
  }

  async importConnection(fileText: string): Promise<ConnectionResult> {
    return this.#connections.import(requireString(fileText, 'fileText'));
  }

  async answerConsent(requestId: string, answer: ConsentAnswer): Promise<void> {
    this.#requireTerminal().answer(requireString(requestId, 'requestId'), answer);
  }

  async revokeTerminalSession(sessionId: string | null): Promise<void> {
    this.#requireTerminal().revoke(sessionId === null ? null : requireString(sessionId, 'sessionId'));
  }

  async installCommandLineTool(): Promise<CliInstallOutcome> {
    return this.#requireTerminal().installCommandLineTool();
  }

  /** The screen was locked: every terminal session ends (Electron's powerMonitor `lock-screen`). */
  screenLocked(): void {
    this.#terminal?.screenLocked();
  }

  #requireTerminal(): TerminalDesk {
    if (this.#terminal === undefined) throw new Error('Terminal access is not available in this window.');
    return this.#terminal;
  }

  onStateChange(listener: (state: AppState) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The app-wide settings as stored; unlike `getSettings`, it reads no connection's secret (start-up uses it). */
  get appSettings(): StoredSettings {
    return this.#vault.settings;
  }

  /**
   * The authorization endpoint the browser may be sent to: the one of the connection the sign-in
   * under way is on (else the default connection's); undefined when there is no connection.
   */
  authorizationEndpoint(): { readonly baseUrl: string; readonly authorizePath: string } | undefined {
    const id = this.#signInConnectionId ?? this.#defaultConnectionId();
    const connection = id === undefined ? undefined : this.#vault.connection(id);
    return connection === undefined ? undefined : { baseUrl: connection.baseUrl, authorizePath: connection.authorizePath };
  }

  /** The system woke from sleep (or its clock jumped): re-judge every token now. */
  resumed(): void {
    this.#scheduler.resumed();
    this.#queueEmit();
  }

  /** Resolves once pending store changes are written (otherwise on the next turn, or within a second). */
  flush(): Promise<void> {
    return this.#vault.flush();
  }

  /** On quit: cancel a pending sign-in, write pending changes, clear the clipboard if it still holds our copy, stop timers. */
  async shutdown(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#renewAll.cancel();
    this.#signIns.cancel();
    this.#shortcut.stop();
    await this.#terminal?.close();
    await this.#vault.flush();
    await this.#clipboard.flush();
    this.#clipboard.dispose();
    this.#scheduler.dispose();
    this.#notices?.dispose();
    this.#updates?.stop();
    this.#listeners.clear();
  }

  #state(): AppState {
    const settings = this.#vault.settings;
    return buildAppState({
      accounts: this.#vault.accounts(),
      connections: this.#vault.connections(),
      activeAccountId: this.#vault.activeAccountId,
      protection: this.#vault.protection,
      warnings: this.#clockWarning === undefined ? this.#vault.warnings : [...this.#vault.warnings, this.#clockWarning],
      signIn: this.#signIn,
      renewAll: this.#renewAll.view,
      lastError: this.#lastError,
      startAtLogin: settings.startAtLogin,
      nowMs: this.#ports.timers.now(),
      leadMs: this.#scheduler.leadMs,
      ...(this.#terminal === undefined ? {} : { terminal: this.#terminal.view(), terminalReads: this.#terminal.lastReads() }),
      ...(this.#updates === undefined ? {} : { updates: this.#updates.view() }),
    });
  }

  /** Many changes in one turn (a burst of copies, a sign-in) become one state event. */
  #queueEmit(): void {
    if (this.#emitQueued || this.#disposed) return;
    this.#emitQueued = true;
    queueMicrotask(() => {
      this.#emitQueued = false;
      if (this.#listeners.size === 0) return;
      const state = this.#state();
      for (const listener of this.#listeners) listener(state);
    });
  }

  #failed(error: unknown, context?: FailureContext): SignInOutcome {
    const signInError = error instanceof SignInError ? error : new SignInError('unexpected', `The sign-in failed inside the app: ${messageOf(error)}`, { cause: error });
    const view = failureView(signInError.code, signInError.message, new Date(this.#ports.timers.now()).toISOString(), context);
    // A cancelled sign-in was the person's own doing, and "busy" holds only while a run lasts: neither is a failure to keep on show.
    if (signInError.code !== 'cancelled' && signInError.code !== 'busy') this.#lastError = view;
    this.#queueEmit();
    return { ok: false, error: view, message: signInEndedText(view) };
  }

  /** The connection a sign-in uses unless told (state-view.ts defaultConnectionOf, the window's rule too). */
  #defaultConnectionId(): string | undefined {
    const active = this.#vault.activeAccountId === null ? undefined : this.#vault.account(this.#vault.activeAccountId);
    return defaultConnectionOf(active?.connectionId, this.#vault.connections(), isConfigured);
  }

  #account(accountId: string): AccountRecord {
    const account = this.#vault.account(requireString(accountId, 'accountId'));
    if (account === undefined) throw new Error('That account no longer exists; it may have been removed.');
    return account;
  }
}

/** A refused save with main's sentence. */
function refused(problems: readonly SettingsProblem[]): SettingsResult {
  return { ok: false, problems, message: saveMessage(problems) };
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new Error(`${name} must be text.`);
  return value;
}
