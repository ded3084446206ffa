import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeClockDifference, MAX_PLAUSIBLE_SKEW_MS, readServerClock } from '../../src-main/core/oauth/server-clock.ts';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

test('a Date within 24 h either way sets the skew and is AIRisk’s time', () => {
  for (const offset of [0, 90_000, -MAX_PLAUSIBLE_SKEW_MS, MAX_PLAUSIBLE_SKEW_MS]) {
    const clock = readServerClock(new Date(NOW + offset).toUTCString(), NOW, NOW);
    assert.equal(clock.clockSkewMs, offset);
    assert.equal(clock.serverNowMs, NOW + offset);
    assert.equal(clock.source, 'server');
    assert.equal(clock.warning, undefined);
  }
});

test('a Date more than 24 h off is ignored with a warning; a missing or unparsable one silently', () => {
  const off = readServerClock(new Date(NOW - MAX_PLAUSIBLE_SKEW_MS - 1000).toUTCString(), NOW, NOW + 400);
  assert.deepEqual([off.clockSkewMs, off.serverDate, off.serverNowMs, off.issuedAtMs, off.source], [0, undefined, NOW + 400, NOW, 'implausible-date']);
  assert.match(off.warning ?? '', /^AIRisk's clock and this computer's differ by 24 hours \(AIRisk: 2026-11-30T11:59:59Z, this computer: 2026-12-01T12:00:00Z\); check the system clock\.$/);
  for (const header of [null, 'yesterday-ish']) {
    const none = readServerClock(header, NOW, NOW);
    assert.deepEqual([none.clockSkewMs, none.source, none.warning], [0, 'no-date', undefined]);
  }
});

test('clock differences read in hours, days or years', () => {
  assert.equal(describeClockDifference(25 * 3600_000), '25 hours');
  assert.equal(describeClockDifference(3 * 86_400_000 + 5), '3 days');
  assert.equal(describeClockDifference(NOW), 'about 56 years');
});
