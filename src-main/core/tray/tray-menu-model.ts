import type { AccountView, AppState } from '../../contract.ts';
import { formatTimeLeft } from '../../shared/time-left.ts';

/** What clicking a tray item does; the Electron tray maps each to one service call. */
export type TrayAction =
  | { readonly type: 'copy'; readonly accountId: string }
  | { readonly type: 'set-active'; readonly accountId: string }
  | { readonly type: 'renew'; readonly accountId: string }
  | { readonly type: 'sign-in-generic' }
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

/** "user_42 — 42 min left" / "Generic — expired 3 min ago" / "user_7 — sign in again". */
export function accountLine(account: AccountView): string {
  const state = account.status === 'sign_in_again' ? 'sign in again' : formatTimeLeft(account.secondsLeft * 1000);
  return `${account.label} — ${state}`;
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

  if (active === undefined) {
    items.push({ kind: 'info', label: state.configured ? 'No tokens yet — sign in to get one' : 'Not set up — open the window to configure' });
  } else {
    items.push({
      kind: 'action',
      label: usable(active) ? `Copy bearer header — ${accountLine(active)}` : `Copy bearer header — ${accountLine(active)} (renew first)`,
      action: { type: 'copy', accountId: active.id },
      enabled: usable(active),
    });
  }

  if (state.accounts.length > 1) {
    items.push({
      kind: 'submenu',
      label: 'Copy bearer header for',
      items: state.accounts.map((account) => ({ kind: 'action', label: accountLine(account), action: { type: 'copy', accountId: account.id }, enabled: usable(account) })),
    });
    items.push({
      kind: 'submenu',
      label: 'Switch active user',
      items: state.accounts.map((account) => ({ kind: 'check', label: account.label, action: { type: 'set-active', accountId: account.id }, checked: account.active, radio: true })),
    });
  }

  const needsRenewal = state.accounts.filter((account) => !usable(account) || account.status === 'expiring');
  if (needsRenewal.length > 0) {
    items.push({ kind: 'separator' });
    for (const account of needsRenewal) {
      items.push({ kind: 'action', label: `Renew ${accountLine(account)}`, action: { type: 'renew', accountId: account.id }, enabled: state.configured && state.signIn === null });
    }
  }

  items.push({ kind: 'separator' });
  if (state.signIn === null) {
    items.push({ kind: 'action', label: 'Sign in (generic token)', action: { type: 'sign-in-generic' }, enabled: state.configured });
    items.push({ kind: 'action', label: 'Sign in as a user…', action: { type: 'open-window' }, enabled: true });
  } else {
    const who = state.signIn.userid ?? 'generic token';
    items.push({ kind: 'info', label: `Signing in ${who}: ${STAGE_TEXT[state.signIn.stage]}` });
    items.push({ kind: 'action', label: 'Cancel sign-in', action: { type: 'cancel-sign-in' }, enabled: true });
  }

  items.push({ kind: 'separator' });
  items.push({ kind: 'action', label: 'Open AIRisk Token Tray', action: { type: 'open-window' }, enabled: true });
  items.push({ kind: 'check', label: 'Start at login', action: { type: 'toggle-start-at-login' }, checked: state.startAtLogin });
  items.push({ kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true });
  return items;
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
  return active === undefined ? 'AIRisk Token Tray — no token' : `AIRisk Token Tray — ${accountLine(active)}`;
}
