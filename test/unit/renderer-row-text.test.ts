import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatUtc, rowTooltip } from '../../src-renderer/lib/row-text.ts';

test('a row’s tooltip gives the expiry in local time and in UTC, and the last terminal read with its time', () => {
  const plain = rowTooltip({ expiration: '2030-01-01T13:12:17Z', lastTerminalRead: null });
  assert.match(plain, /^Expires .*\d.* local time, 2030-01-01 13:12:17 UTC\.$/);
  const read = rowTooltip({ expiration: '2030-01-01T13:12:17Z', lastTerminalRead: { at: '2030-01-01T12:02:00Z', client: 'evil\u202Eb, pid 1' } });
  assert.match(read, /UTC\. Read by a terminal \(evil\uFFFDb, pid 1\) at .*\d.*\.$/, 'a client name cannot reorder the text');
  assert.equal(rowTooltip({ expiration: 'soon', lastTerminalRead: null }), 'Expiration unknown.');
});

test('UTC is written the same everywhere: date, time to the second, "UTC"', () => {
  assert.equal(formatUtc(Date.parse('2025-03-31T13:12:17Z')), '2025-03-31 13:12:17 UTC');
});

test('an unreadable expiration says "unknown" instead of inventing a date', () => {
  assert.equal(rowTooltip({ expiration: 'not a date', lastTerminalRead: null }), 'Expiration unknown.');
});
