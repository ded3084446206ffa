/**
 * How an account is named outside its connection's group (tray, notifications, the active
 * summary): "user_42 · Staging" once there are two or more connections, just the label otherwise.
 * `connectionName` undefined (one connection, or unknown) leaves the label alone.
 */
export function accountName(label: string, connectionName: string | undefined): string {
  return connectionName === undefined ? label : `${label} · ${connectionName}`;
}

/** The connection name to show next to an account's label: only when there are two or more connections. */
export function connectionNameFor(connectionId: string, connections: readonly { readonly id: string; readonly name: string }[]): string | undefined {
  if (connections.length < 2) return undefined;
  return connections.find((connection) => connection.id === connectionId)?.name;
}
