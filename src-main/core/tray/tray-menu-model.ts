import type { AccountView, AppState } from '../../contract.ts';
import { accountName, connectionNameFor } from '../../shared/account-name.ts';
import { compareNatural } from '../../shared/natural-order.ts';
import { formatTimeLeft } from '../../shared/time-left.ts';
import { needsRenewal } from '../app/renew-all.ts';

/** What clicking a tray item does; the Electron tray maps each to one service call. */
export type TrayAction =
  | { readonly type: 'copy'; readonly accountId: string }
  | { readonly type: 'set-active'; readonly accountId: string }
  | { readonly type: 'renew'; readonly accountId: string }
  /** Renew all: every token needing renewal on the connection, one sign-in after another. */
  | { readonly type: 'renew-all'; readonly connectionId: string }
  | { readonly type: 'cancel-renew-all' }
  /** The generic token; on `connectionId`, or the default connection (the active account's) when absent. */
  | { readonly type: 'sign-in-generic'; readonly connectionId?: string }
  | { readonly type: 'cancel-sign-in' }
  | { readonly type: 'open-window' }
  | { readonly type: 'toggle-start-at-login' }
  /** Quits and installs the downloaded update (refused while a sign-in is pending). */
  | { readonly type: 'restart-to-update' }
  /** Opens the release page of a newer version this copy cannot install itself. */
  | { readonly type: 'open-release-page' }
  | { readonly type: 'quit' };

/** One tray menu entry, independent of Electron's MenuItem so it can be tested in Node. */
export type TrayMenuItem =
  | { readonly kind: 'action'; readonly label: string; readonly action: TrayAction; readonly enabled: boolean }
  | { readonly kind: 'check'; readonly label: string; readonly action: TrayAction; readonly checked: boolean; readonly radio?: boolean }
  | { readonly kind: 'submenu'; readonly label: string; readonly items: readonly TrayMenuItem[] }
  | { readonly kind: 'info'; readonly label: string }
  | { readonly kind: 'separator' };

/** Which icon the tray shows. */
export type TrayIconState = 'empty' | 'valid' | 'expiring' | 'expired';

const STAGE_TEXT = {
  opening_browser: 'opening the browser',
  waiting_for_browser: 'waiting for you in the browser',
  exchanging_code: 'exchanging the code',
} as const;

/**
 * "user_42 — 42 min left" / "Generic — expired 3 min ago" / "user_7 — sign in again"; with two or
 * more connections the connection's name follows the label: "user_42 · Staging — 42 min left".
 */
export function accountLine(account: AccountView, connections: AppState['connections']): string {
  const state = account.status === 'sign_in_again' ? 'sign in again' : formatTimeLeft(account.secondsLeft * 1000);
  return `${trayAccountName(account, connections)} — ${state}`;
}

/** The account's label, with its connection's name when there are two or more connections. */
function trayAccountName(account: AccountView, connections: AppState['connections']): string {
  return accountName(account.label, connectionNameFor(account.connectionId, connections));
}

function usable(account: AccountView): boolean {
  return account.status === 'valid' || account.status === 'expiring';
}

/**
 * How many accounts "Copy for…" and "Switch active…" each list before "More… (opens the window)".
 * The whole menu, counting every entry of every submenu and every separator, at any account count:
 * top level at most 17 (copy active, "Recent" header, Copy for…, Switch active…, separator, the one
 * renew line — or "Renewing…" and its cancel, which hide the sign-in lines —, separator, at most
 * {@link MAX_SIGN_IN_ITEMS} sign-in lines, "Sign in as a user…", separator, open, start at login,
 * "Restart to update to …" or "Version … available — open download page", the version line, quit), plus 5 recent, plus 2 × (8 + "More…") = 17 + 5 + 18 = 40 ≤ 40.
 */
export const MENU_LIST_CAP = 8;

/** Accounts under "Recent": the last five copied. */
export const RECENT_COUNT = 5;

/** Beyond this many configured connections, "Sign in on …" is one line that opens the window. */
export const MAX_SIGN_IN_ITEMS = 3;

const MORE_ITEM: TrayMenuItem = { kind: 'action', label: 'More… (opens the window)', action: { type: 'open-window' }, enabled: true };

/**
 * The tray menu for a state. Every action lives in the menu because Linux ignores tray clicks.
 * Order: copy for the active user, recent copies, copy for…, switch active…, renew, sign in, open
 * window, start at login, quit. Its size does not grow with the number of accounts (see
 * {@link MENU_LIST_CAP}); one pass over the accounts, so it stays fast at 10,000.
 */
