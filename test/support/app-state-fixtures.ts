/** AccountView and AppState values for tests of what is drawn from them (tray menu, window helpers). */
import type { AccountView, AppState, ConnectionSummary } from '../../src-main/contract.ts';
import { statusChips } from '../../src-main/shared/account-list.ts';
import { accountOrder, TERMINAL_OFF_VIEW, UPDATES_OFF_VIEW } from '../../src-main/core/app/state-view.ts';

/** The connection id {@link accountView} uses unless told otherwise. */
export const FIXTURE_CONNECTION_ID = 'conn-1';

/** A configured connection; `overrides` change any field. */
export function connectionSummary(id: string, name: string, overrides: Partial<ConnectionSummary> = {}): ConnectionSummary {
  return { id, name, origin: 'https://api.airisk.example.com', configured: true, accountCount: 0, ...overrides };
}

/** A valid token with 42 minutes left, stored on disk, not active; `overrides` change any field. */
export function accountView(id: string, overrides: Partial<AccountView> = {}): AccountView {
  return {
    id,
    connectionId: FIXTURE_CONNECTION_ID,
    label: id,
    userid: id,
    status: 'valid',
    expiration: '2030-01-01T00:00:00Z',
    secondsLeft: 42 * 60,
    active: false,
    stored: 'disk',
    obtainedAt: '2029-12-31T23:00:00Z',
    lastUsedAt: null,
    lastTerminalRead: null,
    ...overrides,
  };
}

/** A configured app with one connection holding `accounts` (the active one is the one marked so); `overrides` change any field. */
export function appState(accounts: readonly AccountView[] = [], overrides: Partial<AppState> = {}): AppState {
  return {
    accounts,
    activeAccountId: accounts.find((account) => account.active)?.id ?? null,
    storage: { backend: 'test', strength: 'strong', detail: '' },
    warnings: [],
    signIn: null,
    lastError: null,
    connections: [connectionSummary(FIXTURE_CONNECTION_ID, 'AIRisk', { accountCount: accounts.length })],
    configured: true,
    startAtLogin: false,
    terminal: TERMINAL_OFF_VIEW,
    renewAll: null,
    renewable: [],
    statusChips: statusChips(accounts),
    accountOrder: accountOrder(accounts),
    defaultConnectionId: FIXTURE_CONNECTION_ID,
    updates: UPDATES_OFF_VIEW,
    generatedAt: '2029-12-31T23:18:00Z',
    ...overrides,
  };
}
