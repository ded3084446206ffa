import type { ReactElement } from 'react';
import type { AccountView } from '../../src-main/contract.ts';
import { deadlineMs, isUsable } from '../lib/account-time.ts';
import { onConnection } from '../lib/connection-text.ts';
import { Countdown } from './Countdown.tsx';
import { StatusText } from './StatusText.tsx';

/** Props of {@link ActiveSummary}. */
export interface ActiveSummaryProps {
  /** The active account, or undefined when there is none. */
  readonly account: AccountView | undefined;
  /** Its connection's name with two or more connections, else null. */
  readonly connectionName: string | null;
  readonly generatedAt: string;
  /** The Copy button reads "Copied ✓". */
  readonly copied: boolean;
  readonly onCopy: (account: AccountView, spoken: string) => void;
  readonly onRenewAndCopy: (account: AccountView, spoken: string) => void;
}

/**
 * The top of the accounts screen: the active account (name, connection), its status and time left,
 * and the app's most used control, one big Copy (the default format of Settings) — "Renew & copy"
 * once the token can no longer be copied.
 */
export function ActiveSummary({ account, connectionName, generatedAt, copied, onCopy, onRenewAndCopy }: ActiveSummaryProps): ReactElement {
  if (account === undefined) {
    return (
      <section className="summary summary-empty" aria-label="Active account">
        No active account yet.
      </section>
    );
  }
  const spoken = onConnection(account.label, connectionName);
  const usable = isUsable(account.status);
  const deadline = deadlineMs(account, generatedAt);
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
        {copied ? 'Copied ✓' : usable ? 'Copy' : 'Renew & copy'}
      </button>
    </section>
  );
}
