/**
 * A row's error message stays only as long as it is true: it belongs to the token the account had
 * when the action failed, and goes when that token changes (a renewal, a new sign-in) or the
 * account is removed. Pure; src-main/shared imports nothing but itself.
 */

/** What identifies an account's token without the token: when it was obtained and when it expires. */
export interface TokenFacts {
  readonly id: string;
  readonly obtainedAt: string;
  readonly expiration: string;
  readonly status: string;
}

/** An error shown on a row, and the token it is about. */
export interface RowError {
  readonly message: string;
  readonly token: string;
}

/** The key of an account's current token ("sign in again" counts as another token: there is none). */
export function tokenKey(account: TokenFacts): string {
  return account.status === 'sign_in_again' ? `gone|${account.obtainedAt}` : `${account.obtainedAt}|${account.expiration}`;
}

/** The error for `account`'s current token. */
export function rowError(account: TokenFacts, message: string): RowError {
  return { message, token: tokenKey(account) };
}

/**
 * The errors still true for `accounts`: those whose account is still there with the same token.
 * Returns `errors` itself when none went, so a caller can skip a render.
 */
export function currentRowErrors(errors: ReadonlyMap<string, RowError>, accounts: readonly TokenFacts[]): ReadonlyMap<string, RowError> {
  if (errors.size === 0) return errors;
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const kept = new Map([...errors].filter(([id, error]) => {
    const account = byId.get(id);
    return account !== undefined && tokenKey(account) === error.token;
  }));
  return kept.size === errors.size ? errors : kept;
}
