import type { RenewAllOutcome, RenewAllView } from '../../contract.ts';

/** How a Renew all run names things: an account ("user_7"), and the connection when there are several (null with one). */
export interface RenewAllNames {
  readonly account: (accountId: string) => string;
  readonly connection: string | null;
}

function tokens(count: number): string {
  return count === 1 ? '1 token' : `${count} tokens`;
}

function names(ids: readonly string[], namer: RenewAllNames): string {
  const shown = ids.slice(0, 3).map((id) => namer.account(id));
  return ids.length > 3 ? `${shown.join(', ')} and ${ids.length - 3} more` : shown.join(', ');
}

/** The progress line: "Renewing 2 of 5 — user_7 (Staging)". */
export function renewAllProgressText(view: Omit<RenewAllView, 'message'>, namer: RenewAllNames): string {
  const current = view.currentAccountId === null ? '' : ` — ${namer.account(view.currentAccountId)}${namer.connection === null ? '' : ` (${namer.connection})`}`;
  return `Renewing ${Math.min(view.done + 1, view.total)} of ${view.total}${current}`;
}

/**
 * How a run ended, in one line: "Renewed 5 tokens on Staging.", "Renewed 4 of 5 tokens; user_9
 * was refused.", "Renew all was cancelled: 1 of 5 tokens renewed.", "Renew all stopped at user_3:
 * <the reason>".
 */
export function renewAllOutcomeText(outcome: Omit<RenewAllOutcome, 'message'>, namer: RenewAllNames): string {
  const total = outcome.renewed.length + outcome.denied.length + outcome.remaining.length;
  const on = namer.connection === null ? '' : ` on ${namer.connection}`;
  const refused = outcome.denied.length === 0 ? '' : `; ${names(outcome.denied, namer)} ${outcome.denied.length === 1 ? 'was' : 'were'} refused`;
  if (outcome.stopped === 'cancelled') return `Renew all${on} was cancelled: ${outcome.renewed.length} of ${tokens(total)} renewed${refused}.`;
  if (outcome.stopped === 'failed') {
    const at = outcome.remaining[0];
    return `Renew all${on} stopped${at === undefined ? '' : ` at ${namer.account(at)}`} after ${outcome.renewed.length} of ${tokens(total)}: ${outcome.error?.message ?? 'the sign-in failed.'}`;
  }
  if (total === 0) return `Nothing to renew${on}: every token is valid.`;
  if (outcome.renewed.length === total) return `Renewed ${tokens(total)}${on}.`;
  return `Renewed ${outcome.renewed.length} of ${tokens(total)}${on}${refused}.`;
}
