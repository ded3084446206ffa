import type { AccountView, ConnectionSummary } from '../../src-main/contract.ts';

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
