import type { AccountStatus, AccountView, AppState, AppWarning, AppWarningView, RenewableConnection, ErrorView, RenewAllView, SignInView, TerminalView, UpdateView } from '../../contract.ts';
import { msLeft, tokenStatus, type ExpiryFacts } from '../expiry/token-status.ts';
import type { CipherDescription } from '../vault/cipher-port.ts';
import { connectionSummary } from '../settings/connection-view.ts';
import type { AccountRecord, ConnectionRecord } from '../vault/vault.ts';
import type { TerminalRead } from '../terminal/consent-broker.ts';
import { DEFAULT_SETTINGS } from '../settings/stored-settings.ts';
import { sortAccounts, statusChips } from '../../shared/account-list.ts';
import { needsRenewal } from './renew-all.ts';

/** The two numbers from an account record that decide its status. */
export function expiryFacts(account: AccountRecord): ExpiryFacts {
  return { expirationMs: Date.parse(account.expiration), clockSkewMs: account.clockSkewMs };
}

/** One account as the window and tray see it, at `nowMs` on the local clock. */
export function accountView(account: AccountRecord, activeId: string | null, nowMs: number, leadMs: number, lastTerminalRead: TerminalRead | null = null): AccountView {
  const facts = expiryFacts(account);
  const status: AccountStatus = account.needsSignIn ? 'sign_in_again' : tokenStatus(facts, nowMs, leadMs);
  return {
    id: account.id,
    connectionId: account.connectionId,
    label: account.label,
    userid: account.userid,
    status,
    expiration: account.expiration,
    secondsLeft: Math.floor(msLeft(facts, nowMs) / 1000),
    active: account.id === activeId,
    stored: account.tokenStored,
    obtainedAt: account.obtainedAt,
    lastUsedAt: account.lastUsedAt,
    lastTerminalRead,
  };
}

/** Terminal access while nothing feeds the state: off, not listening, no prompt, no session. */
export const TERMINAL_OFF_VIEW: TerminalView = {
  enabled: false,
  endpoint: null,
  problem: null,
  sessionMinutes: DEFAULT_SETTINGS.terminalSessionMinutes,
  consent: null,
  sessions: [],
  // Faces without terminal access (tests of other parts) never look for Node.
  cli: { nodeFound: false, note: null, installedAt: null, installCommand: '' },
};

/** Updates where no updater is wired (the browser host, tests of other parts): nothing to check. */
export const UPDATES_OFF_VIEW: UpdateView = { version: '', status: 'Updates are not checked in this window.', readyVersion: null, availableVersion: null, canCheck: false };

/** How many accounts each connection has, by connection id (AppState's summaries and Settings' views). */
export function accountCounts(accounts: readonly Pick<AccountRecord, 'connectionId'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const account of accounts) counts.set(account.connectionId, (counts.get(account.connectionId) ?? 0) + 1);
  return counts;
}

/** Inputs of {@link buildAppState}; all plain data. */
export interface AppStateInputs {
  readonly accounts: readonly AccountRecord[];
  /** In creation order. */
  readonly connections: readonly ConnectionRecord[];
  readonly activeAccountId: string | null;
  readonly protection: CipherDescription;
  readonly warnings: readonly AppWarning[];
  readonly signIn: SignInView | null;
  /** The "Renew all" run under way (default none). */
  readonly renewAll?: RenewAllView | null;
  readonly lastError: ErrorView | null;
  readonly startAtLogin: boolean;
  readonly nowMs: number;
  readonly leadMs: number;
  /** Terminal access as the broker and server see it (default {@link TERMINAL_OFF_VIEW}). */
  readonly terminal?: TerminalView;
  /** The last terminal read of each account, by account id (default none). */
  readonly terminalReads?: ReadonlyMap<string, TerminalRead>;
  /** Where updates stand (default {@link UPDATES_OFF_VIEW}). */
  readonly updates?: UpdateView;
}

