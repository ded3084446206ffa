import { memo, type ReactElement } from 'react';
import type { AccountStatus } from '../../src-main/contract.ts';
import { useTick } from '../hooks/use-tick.ts';
import { displayStatus, msLeftAt } from '../lib/account-time.ts';
import { STATUS_TEXT } from '../lib/status-text.ts';
import { Icon } from './Icon.tsx';

/** Props of {@link StatusText}. */
export interface StatusTextProps {
  readonly id: string;
  readonly status: AccountStatus;
  readonly deadline: number;
}

/**
 * A token's status as a shape and a word ("Valid", "Expiring", "Expired", "Sign in again"),
 * never colour alone. Flips to "Expired" the moment the countdown runs out.
 */
export const StatusText = memo(function StatusText({ id, status, deadline }: StatusTextProps): ReactElement {
  const shown = useTick((nowMs) => displayStatus(status, msLeftAt(deadline, nowMs, status)));
  return (
    <span id={id} className={`status status-${shown}`}>
      <Icon name={shown} />
      {STATUS_TEXT[shown]}
    </span>
  );
});
