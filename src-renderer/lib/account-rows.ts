import type { AccountView, ConnectionSummary } from '../../src-main/contract.ts';

/** A row of the account list: a connection's heading, or an account (with its place among the accounts). */
export type ListRow =
  | { readonly kind: 'heading'; readonly key: string; readonly connection: ConnectionSummary }
  | {
      readonly kind: 'account';
      readonly key: string;
      readonly account: AccountView;
      readonly accountIndex: number;
      /** Its connection's name with two or more connections (shown in the row unless a heading shows it), else null. */
      readonly connectionName: string | null;
    };

/** The rows of the list, and for each account (by its place among the accounts) the row it is in. */
export interface ListRows {
  readonly rows: readonly ListRow[];
  /** The accounts in the order shown (by connection when grouped), for keyboard order and positions. */
  readonly accounts: readonly AccountView[];
  /** `rowOf[accountIndex]` is the row index of that account. */
  readonly rowOf: readonly number[];
  /** Whether headings are shown (two or more connections, grouping asked for). */
  readonly grouped: boolean;
}

/**
 * The list's rows for `accounts` (already sorted and filtered). With fewer than two connections,
 * or without `group` (the list sorted by time left), one row per account in the given order. With
 * two or more, a heading per connection that has accounts shown (in the connections' order), then
 * its accounts in their given order; accounts of a connection not listed (should not happen) come
 * last under no heading.
 */
export function listRows(accounts: readonly AccountView[], connections: readonly ConnectionSummary[], group = true): ListRows {
  if (connections.length < 2 || !group) {
    const names = new Map(connections.length < 2 ? [] : connections.map((connection) => [connection.id, connection.name]));
    const rows = accounts.map((account, accountIndex): ListRow => ({ kind: 'account', key: account.id, account, accountIndex, connectionName: names.get(account.connectionId) ?? null }));
    return { rows, accounts, rowOf: accounts.map((_, index) => index), grouped: false };
  }
  const byConnection = new Map<string, AccountView[]>(connections.map((connection) => [connection.id, []]));
  const orphans: AccountView[] = [];
  for (const account of accounts) (byConnection.get(account.connectionId) ?? orphans).push(account);
  const rows: ListRow[] = [];
  const ordered: AccountView[] = [];
  const rowOf: number[] = [];
  const addAccounts = (group: readonly AccountView[], connectionName: string | null): void => {
    for (const account of group) {
      rowOf.push(rows.length);
      rows.push({ kind: 'account', key: account.id, account, accountIndex: ordered.length, connectionName });
      ordered.push(account);
    }
  };
  for (const connection of connections) {
    const group = byConnection.get(connection.id) ?? [];
    if (group.length === 0) continue;
    rows.push({ kind: 'heading', key: `connection:${connection.id}`, connection });
    addAccounts(group, connection.name);
  }
  addAccounts(orphans, null);
  return { rows, accounts: ordered, rowOf, grouped: true };
}
