import type { AccountView, AppState } from '../../contract.ts';
import { accountName, connectionNameFor } from '../../shared/account-name.ts';
import { formatTimeLeft } from '../../shared/time-left.ts';

/** What clicking a tray item does; the Electron tray maps each to one service call. */
export type TrayAction =
  | { readonly type: 'copy'; readonly accountId: string }
  | { readonly type: 'set-active'; readonly accountId: string }
  | { readonly type: 'renew'; readonly accountId: string }
  /** The generic token; on `connectionId`, or the default connection (the active account's) when absent. */
  | { readonly type: 'sign-in-generic'; readonly connectionId?: string }
  | { readonly type: 'cancel-sign-in' }
  | { readonly type: 'open-window' }
  | { readonly type: 'toggle-start-at-login' }
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
 * The tray menu for a state. Every action lives in the menu because Linux ignores tray clicks.
 * Order: copy for the active user, copy for any user, switch user, renew where needed, sign in,
 * open window, start at login, quit.
 */
export function buildTrayMenu(state: AppState): TrayMenuItem[] {
  const items: TrayMenuItem[] = [];
  const active = state.accounts.find((account) => account.active);
  const line = (account: AccountView): string => accountLine(account, state.connections);

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

  if (state.accounts.length > 1) {
    items.push({
      kind: 'submenu',
      label: 'Copy bearer header for',
      items: state.accounts.map((account) => ({ kind: 'action', label: line(account), action: { type: 'copy', accountId: account.id }, enabled: usable(account) })),
    });
    items.push({
      kind: 'submenu',
      label: 'Switch active user',
      items: state.accounts.map((account) => ({ kind: 'check', label: trayAccountName(account, state.connections), action: { type: 'set-active', accountId: account.id }, checked: account.active, radio: true })),
    });
  }

  const needsRenewal = state.accounts.filter((account) => !usable(account) || account.status === 'expiring');
  if (needsRenewal.length > 0) {
    items.push({ kind: 'separator' });
    for (const account of needsRenewal) {
      // Renew signs in on the account's own connection: that one must be set up, whatever the others are.
      const own = state.connections.find((connection) => connection.id === account.connectionId);
      items.push({ kind: 'action', label: `Renew ${line(account)}`, action: { type: 'renew', accountId: account.id }, enabled: own?.configured === true && state.signIn === null });
    }
  }

  items.push({ kind: 'separator' });
  if (state.signIn === null) {
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
  items.push({ kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true });
  return items;
}

/** "Sign in (generic token)"; with two or more connections, one "Sign in on <name>" per configured connection. */
function signInItems(state: AppState): TrayMenuItem[] {
  const configured = state.connections.filter((connection) => connection.configured);
  if (state.connections.length < 2 || configured.length === 0) return [{ kind: 'action', label: 'Sign in (generic token)', action: { type: 'sign-in-generic' }, enabled: state.configured }];
  return configured.map((connection) => ({ kind: 'action', label: `Sign in on ${connection.name}`, action: { type: 'sign-in-generic', connectionId: connection.id }, enabled: true }));
}

/** The tray icon: the active token's state, or "expiring" when any other token is about to die. */
export function trayIconState(state: AppState): TrayIconState {
  const active = state.accounts.find((account) => account.active);
  if (active === undefined) return 'empty';
  if (!usable(active)) return 'expired';
  if (state.accounts.some((account) => account.status !== 'valid')) return 'expiring';
  return 'valid';
}

/** Tooltip: the product, the active user and its time left. */
export function trayTooltip(state: AppState): string {
  const active = state.accounts.find((account) => account.active);
  return active === undefined ? 'AIRisk Token Tray — no token' : `AIRisk Token Tray — ${accountLine(active, state.connections)}`;
}
