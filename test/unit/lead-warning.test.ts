import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiryLeadWarning, observedLifetimeMs } from '../../src-main/core/settings/lead-warning.ts';

const token = (obtainedAt: string, expiration: string, clockSkewMs = 0): { obtainedAt: string; expiration: string; clockSkewMs: number } => ({ obtainedAt, expiration, clockSkewMs });
const threeMinutes = token('2030-01-01T12:00:00.000Z', '2030-01-01T12:03:00Z');

test('with 3-minute tokens and a 5-minute lead, Settings warns that every token is "Expiring" from birth', () => {
  assert.equal(
    expiryLeadWarning(300, [threeMinutes]),
    'Your tokens last about 3 min, not longer than the 5 min warning: every token shows as “Expiring” from the moment it is issued. Warn less than 3 min before expiry.',
  );
  assert.notEqual(expiryLeadWarning(180, [threeMinutes]), null, 'a lead equal to the lifetime warns too');
});

test('no warning for a lead shorter than the tokens live, a lead of 0 (off), or no stored token', () => {
  assert.equal(expiryLeadWarning(120, [threeMinutes]), null);
  assert.equal(expiryLeadWarning(0, [threeMinutes]), null);
  assert.equal(expiryLeadWarning(300, []), null);
});

test('the observed lifetime is the shortest stored one, on one clock (AIRisk’s expiry less the skew), skipping unreadable ones', () => {
  const hour = token('2030-01-01T12:00:00.000Z', '2030-01-01T13:00:00Z');
  // AIRisk's clock runs 2 min ahead: its 12:05 expiry is 12:03 here, 3 min after 12:00.
  const skewed = token('2030-01-01T12:00:00.000Z', '2030-01-01T12:05:00Z', 120_000);
  assert.equal(observedLifetimeMs([hour, skewed, token('garbage', '2030-01-01T12:00:00Z'), token('2030-01-01T12:00:00Z', '2029-01-01T12:00:00Z')]), 180_000);
  assert.equal(observedLifetimeMs([]), undefined);
});
