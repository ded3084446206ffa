import type { AppState } from '../../contract.ts';
import { timeLeftSteadyFor } from '../../shared/time-left.ts';
import type { TimerHandle, TimerPort } from '../ports/timer-port.ts';

/**
 * `secondsLeft` is rounded down, so the true time left lies up to a second above it. Redrawing
 * this long after the change the rounded figure predicts means the label has surely changed.
 */
const ROUNDING_SLACK_MS = 1000;

/**
 * Milliseconds from when `state` was made until the first "42 min left" / "expired 3 min ago" label
 * of the tray changes; Infinity when no label ever will (no tokens, or only "sign in again").
 */
export function msUntilTrayLabelsChange(state: AppState): number {
  let soonest = Infinity;
  for (const account of state.accounts) {
    if (account.status === 'sign_in_again') continue;
    soonest = Math.min(soonest, timeLeftSteadyFor(account.secondsLeft * 1000) + ROUNDING_SLACK_MS);
  }
  return soonest;
}

/** Options of {@link createTrayLabelClock}. */
export interface TrayLabelClockOptions {
  readonly timers: TimerPort;
  /** A state made now, so its `secondsLeft` count from this moment. */
  readonly getState: () => Promise<AppState>;
  /** Draws the tray (icon, tooltip, menu) for a state. */
  readonly draw: (state: AppState) => void;
  readonly onError: (error: unknown) => void;
}

/** Keeps the tray's time-left labels current. */
export interface TrayLabelClock {
  /** Draws `state` and arms the one timer for its next label change. Call on every state change. */
  show(state: AppState): void;
  /** Disarms the timer; later calls do nothing. */
  stop(): void;
}

/**
 * Redraws the tray when, and only when, one of its labels changes: one timer, armed for the
 * soonest change and re-armed on every state. A tray whose tokens all have days left wakes once an
 * hour; one whose tokens all need a new sign-in never does.
 */
export function createTrayLabelClock(options: TrayLabelClockOptions): TrayLabelClock {
  let timer: TimerHandle | null = null;
  let shown = 0;
  let stopped = false;

  const disarm = (): void => {
    if (timer !== null) options.timers.clearTimeout(timer);
    timer = null;
  };
  const refresh = (): void => {
    timer = null;
    const requestedAfter = shown;
    options.getState().then((state) => {
      // A state shown while this one was being made is newer: keep it.
      if (!stopped && shown === requestedAfter) show(state);
    }, options.onError);
  };
  const show = (state: AppState): void => {
    if (stopped) return;
    shown += 1;
    disarm();
    options.draw(state);
    const delay = msUntilTrayLabelsChange(state);
    if (Number.isFinite(delay)) timer = options.timers.setTimeout(refresh, delay);
  };

  return {
    show,
    stop() {
      stopped = true;
      disarm();
    },
  };
}
