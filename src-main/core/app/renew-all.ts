import type { AccountView, ErrorView, RenewAllOutcome, RenewAllView, SignInOutcome } from '../../contract.ts';
import { compareActiveThenName } from '../../shared/natural-order.ts';
import { renewAllOutcomeText, renewAllProgressText, type RenewAllNames } from './renew-all-text.ts';

/** True for a token that Renew all renews: expiring, expired, or one that must be signed in again. */
export function needsRenewal(account: Pick<AccountView, 'status'>): boolean {
  return account.status !== 'valid';
}

/**
 * The accounts of `connectionId` that Renew all renews, in the order it renews them: the active
 * one first (the token the person uses most), then by name in natural order, as the window lists them.
 */
export function renewalQueue(accounts: readonly AccountView[], connectionId: string): string[] {
  return accounts
    .filter((account) => account.connectionId === connectionId && needsRenewal(account))
    .sort(compareActiveThenName)
    .map((account) => account.id);
}

/** What a run reaches: one sign-in per account, cancelling it, and where progress goes. */
export interface RenewAllPorts {
  /** Renews one account (a whole sign-in); 'gone' when the account was removed meanwhile. */
  readonly renew: (accountId: string) => Promise<SignInOutcome | 'gone'>;
  /** Cancels the sign-in under way (the run's own). */
  readonly cancelSignIn: () => void;
  /** Each step of the run, and null when it has ended. */
  readonly onProgress: (view: RenewAllView | null) => void;
  /** How the progress and the outcome name the accounts and the connection of a run. */
  readonly names: (connectionId: string) => RenewAllNames;
}

/**
 * Runs Renew all, one run at a time: one sign-in after another over a fixed queue, with progress
 * and cancel. The queue is taken when the run starts; an account that needs renewal later waits
 * for the next run.
 */
export class RenewAllDesk {
  readonly #ports: RenewAllPorts;
  #run: { view: RenewAllView; cancelled: boolean } | undefined;

  constructor(ports: RenewAllPorts) {
    this.#ports = ports;
  }

  /** The run under way, for the state. */
  get view(): RenewAllView | null {
    return this.#run?.view ?? null;
  }

  /** Renews `queue` (account ids of `connectionId`) in order; resolves when the run ends. */
  async run(connectionId: string, queue: readonly string[]): Promise<RenewAllOutcome> {
    if (this.#run !== undefined) throw new Error('Renew all is already running; wait for it or cancel it first.');
    const namer = this.#ports.names(connectionId);
    const view = (done: number, currentAccountId: string | null): RenewAllView => {
      const facts = { connectionId, done, total: queue.length, currentAccountId };
      return { ...facts, message: renewAllProgressText(facts, namer) };
    };
    const run = { view: view(0, null), cancelled: false };
    this.#run = run;
    const renewed: string[] = [];
    const denied: string[] = [];
    const end = (stopped: RenewAllOutcome['stopped'], error: ErrorView | null, at: number): RenewAllOutcome => {
      const facts = { connectionId, renewed, denied, stopped, error, remaining: queue.slice(at) };
      return { ...facts, message: renewAllOutcomeText(facts, namer) };
    };
    try {
      for (const [index, accountId] of queue.entries()) {
        if (run.cancelled) return end('cancelled', null, index);
        this.#step(run, view(index, accountId));
        const outcome = await this.#ports.renew(accountId);
        if (outcome === 'gone') continue;
        if (outcome.ok) renewed.push(accountId);
        else if (run.cancelled || outcome.error.code === 'cancelled') return end('cancelled', null, index);
        // A refusal in the browser is the person's choice for that one user (the wrong account, a
        // user they no longer need): skip it and go on. Any other failure (unreachable AIRisk, a
        // rejected client secret, a timeout because nobody is at the browser) would fail the same
        // way for every next account and open one browser tab after another for nothing: stop there.
        else if (outcome.error.code === 'access_denied') denied.push(accountId);
        else return end('failed', outcome.error, index);
      }
      return end(null, null, queue.length);
    } finally {
      this.#run = undefined;
      this.#ports.onProgress(null);
    }
  }

  /** Stops the run: no further sign-in starts, and the one under way is cancelled cleanly. */
  cancel(): void {
    if (this.#run === undefined) return;
    this.#run.cancelled = true;
    this.#ports.cancelSignIn();
  }

  #step(run: { view: RenewAllView }, view: RenewAllView): void {
    run.view = view;
    this.#ports.onProgress(view);
  }
}