export function buildTrayMenu(state: AppState): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  const active = state.accounts.find((account) => account.active);
  const line = (account: AccountView): string => accountLine(account, state.connections);
  const copyItem = (account: AccountView): TrayMenuItem => ({ kind: 'action', label: line(account), action: { type: 'copy', accountId: account.id }, enabled: usable(account) });

  if (active === undefined) {
    items.push({ kind: 'info', label: state.configured ? 'No tokens yet — sign in to get one' : 'Not set up — open the window to configure' });
  } else {
    items.push({
      kind: 'action',
      label: usable(active) ? `Copy bearer header — ${line(active)}` : `Copy bearer header — ${line(active)} (renew first)`,
      action: { type: 'copy', accountId: active.id },
      enabled: usable(active),
    });
  }

  // The active account is the first item already: Recent holds the others.
  const recent = mostRecentlyUsed(state.accounts, RECENT_COUNT, (account) => account.lastUsedAt !== null && !account.active);
  if (recent.length > 0) items.push({ kind: 'info', label: 'Recent' }, ...recent.map(copyItem));

  if (state.accounts.length > 1) {
    const listed = mostRecentlyUsed(state.accounts, MENU_LIST_CAP, () => true);
    const more = state.accounts.length > MENU_LIST_CAP ? [MORE_ITEM] : [];
    items.push({ kind: 'submenu', label: 'Copy for…', items: [...listed.map(copyItem), ...more] });
    // The active account is always among those to switch between, checked, at the top.
    const switchable = active === undefined ? listed : [active, ...listed.filter((account) => account !== active)].slice(0, MENU_LIST_CAP);
    items.push({
      kind: 'submenu',
      label: 'Switch active…',
      items: [...switchable.map((account): TrayMenuItem => ({ kind: 'check', label: trayAccountName(account, state.connections), action: { type: 'set-active', accountId: account.id }, checked: account.active, radio: true })), ...more],
    });
  }

  items.push(...renewItems(state));

  items.push({ kind: 'separator' });
  if (state.renewAll !== null) {
    // The run's own sign-in shows in its "Renewing" line; the sign-in lines come back when it ends.
  } else if (state.signIn === null) {
    items.push(...signInItems(state));
    items.push({ kind: 'action', label: 'Sign in as a user…', action: { type: 'open-window' }, enabled: true });
  } else {
    const userid = state.signIn.userid ?? 'generic token';
    const on = connectionNameFor(state.signIn.connectionId, state.connections);
    const who = on === undefined ? userid : `${userid} on ${on}`;
    items.push({ kind: 'info', label: `Signing in ${who}: ${STAGE_TEXT[state.signIn.stage]}` });
    items.push({ kind: 'action', label: 'Cancel sign-in', action: { type: 'cancel-sign-in' }, enabled: true });
  }

  items.push({ kind: 'separator' });
  items.push({ kind: 'action', label: 'Open AIRisk Token Tray', action: { type: 'open-window' }, enabled: true });
  items.push({ kind: 'check', label: 'Start at login', action: { type: 'toggle-start-at-login' }, checked: state.startAtLogin });
  items.push(...updateItems(state));
  items.push({ kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true });
  return items;
}

/**
 * The `count` accounts that pass `include`, most recently copied first, never-copied ones after in
 * natural name order. One pass keeping the best `count` (no sort of all accounts).
 */
function mostRecentlyUsed(accounts: readonly AccountView[], count: number, include: (account: AccountView) => boolean): AccountView[] {
  const kept: AccountView[] = [];
  for (const account of accounts) {
    if (!include(account)) continue;
    const worst = kept[count - 1];
    if (worst !== undefined && compareRecency(account, worst) >= 0) continue;
    if (worst !== undefined) kept.pop();
    let at = kept.length;
    while (at > 0 && compareRecency(account, kept[at - 1] as AccountView) < 0) at -= 1;
    kept.splice(at, 0, account);
  }
  return kept;
}

/** Later `lastUsedAt` first (ISO instants compare as text: the store reader writes them all one way), never used last; ties by natural name. */
function compareRecency(a: AccountView, b: AccountView): number {
  if (a.lastUsedAt !== b.lastUsedAt) {
    if (a.lastUsedAt === null) return 1;
    if (b.lastUsedAt === null) return -1;
    return a.lastUsedAt > b.lastUsedAt ? -1 : 1;
  }
  return compareNatural(a.label, b.label);
}

