import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTimeLeft, timeLeftSteadyFor } from '../../src-main/shared/time-left.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every boundary and its neighbours, plus a spread of ordinary values, both signs. */
function samples(): number[] {
  const values = new Set<number>([0, -0, 1, -1, 999, 1000, 1001, NaN, Infinity, -Infinity]);
  for (const unit of [SECOND, MINUTE, HOUR, DAY]) {
    for (const count of [1, 2, 5, 23, 24, 59, 60, 61, 90, 365]) {
      for (const delta of [-1, 0, 1, -500, 500]) {
        values.add(count * unit + delta);
        values.add(-(count * unit + delta));
      }
    }
  }
  let seed = 42;
  for (let i = 0; i < 2000; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const magnitude = (seed / 2 ** 31) * 10 * DAY;
    values.add(Math.round(i % 2 === 0 ? magnitude : -magnitude));
  }
  return [...values];
}

test('time left reads as documented', () => {
  assert.equal(formatTimeLeft(42 * MINUTE), '42 min left');
  assert.equal(formatTimeLeft(HOUR + 5 * MINUTE), '1 h 5 min left');
  assert.equal(formatTimeLeft(-3 * MINUTE), 'expired 3 min ago');
  assert.equal(formatTimeLeft(-10 * SECOND), 'expired just now');
  assert.equal(formatTimeLeft(300), '1 s left');
});

test('the countdown text holds exactly as long as timeLeftSteadyFor says, so the clock can sleep until then', () => {
  for (const ms of samples()) {
    const steady = timeLeftSteadyFor(ms);
    const text = formatTimeLeft(ms);
    if (!Number.isFinite(ms)) {
      assert.equal(steady, Infinity, `for ${ms} ms`);
      continue;
    }
    assert.ok(steady >= 0 && steady <= HOUR, `for ${ms} ms: ${steady}`);
    for (const later of [0, 1, Math.floor(steady / 2), steady - 1]) {
      if (later >= 0 && later < steady) assert.equal(formatTimeLeft(ms - later), text, `${later} ms after ${ms} ms left`);
    }
    assert.notEqual(formatTimeLeft(ms - steady - 1), text, `the text changes right after ${steady} ms from ${ms} ms left`);
  }
});
