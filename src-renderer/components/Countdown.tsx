import { memo, useCallback, useRef, type ReactElement } from 'react';
import type { AccountStatus } from '../../src-main/contract.ts';
import { useTickText } from '../hooks/use-tick.ts';
import { msLeftAt } from '../lib/account-time.ts';
import { formatTimeLeft, timeLeftSteadyFor } from '../../src-main/shared/time-left.ts';

/** Props of {@link Countdown}. */
export interface CountdownProps {
  readonly id: string;
  /** Local instant the token runs out (ms since the epoch). */
  readonly deadline: number;
  readonly status: AccountStatus;
  /** False while the row is out of view: the words are brought up to date when it comes back. */
  readonly live: boolean;
}

/**
 * "41 min left" / "3 min ago" (beside the status word "Expired"), live. Subscribed to the shared tick on its own, so only this
 * text changes — and only when the words do (once a minute for most of a token's life), which is
 * also when the clock wakes for it. The clock writes the words without a render (see useTickText).
 */
export const Countdown = memo(function Countdown({ id, deadline, status, live }: CountdownProps): ReactElement {
  const steadyFor = useCallback((nowMs: number) => timeLeftSteadyFor(msLeftAt(deadline, nowMs, status)), [deadline, status]);
  // Beside the status word: "Expired · 3 min ago", not "Expired · expired 3 min ago".
  const words = useCallback((nowMs: number) => formatTimeLeft(msLeftAt(deadline, nowMs, status)).replace(/^expired (?=.)/, ''), [deadline, status]);
  const element = useRef<HTMLSpanElement>(null);
  const text = useTickText(element, words, steadyFor, live);
  return (
    <span id={id} ref={element} className="countdown">
      {text}
    </span>
  );
});
