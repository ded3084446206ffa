import type { AccountView, AppState, ConnectionSummary } from '../../src-main/contract.ts';

/**
 * The connection a sign-in uses unless the person picks another: the active account's connection
 * when sign-in can start there, else the first configured one, else the first one (null when
 * there is none).
 */
export function defaultConnectionId(state: Pick<AppState, 'accounts' | 'activeAccountId' | 'connections'>): string | null {
  const active = state.activeAccountId === null ? undefined : state.accounts.find((account) => account.id === state.activeAccountId);
  if (active !== undefined && state.connections.some((connection) => connection.id === active.connectionId && connection.configured)) return active.connectionId;
  return (state.connections.find((connection) => connection.configured) ?? state.connections[0])?.id ?? null;
}

/** The connection's name when there are two or more connections (so it is worth saying), else null. */
export function connectionNameToShow(connections: readonly ConnectionSummary[], connectionId: string | null): string | null {
  if (connections.length < 2 || connectionId === null) return null;
  return connections.find((connection) => connection.id === connectionId)?.name ?? null;
}

/** "user_42 on Staging": a name with its connection's, when that is worth saying (not null), else the name alone. */
export function onConnection(name: string, connectionName: string | null): string {
  return connectionName === null ? name : `${name} on ${connectionName}`;
}

/** The name of `account`'s connection when there are two or more connections, else null. */
export function accountConnectionName(connections: readonly ConnectionSummary[], account: AccountView | undefined): string | null {
  return account === undefined ? null : connectionNameToShow(connections, account.connectionId);
}
