/** The part of an account that decides where it is listed. */
export interface OrderedAccount {
  readonly id: string;
  readonly userid: string | null;
}

/** Display order: the generic account first, then userids compared case-insensitively (ties by exact text). */
export function compareDisplayOrder(a: OrderedAccount, b: OrderedAccount): number {
  if (a.userid === null || b.userid === null) return (a.userid === null ? 0 : 1) - (b.userid === null ? 0 : 1);
  const folded = compareText(a.userid.toLowerCase(), b.userid.toLowerCase());
  return folded !== 0 ? folded : compareText(a.userid, b.userid);
}

/** A sorted copy in display order. */
export function inDisplayOrder<T extends OrderedAccount>(accounts: readonly T[]): T[] {
  return [...accounts].sort(compareDisplayOrder);
}

/** The account to make active when none is (or the active one went away): the generic one, else the first in display order. */
export function sensibleActiveAccountId(accounts: readonly OrderedAccount[]): string | null {
  return inDisplayOrder(accounts)[0]?.id ?? null;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
