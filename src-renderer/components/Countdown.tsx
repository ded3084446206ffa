import { memo, type ReactElement } from 'react';
import type { AccountStatus } from '../../src-main/contract.ts';
import { useTick } from '../hooks/use-tick.ts';
import { msLeftAt } from '../lib/account-time.ts';
import { formatTimeLeft } from '../lib/time-left.ts';

/** Props of {@link Countdown}. */
export interface CountdownProps {
  readonly id: string;
  /** Local instant the token runs out (ms since the epoch). */
  readonly deadline: number;
  readonly status: AccountStatus;
}

/**
 * "41 min left" / "expired 3 min ago", live. Subscribed to the shared tick on its own, so only this
 * text re-renders — and only when the words change (once a minute for most of a token's life).
 */
export const Countdown = memo(function Countdown({ id, deadline, status }: CountdownProps): ReactElement {
  const text = useTick((nowMs) => formatTimeLeft(msLeftAt(deadline, nowMs, status)));
  return (
    <span id={id} className="countdown">
      {text}
    </span>
  );
});
