/**
 * Which account a terminal request means, and the one-sentence refusals when that is unclear:
 * no selector = the active account; `userid` or `generic` picks by user; `connection` matches a
 * connection name ignoring case. Several matches → 409 `ambiguous_account`; none → 404 `no_account`.
 */
import { AccessError } from './access-error.ts';
import type { AccountSelector } from './account-request.ts';
import type { TerminalAccount, TerminalConnection, TokenRead } from './terminal-ports.ts';

/** "user_42 on Staging" / "Generic on Staging". */
export function accountName(account: Pick<TerminalAccount, 'userid' | 'connectionName'>): string {
  return `${account.userid ?? 'Generic'} on ${account.connectionName}`;
}

/** `airisk-token login --user user_42 --connection Staging` (no `--user` for the generic token). */
export function loginCommand(userid: string | null, connectionName: string | null): string {
  return ['airisk-token login', userid === null ? '' : ` --user ${userid}`, connectionName === null ? '' : ` --connection ${quoteName(connectionName)}`].join('');
}

function quoteName(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : JSON.stringify(name);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The connection a selector names, or null for none named; 404 `no_account` when none has that name. */
export function selectConnection(connections: readonly TerminalConnection[], name: string | null): TerminalConnection | null {
  if (name === null) return null;
  const found = connections.find((connection) => sameName(connection.name, name));
  if (found !== undefined) return found;
  throw new AccessError(404, 'no_account', `No connection is named ${JSON.stringify(name)}; the connections are ${connections.map((connection) => connection.name).join(', ') || 'none yet'}.`);
}

function listed(accounts: readonly TerminalAccount[]): string {
  return accounts.length === 0 ? 'none is stored yet' : `the accounts are ${accounts.map(accountName).join(', ')}`;
}

/** The one account `selector` means among `accounts`. */
export function selectAccount(accounts: readonly TerminalAccount[], connections: readonly TerminalConnection[], selector: AccountSelector): TerminalAccount {
  const connection = selectConnection(connections, selector.connection);
  const onConnection = connection === null ? accounts : accounts.filter((account) => account.connectionId === connection.id);
  const byUser = selector.userid !== null || selector.generic;
  if (!byUser) return activeOrOnly(accounts, onConnection, connection);
  const userid = selector.generic ? null : selector.userid;
  const matches = onConnection.filter((account) => account.userid === userid);
  const who = userid ?? 'The generic token';
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length > 1) {
    const names = matches.map((account) => account.connectionName);
    throw new AccessError(409, 'ambiguous_account', `${who} has tokens on ${names.join(' and ')}; add --connection NAME (${names.join(' or ')}).`);
  }
  const where = connection === null ? '' : ` on ${connection.name}`;
  throw new AccessError(404, 'no_account', `${userid === null ? 'There is no generic token' : `${userid} has no token`}${where} (${listed(accounts)}); sign in: ${loginCommand(userid, connection?.name ?? null)}.`);
}

function activeOrOnly(accounts: readonly TerminalAccount[], onConnection: readonly TerminalAccount[], connection: TerminalConnection | null): TerminalAccount {
  const active = onConnection.find((account) => account.active);
  if (active !== undefined) return active;
  if (connection !== null && onConnection.length === 1 && onConnection[0] !== undefined) return onConnection[0];
  if (onConnection.length > 1) {
    throw new AccessError(409, 'ambiguous_account', `${connection?.name ?? 'AIRisk Token Tray'} holds several tokens (${onConnection.map(accountName).join(', ')}); add --user ID or --generic.`);
  }
  throw new AccessError(404, 'no_account', `No token is stored${connection === null ? '' : ` on ${connection.name}`} (${listed(accounts)}); sign in: ${loginCommand(null, connection?.name ?? null)}.`);
}

/** "3 min ago", "2 h ago", "just now". */
export function agoText(secondsLeft: number): string {
  const ago = Math.max(0, -secondsLeft);
  if (ago < 60) return 'just now';
  if (ago < 3600) return `${Math.floor(ago / 60)} min ago`;
  if (ago < 2 * 86_400) return `${Math.floor(ago / 3600)} h ago`;
  return `${Math.floor(ago / 86_400)} days ago`;
}

/**
 * The CLI's sentence for a token the app's one rule (TerminalTokenSource.readToken) refused to hand
 * out: 409 `expired` with how long ago and the renew command, or 409 `unavailable` with the app's
 * own message. The decision is the app's; this only words it.
 */
export function refusedRead(account: TerminalAccount, refusal: Extract<TokenRead, { ok: false }>): AccessError {
  if (refusal.code === 'unavailable') return new AccessError(409, 'unavailable', refusal.message);
  const whose = `${account.userid ?? 'The generic'}${account.userid === null ? ' token' : "'s token"} on ${account.connectionName}`;
  return new AccessError(409, 'expired', `${whose} expired ${agoText(account.secondsLeft)}; renew it: ${loginCommand(account.userid, account.connectionName)}`);
}
