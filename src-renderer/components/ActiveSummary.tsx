import type { ReactElement } from 'react';
import type { AccountView, AppState } from '../../src-main/contract.ts';
import { deadlineMs, isUsable } from '../lib/account-time.ts';
import { accountConnectionName, onConnection } from '../lib/connection-text.ts';
import { Countdown } from './Countdown.tsx';
import { StatusText } from './StatusText.tsx';

/** Props of {@link ActiveSummary}. */
export interface ActiveSummaryProps {
  /** Main's state: the active account, its connection, and `generatedAt` (its time left counts from there). */
  readonly state: Pick<AppState, 'accounts' | 'connections' | 'generatedAt'>;
  /** The account whose Copy reads "Copied ✓", or null. */
  readonly copiedId: string | null;
  readonly onCopy: (account: AccountView, spoken: string) => void;
  readonly onRenewAndCopy: (account: AccountView, spoken: string) => void;
}

/**
 * The top of the accounts screen: the active account (name, connection), its status and time left,
 * and the app's most used control, one big Copy (the default format of Settings) — "Renew & copy"
 * once the token can no longer be copied.
 */
export function ActiveSummary({ state, copiedId, onCopy, onRenewAndCopy }: ActiveSummaryProps): ReactElement {
  const account = state.accounts.find((candidate) => candidate.active);
  if (account === undefined) {
    return (
      <section className="summary summary-empty" aria-label="Active account">
        No active account yet.
      </section>
    );
  }
  const connectionName = accountConnectionName(state.connections, account);
  const spoken = onConnection(account.label, connectionName);
  const usable = isUsable(account.status);
  const deadline = deadlineMs(account, state.generatedAt);
  return (
    <section className="summary" aria-label="Active account">
      <div className="summary-text">
        <p className="summary-name">
          <span className="row-label">{account.label}</span>
          {connectionName === null ? null : <span className="muted">· {connectionName}</span>}
        </p>
        <p className="summary-state">
          <StatusText id="active-status" status={account.status} deadline={deadline} />
          {account.status === 'sign_in_again' ? null : <Countdown id="active-time" deadline={deadline} status={account.status} live />}
        </p>
      </div>
      <button
        type="button"
        className="button button-primary button-big"
        aria-label={`${usable ? 'Copy' : 'Renew and copy'} for ${spoken} (active)`}
        onClick={() => (usable ? onCopy(account, spoken) : onRenewAndCopy(account, spoken))}
      >
        {copiedId === account.id ? 'Copied ✓' : usable ? 'Copy' : 'Renew & copy'}
      </button>
    </section>
  );
}
