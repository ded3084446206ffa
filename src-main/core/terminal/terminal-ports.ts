/**
 * What the terminal access server needs from the app: the accounts, the one rule that reads a
 * token (shared with copying), and a sign-in. AppService implements it; tests use a small
 * stand-in backed by real data.
 */
import type { AccountStatus } from '../../contract.ts';

/** An account as the terminal sees it: never a token. */
export interface TerminalAccount {
  readonly id: string;
  /** `null` for the generic token. */
  readonly userid: string | null;
  readonly label: string;
  readonly connectionId: string;
  readonly connectionName: string;
  readonly status: AccountStatus;
  /** ISO 8601 instant. */
  readonly expiration: string;
  /** Negative once expired. */
  readonly secondsLeft: number;
  readonly active: boolean;
}

/** A connection (AIRisk environment) a sign-in can go to, even one with no account yet. */
export interface TerminalConnection {
  readonly id: string;
  readonly name: string;
}

/** The outcome of reading one account's token. The message never carries the token. */
export type TokenRead =
  | { readonly ok: true; readonly token: string; readonly expiration: string }
  | { readonly ok: false; readonly code: 'expired' | 'unavailable'; readonly message: string };

/** The outcome of a sign-in the terminal asked for. `code` defaults to `sign_in_failed`. */
export type TerminalSignIn =
  | { readonly ok: true; readonly accountId: string }
  | { readonly ok: false; readonly code?: 'signing_in' | 'sign_in_failed'; readonly message: string };

/** The app, as the access server uses it. */
export interface TerminalTokenSource {
  /** Every account, no token. */
  accounts(): readonly TerminalAccount[];
  /** Every connection (for `login` to one that has no account yet). */
  connections(): readonly TerminalConnection[];
  /** THE rule shared with copy: the token of one account, or why not. */
  readToken(accountId: string): Promise<TokenRead>;
  /** Signs in through the app (the app opens the browser) and resolves when it is done. */
  signIn(request: { readonly connectionId: string; readonly userid: string | null }): Promise<TerminalSignIn>;
}
