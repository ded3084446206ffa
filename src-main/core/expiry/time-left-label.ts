/**
 * The one wording of "how long until / since expiry" for the tray menu, the window and
 * notifications: "45 s left", "42 min left", "1 h 5 min left", "3 d 2 h left", "expired just now",
 * "expired 3 min ago". Amounts are rounded down and show at most two units; a token with any
 * time left shows at least "1 s left".
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Labels `ms` left (from `msLeft`; zero or negative = expired that long ago). */
export function formatTimeLeft(ms: number): string {
  if (Number.isNaN(ms) || ms === -Infinity) return 'expired';
  if (ms === Infinity) return 'never expires';
  if (ms > 0) return `${formatDuration(Math.max(ms, SECOND))} left`;
  const ago = -ms;
  return ago < MINUTE ? 'expired just now' : `expired ${formatDuration(ago)} ago`;
}

/** "45 s", "42 min", "1 h 5 min", "2 h", "3 d 2 h", "3 d": the largest unit and the next, rounded down. */
function formatDuration(ms: number): string {
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return twoUnits(Math.floor(ms / HOUR), 'h', Math.floor((ms % HOUR) / MINUTE), 'min');
  return twoUnits(Math.floor(ms / DAY), 'd', Math.floor((ms % DAY) / HOUR), 'h');
}

function twoUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}
