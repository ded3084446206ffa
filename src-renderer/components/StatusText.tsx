import { memo, useCallback, type ReactElement } from 'react';
import type { AccountStatus } from '../../src-main/contract.ts';
import { useTick } from '../hooks/use-tick.ts';
import { displayStatus, msLeftAt } from '../lib/account-time.ts';
import { STATUS_WORD } from '../../src-main/shared/account-list.ts';
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
  // The only change the clock brings: running out, when the time left reaches zero.
  const steadyFor = useCallback((nowMs: number) => {
    const left = msLeftAt(deadline, nowMs, status);
    return left > 0 ? left : Infinity;
  }, [deadline, status]);
  const shown = useTick((nowMs) => displayStatus(status, msLeftAt(deadline, nowMs, status)), steadyFor);
  return (
    <span id={id} className={`status status-${shown}`}>
      <Icon name={shown} />
      <span className="status-word">{STATUS_WORD[shown]}</span>
    </span>
  );
});
