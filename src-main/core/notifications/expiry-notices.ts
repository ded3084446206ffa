import type { AccountView, AppState } from '../../contract.ts';
import { accountName, connectionNameFor } from '../../shared/account-name.ts';
import { compareActiveThenName } from '../../shared/natural-order.ts';
import { formatDuration, formatTimeLeft } from '../../shared/time-left.ts';
import type { ExpiryNotice, NoticeKind } from '../app/app-ports.ts';

/**
 * Tokens that cross a boundary this close together are one notice. Tokens obtained together cross
 * theirs seconds apart (Renew all opens one browser page after another), and each would otherwise
 * pop its own notification.
 */
export const NOTICE_GROUP_MS = 60_000;

/** At most this many names in a grouped notice's body; the rest are counted. */
const NAMES_SHOWN = 3;

/**
 * The one notice of `kind` for `accounts` (those it is about), or undefined when there are none.
 * Urgency is critical only when the active account's token has expired: that is the one the
 * person's next request uses. The Renew button renews the one account, or runs Renew all when
 * they share a connection; across connections the notice only opens the window.
 */
export function expiryNotice(kind: NoticeKind, accounts: readonly AccountView[], state: Pick<AppState, 'connections'>, leadMs: number): ExpiryNotice | undefined {
  const sorted = accounts.toSorted(compareActiveThenName);
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

/** What was announced about an account: for which token (its expiration) and when. */
interface Announced {
  readonly expiration: string;
  readonly atMs: number;
}

/**
 * Turns the scheduler's status changes into one notice per kind, at once and without a timer of
 * its own (the idle benchmark allows one wake-up per status change):
 * - "Expiring": the first crossing announces every token that starts expiring within
 *   {@link NOTICE_GROUP_MS}; their own crossings announce nothing again.
 * - "Expired": a crossing announces the tokens that just expired (or will within a second), together
 *   with those announced as expired in the last {@link NOTICE_GROUP_MS} that still are, so the
 *   replacing notice never hides an earlier one (nor its urgency). Tokens left expired for longer are
 *   not announced again.
 * An announcement belongs to one token (account and expiration): a renewed token is announced
 * afresh, whatever statuses it passed through. Accounts that must sign in again are not announced.
 */
export class ExpiryNoticeGatherer {
  readonly #options: ExpiryNoticeGathererOptions;
  readonly #announced: Record<NoticeKind, Map<string, Announced>> = { expiring: new Map(), expired: new Map() };

  constructor(options: ExpiryNoticeGathererOptions) {
    this.#options = options;
  }

  /** Takes one batch of changes (from the expiry scheduler). */
  changed(changes: readonly { readonly id: string; readonly to: string }[]): void {
    if (!changes.some((change) => change.to === 'expiring' || change.to === 'expired')) return;
    const state = this.#options.state();
    const nowMs = Date.parse(state.generatedAt);
    const leadMs = this.#options.leadMs();
    const byId = new Map(state.accounts.map((account) => [account.id, account]));
    this.#forgetRenewedAndRemoved(byId);
    const fresh = (kind: NoticeKind, account: AccountView | undefined): account is AccountView => account !== undefined && account.status === kind && this.#announced[kind].get(account.id)?.expiration !== account.expiration;
    const msLeft = (account: AccountView): number => account.secondsLeft * 1000;

    const crossedNow = changes.map((change) => byId.get(change.id)).filter((account) => fresh('expired', account));
    if (crossedNow.length > 0) {
      const aboutTo = state.accounts.filter((account) => (account.status === 'valid' || account.status === 'expiring') && msLeft(account) <= 1000);
      const recent = state.accounts.filter((account) => account.status === 'expired' && nowMs - (this.#announced.expired.get(account.id)?.atMs ?? -Infinity) <= NOTICE_GROUP_MS && !crossedNow.includes(account));
      this.#announce('expired', [...recent, ...crossedNow, ...aboutTo], state, leadMs, nowMs);
    }
    if (changes.some((change) => change.to === 'expiring' && fresh('expiring', byId.get(change.id)))) {
      const due = state.accounts.filter((account) => (account.status === 'expiring' && msLeft(account) > 1000) || (account.status === 'valid' && msLeft(account) - leadMs <= NOTICE_GROUP_MS));
      this.#announce('expiring', due, state, leadMs, nowMs);
    }
  }

  /** Forgets what was announced (on quit). */
  dispose(): void {
    for (const kind of KINDS) this.#announced[kind].clear();
  }

  #announce(kind: NoticeKind, accounts: readonly AccountView[], state: AppState, leadMs: number, nowMs: number): void {
    for (const account of accounts) if (this.#announced[kind].get(account.id)?.expiration !== account.expiration) this.#announced[kind].set(account.id, { expiration: account.expiration, atMs: nowMs });
    const notice = expiryNotice(kind, accounts, state, leadMs);
    if (notice !== undefined) this.#options.notify(notice);
  }

  /** An announcement lasts as long as its token: a renewed or removed account's is dropped. */
  #forgetRenewedAndRemoved(byId: ReadonlyMap<string, AccountView>): void {
    for (const kind of KINDS) {
      for (const [id, announced] of this.#announced[kind]) if (byId.get(id)?.expiration !== announced.expiration) this.#announced[kind].delete(id);
    }
  }
}

const KINDS: readonly NoticeKind[] = ['expiring', 'expired'];
