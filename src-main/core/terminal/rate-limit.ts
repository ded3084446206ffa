/**
 * At most {@link MAX_REQUESTS_PER_SECOND} requests per second per caller key (a terminal session;
 * before that, one shared key for all callers that declare no pid, see access-handler.ts): a
 * sliding one-second window on the TimerPort's clock.
 */
import type { TimerPort } from '../ports/timer-port.ts';

/** The per-caller request budget. */
export const MAX_REQUESTS_PER_SECOND = 5;

const WINDOW_MS = 1000;
/** Past this many tracked callers, idle ones are forgotten (each holds at most five numbers). */
const PRUNE_AT = 1000;

/** Counts requests per caller key. */
export class RateLimit {
  readonly #timers: TimerPort;
  readonly #hits = new Map<string, number[]>();

  constructor(timers: TimerPort) {
    this.#timers = timers;
  }

  /** Counts one request of `key`; returns false (and does not count it) when it is over budget. */
  take(key: string): boolean {
    const now = this.#timers.now();
    if (this.#hits.size > PRUNE_AT) this.#prune(now);
    const recent = (this.#hits.get(key) ?? []).filter((at) => now - at < WINDOW_MS && at <= now);
    if (recent.length >= MAX_REQUESTS_PER_SECOND) {
      this.#hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#hits.set(key, recent);
    return true;
  }

  #prune(now: number): void {
    for (const [key, hits] of this.#hits) {
      if (hits.every((at) => now - at >= WINDOW_MS)) this.#hits.delete(key);
    }
  }
}
