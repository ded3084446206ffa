/**
 * AIRisk's `expiration` is "the UTC-formatted datetime in which the token expires", shown as
 * `2025-03-31T13:12:17Z`. We accept ISO 8601 date-times with `Z`, an offset, or no zone designator
 * (read as UTC, because the documentation says the value is UTC), and nothing looser: a value we
 * would have to guess at must not decide when a token dies.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/i;

/** Parses an expiration to an instant, or returns undefined when it is not a usable date-time. */
export function parseExpiration(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE_TIME.exec(value.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone.toUpperCase()}`;
  const instant = new Date(normalised);
  if (Number.isNaN(instant.getTime())) return undefined;
  // Date() rolls 2025-02-30 over to March; a real calendar date must survive the round trip.
  const check = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) {
    return undefined;
  }
  return instant;
}

/** Formats an instant the way AIRisk does: `2025-03-31T13:12:17Z`. */
export function formatExpiration(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
