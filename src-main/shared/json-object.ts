/** A parsed JSON object (not null, not an array); objects without a prototype (as `conf` hands out) count too. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
