import type { AccountView, AppState } from '../../contract.ts';
import { accountName, connectionNameFor } from '../../shared/account-name.ts';
import { compareNatural } from '../../shared/natural-order.ts';
import { formatDuration, formatTimeLeft } from '../../shared/time-left.ts';
import type { ExpiryNotice, NoticeKind } from '../app/app-ports.ts';

/**
 * Tokens that cross a boundary this close together are one notice: tokens obtained together
 * (Renew all, a morning of sign-ins) cross theirs milliseconds apart, and each would otherwise pop
 * its own notification.
 */
export const NOTICE_GATHER_MS = 1000;

/** At most this many names in a grouped notice's body; the rest are counted. */
const NAMES_SHOWN = 3;

/**
 * The one notice of `kind` for `accounts` (those it is about), or undefined when there are none.
 * Urgency is critical only when the active account's token has expired: that is the one the
 * person's next request uses. The Renew button renews the one account, or runs Renew all when
 * they share a connection; across connections the notice only opens the window.
 */
export function expiryNotice(kind: NoticeKind, accounts: readonly AccountView[], state: Pick<AppState, 'connections'>, leadMs: number): ExpiryNotice | undefined {
  const sorted = accounts.toSorted((a, b) => Number(b.active) - Number(a.active) || compareNatural(a.label, b.label));
  const first = sorted[0];
  if (first === undefined) return undefined;
  const name = (account: AccountView): string => accountName(account.label, connectionNameFor(account.connectionId, state.connections));
  const connectionIds = new Set(sorted.map((account) => account.connectionId));
  const urgency = kind === 'expired' && sorted.some((account) => account.active) ? 'critical' : 'normal';
  const base = { kind, accountIds: sorted.map((account) => account.id), renewConnectionId: connectionIds.size === 1 ? first.connectionId : null, urgency } as const;
  if (sorted.length === 1) {
    if (kind === 'expired') return { ...base, title: `${name(first)}: token expired`, body: 'Renew it to keep calling AIRisk.' };
    const left = formatTimeLeft(first.secondsLeft * 1000);
    return { ...base, title: `${name(first)}: token expires soon`, body: `${left[0]?.toUpperCase() ?? ''}${left.slice(1)}. Renew it now to avoid failed requests.` };
  }
  const names = sorted.slice(0, NAMES_SHOWN).map(name);
  const more = sorted.length - names.length;
  const who = more > 0 ? `${names.join(', ')} and ${more} more` : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  const renew = base.renewConnectionId === null ? 'Open the window to renew them.' : 'Renew all to keep calling AIRisk.';
  const title = kind === 'expired' ? `${sorted.length} tokens expired — Renew all` : `${sorted.length} tokens expire within ${formatDuration(leadMs)} — Renew all`;
  return { ...base, title, body: `${who}. ${renew}` };
}

/** Options of {@link ExpiryNoticeGatherer}. */
export interface ExpiryNoticeGathererOptions {
  /** The state now (statuses counted from this moment). */
  readonly state: () => AppState;
  readonly leadMs: () => number;
  readonly notify: (notice: ExpiryNotice) => void;
}

/**
 * Turns the scheduler's status changes into one notice per kind, at once and without a timer of its
 * own (the idle benchmark allows one wake-up per status change). Tokens obtained together cross
 * their boundaries milliseconds apart: the first change announces every token that crosses within
 * {@link NOTICE_GATHER_MS}, and their own changes, a moment later, announce nothing again.
 * "Expired" names only tokens that just expired, so tokens left expired for days are not announced
 * again. Accounts that must sign in again are not announced: their token is gone, not expiring.
 */
export class ExpiryNoticeGatherer {
  readonly #options: ExpiryNoticeGathererOptions;
  /** Announced and not renewed since, per kind. */
  readonly #announced: Record<NoticeKind, Set<string>> = { expiring: new Set(), expired: new Set() };

  constructor(options: ExpiryNoticeGathererOptions) {
    this.#options = options;
  }

  /** Takes one batch of changes (from the expiry scheduler). */
  changed(changes: readonly { readonly id: string; readonly to: string }[]): void {
    for (const change of changes) {
      if (change.to === 'valid') for (const kind of KINDS) this.#announced[kind].delete(change.id);
    }
    const crossed = (kind: NoticeKind): boolean => changes.some((change) => change.to === kind && !this.#announced[kind].has(change.id));
    if (!crossed('expired') && !crossed('expiring')) return;
    const state = this.#options.state();
    const leadMs = this.#options.leadMs();
    const soon = (account: AccountView, boundaryMs: number): boolean => account.status === 'valid' && account.secondsLeft * 1000 - boundaryMs <= NOTICE_GATHER_MS;
    const justExpired = new Set(changes.filter((change) => change.to === 'expired').map((change) => change.id));
    const due: Record<NoticeKind, AccountView[]> = {
      expired: state.accounts.filter((account) => (account.status === 'expired' && justExpired.has(account.id)) || soon(account, 0) || (account.status === 'expiring' && account.secondsLeft * 1000 <= NOTICE_GATHER_MS)),
      expiring: state.accounts.filter((account) => account.status === 'expiring' || soon(account, leadMs)),
    };
    for (const kind of ['expired', 'expiring'] as const) {
      if (!crossed(kind)) continue;
      const accounts = due[kind].filter((account) => kind === 'expiring' || !this.#announced.expired.has(account.id));
      for (const account of accounts) this.#announced[kind].add(account.id);
      const notice = expiryNotice(kind, accounts, state, leadMs);
      if (notice !== undefined) this.#options.notify(notice);
    }
  }

  /** Forgets what was announced (on quit). */
  dispose(): void {
    for (const kind of KINDS) this.#announced[kind].clear();
  }
}

const KINDS: readonly NoticeKind[] = ['expiring', 'expired'];