/**
 * One line for every token that needs renewal: "Renew 3 expiring…" runs Renew all when they are all
 * on one connection, or opens the window when they span several; "Renewing 2 of 5…" and its cancel
 * while a run is under way.
 */
function renewItems(state: AppState): TrayMenuItem[] {
  if (state.renewAll !== null) {
    const run = state.renewAll;
    return [
      { kind: 'separator' },
      { kind: 'info', label: `Renewing ${Math.min(run.done + 1, run.total)} of ${run.total}…` },
      { kind: 'action', label: 'Cancel renew all', action: { type: 'cancel-renew-all' }, enabled: true },
    ];
  }
  let count = 0;
  let allExpiring = true;
  const connectionIds = new Set<string>();
  for (const account of state.accounts) {
    if (!needsRenewal(account)) continue;
    count += 1;
    allExpiring &&= account.status === 'expiring';
    connectionIds.add(account.connectionId);
  }
  if (count === 0) return [];
  const what = `Renew ${count} ${allExpiring ? 'expiring' : 'expired or expiring'}…`;
  const [only] = connectionIds;
  if (connectionIds.size > 1 || only === undefined) return [{ kind: 'separator' }, { kind: 'action', label: `${what} (opens the window)`, action: { type: 'open-window' }, enabled: true }];
  // Renewing signs in on the tokens' own connection: that one must be set up, whatever the others are.
  const own = state.connections.find((connection) => connection.id === only);
  return [{ kind: 'separator' }, { kind: 'action', label: what, action: { type: 'renew-all', connectionId: only }, enabled: own?.configured === true && state.signIn === null }];
}

/**
 * "Restart to update to 1.2.3" once an update is downloaded (disabled while a sign-in or Renew all
 * runs: a restart would lose it) or, where this copy cannot install it, "Version 1.2.3 available —
 * open download page" (one of the two, never both), and the version as a line of its own.
 */
function updateItems(state: AppState): TrayMenuItem[] {
  const { readyVersion, availableVersion, version } = state.updates;
  const items: TrayMenuItem[] = [];
  if (readyVersion !== null) items.push({ kind: 'action', label: `Restart to update to ${readyVersion}`, action: { type: 'restart-to-update' }, enabled: state.signIn === null && state.renewAll === null });
  else if (availableVersion !== null) items.push({ kind: 'action', label: `Version ${availableVersion} available — open download page`, action: { type: 'open-release-page' }, enabled: true });
  if (version !== '') items.push({ kind: 'info', label: `Version ${version}` });
  return items;
}

/**
 * "Sign in (generic token)"; with two or more connections, one "Sign in on <name>" per configured
 * connection, or one line that opens the window when there are more than {@link MAX_SIGN_IN_ITEMS}.
 */
function signInItems(state: AppState): TrayMenuItem[] {
  const configured = state.connections.filter((connection) => connection.configured);
  if (state.connections.length < 2 || configured.length === 0) return [{ kind: 'action', label: 'Sign in (generic token)', action: { type: 'sign-in-generic' }, enabled: state.configured }];
  if (configured.length > MAX_SIGN_IN_ITEMS) return [{ kind: 'action', label: 'Sign in on a connection… (opens the window)', action: { type: 'open-window' }, enabled: true }];
  return configured.map((connection) => ({ kind: 'action', label: `Sign in on ${connection.name}`, action: { type: 'sign-in-generic', connectionId: connection.id }, enabled: true }));
}

/** The tray icon: the active token's state only (another account's expiry shows in the menu, not the icon). */
export function trayIconState(state: AppState): TrayIconState {
  const active = state.accounts.find((account) => account.active);
  if (active === undefined) return 'empty';
  if (!usable(active)) return 'expired';
  return active.status === 'expiring' ? 'expiring' : 'valid';
}

/** Every entry of a menu, counting those inside submenus and separators (the size a person scans). */
export function countMenuEntries(items: readonly TrayMenuItem[]): number {
  let count = 0;
  for (const item of items) count += 1 + (item.kind === 'submenu' ? countMenuEntries(item.items) : 0);
  return count;
}

/** Tooltip: the product, the active user and its time left. */
export function trayTooltip(state: AppState): string {
  const active = state.accounts.find((account) => account.active);
  return active === undefined ? 'AIRisk Token Tray — no token' : `AIRisk Token Tray — ${accountLine(active, state.connections)}`;
}
