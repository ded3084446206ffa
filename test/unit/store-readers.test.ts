import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIsoTime } from '../../src-main/core/vault/store-readers.ts';

test('stored times read back as toISOString writes them, so they compare as text (a hand-edited store included)', () => {
  assert.equal(readIsoTime('2025-03-31T12:00:00.000Z', 't'), '2025-03-31T12:00:00.000Z');
  assert.equal(readIsoTime('2025-03-31T12:00:00Z', 't'), '2025-03-31T12:00:00.000Z');
  assert.equal(readIsoTime('2025-03-31T14:00:00.5+02:00', 't'), '2025-03-31T12:00:00.500Z');
  assert.ok(readIsoTime('2025-03-31T12:00:00Z', 't') < readIsoTime('2025-03-31T12:00:00.500Z', 't'), 'text order is time order');
  assert.throws(() => readIsoTime('yesterday', 't'), /not an ISO 8601 date-time/);
  assert.throws(() => readIsoTime(3, 't'), /not an ISO 8601 date-time/);
});
