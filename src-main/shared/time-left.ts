/**
 * The one wording of time left, for the tray menu, notifications and the window alike: "45 s
 * left", "42 min left", "1 h 5 min left", "3 d 2 h left", "expired just now", "expired 3 min ago".
 * Amounts are rounded down and show at most two units; a token with any time left shows at least
 * "1 s left".
 *
 * src-main/shared holds plain TypeScript with no imports, so both the main process and the renderer
 * (which may import nothing else from src-main but the contract) use the same code; lint enforces it.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Labels `ms` left until expiry (zero or negative = expired that long ago). */
export function formatTimeLeft(ms: number): string {
  if (Number.isNaN(ms) || ms === -Infinity) return 'expired';
  if (ms === Infinity) return 'never expires';
  if (ms > 0) return `${formatDuration(Math.max(ms, SECOND))} left`;
  const ago = -ms;
  return ago < MINUTE ? 'expired just now' : `expired ${formatDuration(ago)} ago`;
}

/** "45 s", "42 min", "1 h 5 min", "2 h", "3 d 2 h", "3 d": the largest unit and the next, rounded down. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return twoUnits(Math.floor(ms / HOUR), 'h', Math.floor((ms % HOUR) / MINUTE), 'min');
  return twoUnits(Math.floor(ms / DAY), 'd', Math.floor((ms % DAY) / HOUR), 'h');
}

function twoUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}

/**
 * How long (ms) a countdown at `ms` left (ticking down) keeps the text `formatTimeLeft` gives it
 * now: the text does not change before that. Infinity when it never changes. Follows the units of
 * {@link formatDuration}: seconds under a minute, minutes under a day, hours beyond.
 */
export function timeLeftSteadyFor(ms: number): number {
  if (!Number.isFinite(ms)) return Infinity;
  if (ms > 0) {
    // The text shows whole units of this size: it changes when the count of them drops. Under
    // 2 s it says "1 s left" (never less) until the time is up.
    const unit = ms < MINUTE ? SECOND : ms < DAY ? MINUTE : HOUR;
    return ms < 2 * SECOND ? ms : ms % unit;
  }
  const ago = -ms;
  if (ago < MINUTE) return MINUTE - ago;
  const unit = ago < DAY ? MINUTE : HOUR;
  return unit - (ago % unit);
}
