import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatExpiration, parseExpiration } from '../../src-main/core/oauth/expiration.ts';

test('parses the documented form 2025-03-31T13:12:17Z as UTC', () => {
  assert.equal(parseExpiration('2025-03-31T13:12:17Z')?.toISOString(), '2025-03-31T13:12:17.000Z');
});

test('a value without a zone designator is read as UTC, as the documentation says the value is UTC', () => {
  assert.equal(parseExpiration('2025-03-31T13:12:17')?.toISOString(), '2025-03-31T13:12:17.000Z');
});

test('offsets and fractions are honoured', () => {
  assert.equal(parseExpiration('2025-03-31T15:12:17+02:00')?.toISOString(), '2025-03-31T13:12:17.000Z');
  assert.equal(parseExpiration('2025-03-31T13:12:17.250Z')?.toISOString(), '2025-03-31T13:12:17.250Z');
});

test('refuses anything that is not a real ISO 8601 date-time', () => {
  for (const value of ['next tuesday', '', '2025-03-31', '31/03/2025 13:12:17', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', 1743426737, null, undefined]) {
    assert.equal(parseExpiration(value), undefined, `accepted ${String(value)}`);
  }
});

test('formats instants the way AIRisk does', () => {
  assert.equal(formatExpiration(new Date('2025-03-31T13:12:17.999Z')), '2025-03-31T13:12:17Z');
});
