import { memo, useCallback, type ReactElement } from 'react';
import type { AccountStatus } from '../../src-main/contract.ts';
import { useTick } from '../hooks/use-tick.ts';
import { msLeftAt } from '../lib/account-time.ts';
import { formatTimeLeft, timeLeftSteadyFor } from '../../src-main/shared/time-left.ts';

/** Props of {@link Countdown}. */
export interface CountdownProps {
  readonly id: string;
  /** Local instant the token runs out (ms since the epoch). */
  readonly deadline: number;
  readonly status: AccountStatus;
}

/**
 * "41 min left" / "expired 3 min ago", live. Subscribed to the shared tick on its own, so only this
 * text re-renders — and only when the words change (once a minute for most of a token's life), which
 * is also when the clock wakes for it.
 */
export const Countdown = memo(function Countdown({ id, deadline, status }: CountdownProps): ReactElement {
  const steadyFor = useCallback((nowMs: number) => timeLeftSteadyFor(msLeftAt(deadline, nowMs, status)), [deadline, status]);
  const text = useTick((nowMs) => formatTimeLeft(msLeftAt(deadline, nowMs, status)), steadyFor);
  return (
    <span id={id} className="countdown">
      {text}
    </span>
  );
});
