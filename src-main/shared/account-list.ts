/**
 * The window's account list rules, pure: the order (natural, active first; or by time left), what
 * the filter matches, the status chips and their counts, and where focus goes when the window
 * opens. In src-main/shared so the main process may use them too; tested in Node.
 *
 * Types are structural (src-main/shared imports nothing but itself): an `AccountView` fits.
 */
import { compareActiveThenName, compareNatural } from './natural-order.ts';

/** How a token stands (the contract's `AccountStatus`). */
export type ListStatus = 'valid' | 'expiring' | 'expired' | 'sign_in_again';

/** What the list rules read of an account. */
export interface ListAccount {
  readonly id: string;
  readonly connectionId: string;
  readonly label: string;
  readonly userid: string | null;
  readonly status: ListStatus;
  readonly secondsLeft: number;
  readonly active: boolean;
}

/** `name`: natural order, active first. `time-left`: the least time left first (gone tokens, then expired, then expiring…). */
export type ListSort = 'name' | 'time-left';

/** The word shown for each status next to its icon, and what the filter matches. */
export const STATUS_WORD: Readonly<Record<ListStatus, string>> = {
  valid: 'Valid',
  expiring: 'Expiring',
  expired: 'Expired',
  sign_in_again: 'Sign in again',
};

/** Seconds left for sorting: a token that is gone has none at all. */
const timeLeftOf = (account: ListAccount): number => (account.status === 'sign_in_again' ? -Infinity : account.secondsLeft);

/** Ties in name: by userid, then id, so the order never depends on the input's. */
function compareName(a: ListAccount, b: ListAccount): number {
  return compareActiveThenName(a, b) || compareNatural(a.userid ?? '', b.userid ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The accounts in the list's order (a new array; the input is left as is). */
export function sortAccounts<T extends ListAccount>(accounts: readonly T[], sort: ListSort): T[] {
  const byTime = (a: T, b: T): number => timeLeftOf(a) - timeLeftOf(b) || compareName({ ...a, active: false }, { ...b, active: false });
  return [...accounts].sort(sort === 'name' ? compareName : byTime);
}

/**
 * Whether `account` matches `query`: every word of it is found (ignoring case) in the name, the
 * userid, the connection's name or the status word ("expired", "expiring", "sign in again",
 * "valid"), or "active" for the active account. A blank query matches everything.
 */
export function matchesQuery(account: ListAccount, connectionName: string, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return true;
  const haystack = [account.label, account.userid ?? '', connectionName, STATUS_WORD[account.status], account.active ? 'active' : ''].join('\n').toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

/**
 * The accounts that match `query` and, when given, have exactly `status` (a status chip);
 * `connectionName(id)` names an account's connection. The same array for a blank query and no status.
 */
export function filterAccounts<T extends ListAccount>(accounts: readonly T[], query: string, connectionName: (connectionId: string) => string, status: ListStatus | null = null): readonly T[] {
  if (query.trim() === '' && status === null) return accounts;
  return accounts.filter((account) => (status === null || account.status === status) && matchesQuery(account, connectionName(account.connectionId), query));
}

/** A status chip: "3 expired", and the status it filters by. */
export interface StatusChip {
  readonly status: ListStatus;
  readonly count: number;
  readonly text: string;
}

/** The statuses that need attention, in the order their chips show. */
const CHIP_STATUSES: readonly ListStatus[] = ['expired', 'sign_in_again', 'expiring'];

/** One chip per status that needs attention and has accounts ("3 expired", "1 sign in again", "2 expiring"); none when all are valid. */
export function statusChips(accounts: readonly Pick<ListAccount, 'status'>[]): StatusChip[] {
  const counts = new Map<ListStatus, number>();
  for (const { status } of accounts) counts.set(status, (counts.get(status) ?? 0) + 1);
  return CHIP_STATUSES.flatMap((status) => {
    const count = counts.get(status) ?? 0;
    return count === 0 ? [] : [{ status, count, text: `${count} ${STATUS_WORD[status].toLocaleLowerCase()}` }];
  });
}

/** More accounts than this and the window opens with focus in the filter; otherwise on the active row. */
export const FILTER_FOCUS_FROM = 8;

/** Where focus goes when the list opens: the filter for a long list, else the active account's row (or the first). */
export function openingFocus(accountCount: number): 'filter' | 'active-row' {
  return accountCount > FILTER_FOCUS_FROM ? 'filter' : 'active-row';
}
