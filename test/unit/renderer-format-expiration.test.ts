import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { calendarDaysBetween, formatExpiration, formatUtc } from '../../src-renderer/lib/format-expiration.ts';

const at = (iso: string): number => Date.parse(iso);

test('UTC is written the same everywhere: date, time to the second, "UTC"', () => {
  assert.equal(formatUtc(at('2025-03-31T13:12:17Z')), '2025-03-31 13:12:17 UTC');
  assert.equal(formatExpiration('2025-03-31T13:12:17Z', { nowMs: at('2025-03-31T10:00:00Z'), locale: 'en-GB', timeZone: 'UTC' }).utc, '2025-03-31 13:12:17 UTC');
});

test('an expiration later today shows the local time alone, and says "today" to screen readers', () => {
  const formatted = formatExpiration('2025-03-31T13:12:17Z', { nowMs: at('2025-03-31T10:00:00Z'), locale: 'en-GB', timeZone: 'Europe/Berlin' });
  assert.equal(formatted.local, '15:12');
  assert.equal(formatted.sentence, 'Expires today 15:12 local time, 2025-03-31 13:12:17 UTC.');
});

test('tomorrow and yesterday are judged by the local calendar, not by 24 hours', () => {
  // 23:30 in New York is already the next day in UTC.
  const nowMs = at('2025-03-31T20:00:00Z'); // 16:00 in New York
  assert.equal(formatExpiration('2025-04-01T03:30:00Z', { nowMs, locale: 'en-US', timeZone: 'America/New_York' }).local, '11:30 PM');
  assert.equal(formatExpiration('2025-04-01T05:00:00Z', { nowMs, locale: 'en-US', timeZone: 'America/New_York' }).local, 'tomorrow 1:00 AM');
  assert.equal(formatExpiration('2025-03-30T12:00:00Z', { nowMs, locale: 'en-US', timeZone: 'America/New_York' }).local, 'yesterday 8:00 AM');
});

test('further dates show weekday, day and month; another year shows the year', () => {
  const nowMs = at('2025-03-31T10:00:00Z');
  assert.equal(formatExpiration('2025-04-04T09:05:00Z', { nowMs, locale: 'en-GB', timeZone: 'UTC' }).local, 'Fri 4 Apr, 9:05');
  assert.equal(formatExpiration('2026-01-02T09:05:00Z', { nowMs, locale: 'en-GB', timeZone: 'UTC' }).local, 'Fri, 2 Jan 2026, 9:05');
});

test('an unreadable expiration says "unknown" instead of inventing a date', () => {
  const formatted = formatExpiration('not a date', { nowMs: 0 });
  assert.equal(formatted.local, 'unknown');
  assert.equal(formatted.utc, 'unknown');
});

test('calendar days between two instants follow the time zone', () => {
  assert.equal(calendarDaysBetween(at('2025-03-31T23:00:00Z'), at('2025-04-01T01:00:00Z'), 'UTC'), 1);
  assert.equal(calendarDaysBetween(at('2025-03-31T23:00:00Z'), at('2025-04-01T01:00:00Z'), 'Europe/Berlin'), 0);
  // Across a daylight-saving change the day count stays whole.
  assert.equal(calendarDaysBetween(at('2025-03-29T12:00:00Z'), at('2025-03-31T12:00:00Z'), 'Europe/Berlin'), 2);
});

test('without a time zone the system zone is used, judged from the local date as Intl would', () => {
  // A process per zone: formatters are cached, and the zone is read when one is built.
  const module = new URL('../../src-renderer/lib/format-expiration.ts', import.meta.url).href;
  const script = `
    const { calendarDaysBetween, formatExpiration } = await import(${JSON.stringify(module)});
    const zone = process.env.TZ;
    const nowMs = Date.parse('2025-03-31T20:00:00Z');
    const out = [];
    for (const iso of ['2025-03-31T21:30:00Z', '2025-04-01T03:30:00Z', '2025-04-01T05:00:00Z', '2025-03-30T12:00:00Z', '2025-04-04T09:05:00Z', '2026-01-02T09:05:00Z']) {
      out.push([formatExpiration(iso, { nowMs, locale: 'en-US' }), formatExpiration(iso, { nowMs, locale: 'en-US', timeZone: zone }), calendarDaysBetween(nowMs, Date.parse(iso)), calendarDaysBetween(nowMs, Date.parse(iso), zone)]);
    }
    console.log(JSON.stringify(out));`;
  for (const zone of ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland']) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const [system, explicit, systemDays, explicitDays] of JSON.parse(run.stdout) as [unknown, unknown, number, number][]) {
      assert.deepEqual(system, explicit, zone);
      assert.equal(systemDays, explicitDays, zone);
    }
  }
});