/** The whole state the faces draw. Contains no token and no secret by construction. */
export function buildAppState(inputs: AppStateInputs): AppState {
  const counts = accountCounts(inputs.accounts);
  const connections = inputs.connections.map((connection) => connectionSummary(connection, counts.get(connection.id) ?? 0));
  const configured = connections.some((connection) => connection.configured);
  const accounts = inputs.accounts.map((account) => accountView(account, inputs.activeAccountId, inputs.nowMs, inputs.leadMs, inputs.terminalReads?.get(account.id) ?? null));
  return {
    accounts,
    activeAccountId: inputs.activeAccountId,
    storage: { backend: inputs.protection.backend, strength: inputs.protection.strength, detail: inputs.protection.detail },
    warnings: warningViews(configured ? inputs.warnings : [...inputs.warnings, notConfiguredWarning(connections.length)]),
    signIn: inputs.signIn,
    lastError: inputs.lastError,
    connections,
    configured,
    startAtLogin: inputs.startAtLogin,
    terminal: inputs.terminal ?? TERMINAL_OFF_VIEW,
    renewAll: inputs.renewAll ?? null,
    renewable: renewableConnections(accounts, connections),
    statusChips: statusChips(accounts),
    accountOrder: accountOrder(accounts),
    defaultConnectionId: defaultConnectionId({ accounts, activeAccountId: inputs.activeAccountId, connections }),
    updates: inputs.updates ?? UPDATES_OFF_VIEW,
    generatedAt: new Date(inputs.nowMs).toISOString(),
  };
}

/** The connections with tokens that are not valid, and how many each, in the order of `connections`. */
export function renewableConnections(accounts: readonly AccountView[], connections: readonly { readonly id: string; readonly name: string }[]): RenewableConnection[] {
  const counts = accountCounts(accounts.filter(needsRenewal));
  return connections.flatMap((connection) => {
    const count = counts.get(connection.id);
    if (count === undefined) return [];
    const askFirst = count > RENEW_ALL_ASK_ABOVE;
    const text = askFirst ? `That is ${count} sign-ins in your browser, one after another. Renew them all?` : `Renews ${count} expiring or expired tokens, one sign-in after another.`;
    return [{ connectionId: connection.id, name: connection.name, count, askFirst, text }];
  });
}

/** More than this many sign-ins in a row are asked about first. */
export const RENEW_ALL_ASK_ABOVE = 10;

const STORAGE_WARNINGS: ReadonlySet<AppWarning['kind']> = new Set(['tokens-in-memory-only', 'weak-encryption']);

/** The warnings as the window shows them: those about where tokens are kept are marked `storage`. */
export function warningViews(warnings: readonly AppWarning[]): AppWarningView[] {
  return warnings.map((warning) => ({ ...warning, storage: STORAGE_WARNINGS.has(warning.kind) }));
}

/**
 * The connection a sign-in uses unless the person picks another: the active account's connection
 * when sign-in can start there, else the first configured one, else the first one (null when
 * there is none).
 */
export function defaultConnectionId(state: Pick<AppState, 'accounts' | 'activeAccountId' | 'connections'>): string | null {
  const active = state.activeAccountId === null ? undefined : state.accounts.find((account) => account.id === state.activeAccountId);
  return defaultConnectionOf(active?.connectionId, state.connections, (connection) => connection.configured) ?? null;
}

/**
 * The one rule for the connection a sign-in uses unless told: the active account's, when it can sign
 * in; else the first that can; else the first. The window's default (above) and the service's own
 * (a tray sign-in) both come from it.
 */
export function defaultConnectionOf<C extends { readonly id: string }>(activeConnectionId: string | undefined, connections: readonly C[], configured: (connection: C) => boolean): string | undefined {
  if (activeConnectionId !== undefined && connections.some((connection) => connection.id === activeConnectionId && configured(connection))) return activeConnectionId;
  return (connections.find(configured) ?? connections[0])?.id;
}

/** Indexes into the accounts in the window list's two orders (shared/account-list.ts sortAccounts). */
export function accountOrder(accounts: readonly AccountView[]): AppState['accountOrder'] {
  const indexed = accounts.map((account, index) => ({ ...account, index }));
  const order = (sort: 'name' | 'time-left'): number[] => sortAccounts(indexed, sort).map((account) => account.index);
  return { name: order('name'), 'time-left': order('time-left') };
}

/** Why sign-in cannot start yet, and what to do: set up a first connection, or finish one. */
function notConfiguredWarning(connectionCount: number): AppWarning {
  const message =
    connectionCount === 0
      ? 'Add a connection in Settings (the AIRisk address, and the client id and client secret AIRisk gave you) to sign in.'
      : connectionCount === 1
        ? 'Enter the client id and client secret AIRisk gave you for the connection, in Settings, to sign in.'
        : 'Enter the client id and client secret AIRisk gave you for at least one connection, in Settings, to sign in.';
  return { kind: 'not-configured', message };
}
