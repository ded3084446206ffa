import type { AccountView, AppState } from '../../contract.ts';
import { accountName, connectionNameFor } from '../../shared/account-name.ts';
import { compareNatural } from '../../shared/natural-order.ts';
import { formatDuration, formatTimeLeft } from '../../shared/time-left.ts';
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';
import type { ExpiryNotice, NoticeKind } from '../app/app-ports.ts';

/**
 * How long changes are gathered before one notice per kind is shown: tokens obtained together
 * (Renew all, a morning of sign-ins) cross their boundaries seconds apart, and each would
 * otherwise pop its own notification.
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
  readonly timers: TimerPort;
  /** The state now (statuses counted from this moment). */
  readonly state: () => AppState;
  readonly leadMs: () => number;
  readonly notify: (notice: ExpiryNotice) => void;
}

/**
 * Turns the scheduler's status changes into at most one notice per kind per gathering window.
 * "Expiring" counts every token expiring now (a short list, bounded by the lead); "expired" counts
 * those that expired in the window, so tokens left expired for days are not announced again.
 * Accounts that must sign in again are not announced: their token is gone, not expiring.
 */
export class ExpiryNoticeGatherer {
  readonly #options: ExpiryNoticeGathererOptions;
  readonly #expired = new Set<string>();
  #expiring = false;
  #timer: TimerHandle | null = null;

  constructor(options: ExpiryNoticeGathererOptions) {
    this.#options = options;
  }

  /** Takes one batch of changes (from the expiry scheduler). */
  changed(changes: readonly { readonly id: string; readonly to: string }[]): void {
    for (const change of changes) {
      if (change.to === 'expired') this.#expired.add(change.id);
      if (change.to === 'expiring') this.#expiring = true;
    }
    if (this.#timer === null && (this.#expiring || this.#expired.size > 0)) this.#timer = this.#options.timers.setTimeout(() => this.#flush(), NOTICE_GATHER_MS);
  }

  /** Drops what was gathered and the pending timer (on quit). */
  dispose(): void {
    if (this.#timer !== null) this.#options.timers.clearTimeout(this.#timer);
    this.#timer = null;
    this.#expired.clear();
    this.#expiring = false;
  }

  #flush(): void {
    this.#timer = null;
    const state = this.#options.state();
    const leadMs = this.#options.leadMs();
    const expiring = this.#expiring ? state.accounts.filter((account) => account.status === 'expiring') : [];
    const expired = state.accounts.filter((account) => account.status === 'expired' && this.#expired.has(account.id));
    this.#expiring = false;
    this.#expired.clear();
    for (const notice of [expiryNotice('expired', expired, state, leadMs), expiryNotice('expiring', expiring, state, leadMs)]) if (notice !== undefined) this.#options.notify(notice);
  }
}
