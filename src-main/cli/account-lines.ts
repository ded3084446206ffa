/**
 * What `list` and `status` print about the accounts: one line each, the active one marked, with
 * its connection, status and time left (the tray's wording, src-main/shared/time-left.ts). Never a token.
 */
import { formatTimeLeft } from '../shared/time-left.ts';
import type { AccountBrief, AppStatus } from './app-answers.ts';

const STATUS_WORDS: Readonly<Record<string, string>> = { valid: 'valid', expiring: 'expiring soon', expired: 'expired', sign_in_again: 'sign in again' };

/** "* user_42 on Staging  valid  42 min left", aligned in columns; the active account has the star. */
export function accountLines(accounts: readonly AccountBrief[]): string[] {
  const names = accounts.map((account) => `${account.name} on ${account.connection}`);
  const width = Math.max(0, ...names.map((name) => name.length));
  const statuses = accounts.map((account) => STATUS_WORDS[account.status] ?? account.status);
  const statusWidth = Math.max(0, ...statuses.map((status) => status.length));
  return accounts.map((account, index) => `${account.active ? '*' : ' '} ${(names[index] ?? '').padEnd(width)}  ${(statuses[index] ?? '').padEnd(statusWidth)}  ${formatTimeLeft(account.secondsLeft * 1000)}`.trimEnd());
}

/** `list`: the lines, or a sentence when there is no account. */
export function listText(accounts: readonly AccountBrief[]): string {
  return accounts.length === 0 ? 'No accounts yet: sign in with airisk-token login, or in the app.' : accountLines(accounts).join('\n');
}

/** `list --json`: the briefs as the app sent them (documented fields only). */
export function listJson(accounts: readonly AccountBrief[]): string {
  return JSON.stringify(accounts);
}

/** `status`: like `gh auth status`, the app and its state, then the accounts in brief. */
export function statusText(status: AppStatus, endpoint: string): string {
  const lines = [`${status.app} ${status.version} is running; terminal access is on (${endpoint}).`];
  if (status.accounts.length === 0) lines.push('No accounts yet: sign in with airisk-token login, or in the app.');
  else lines.push(`Accounts (* = active):`, ...accountLines(status.accounts).map((line) => `  ${line}`));
  return lines.join('\n');
}
