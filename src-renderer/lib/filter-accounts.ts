import type { AccountView } from '../../src-main/contract.ts';

/** Accounts whose label or userid contains `query` (case-insensitive); all of them for a blank query. */
export function filterAccounts(accounts: readonly AccountView[], query: string): readonly AccountView[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return accounts;
  return accounts.filter((account) => account.label.toLocaleLowerCase().includes(needle) || (account.userid?.toLocaleLowerCase().includes(needle) ?? false));
}
