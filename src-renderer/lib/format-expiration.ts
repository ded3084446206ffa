/**
 * How an expiration instant is written: in local time for reading at a glance ("14:32" today,
 * "tomorrow 09:10", "Tue 1 Apr, 14:32"), and in UTC for comparing with AIRisk's own answer
 * ("2025-03-31 13:12:17 UTC"). Uses Intl only: no date library.
 */

/** Where and how to format; the defaults are the system's locale and time zone. */
export interface ExpirationFormatOptions {
  /** "Today" is judged against this instant. */
  readonly nowMs: number;
  readonly locale?: string;
  readonly timeZone?: string;
}

/** An expiration written for people: local time, UTC time, and a sentence for screen readers. */
export interface FormattedExpiration {
  readonly local: string;
  readonly utc: string;
  readonly sentence: string;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

/** Intl formatters are costly to build and rows format often: keep one per locale and options. */
function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, locale: string | undefined, options: object, create: () => T): T {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

const UNKNOWN: FormattedExpiration = { local: 'unknown', utc: 'unknown', sentence: 'Expiration unknown.' };

/** Formats an ISO 8601 instant; an unreadable one gives "unknown" rather than a wrong date. */
export function formatExpiration(iso: string, options: ExpirationFormatOptions): FormattedExpiration {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return UNKNOWN;
  const zone = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const time = dateFormat(options.locale, { hour: 'numeric', minute: '2-digit', ...zone }).format(ms);
  const days = calendarDaysBetween(options.nowMs, ms, options.timeZone);
  let local: string;
  let spoken: string;
  if (Math.abs(days) <= 1) {
    const day = cached('relative', options.locale, {}, () => new Intl.RelativeTimeFormat(options.locale, { numeric: 'auto' })).format(days, 'day');
    // Most tokens live an hour: today's date goes without saying on screen, but not when spoken.
    local = days === 0 ? time : `${day} ${time}`;
    spoken = `${day} ${time}`;
  } else {
    const sameYear = calendarYear(options.nowMs, options.timeZone) === calendarYear(ms, options.timeZone);
    local = dateFormat(options.locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(sameYear ? {} : { year: 'numeric' }),
      hour: 'numeric',
      minute: '2-digit',
      ...zone,
    }).format(ms);
    spoken = local;
  }
  const utc = formatUtc(ms);
  return { local, utc, sentence: `Expires ${spoken} local time, ${utc}.` };
}

/** "2025-03-31 13:12:17 UTC": fixed, locale-free, easy to compare with the server's answer. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Whole calendar days from `fromMs` to `toMs` in `timeZone` (0 = same day, 1 = tomorrow). */
export function calendarDaysBetween(fromMs: number, toMs: number, timeZone?: string): number {
  return Math.round((calendarDayStart(toMs, timeZone) - calendarDayStart(fromMs, timeZone)) / 86_400_000);
}

function calendarDayStart(ms: number, timeZone: string | undefined): number {
  if (timeZone === undefined) {
    // The system's zone, as every row asks: the Date's own local fields, no formatter needed.
    const local = new Date(ms);
    return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  }
  const parts = dateFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'));
}

function calendarYear(ms: number, timeZone: string | undefined): number {
  return new Date(calendarDayStart(ms, timeZone)).getUTCFullYear();
}
