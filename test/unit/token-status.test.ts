import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTimeLeft } from '../../src-main/shared/time-left.ts';
import { DEFAULT_EXPIRY_LEAD_MS, msLeft, nextStatusChangeAt, tokenStatus } from '../../src-main/core/expiry/token-status.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 2, 31, 12, 0, 0);
const LEAD = 5 * MINUTE;

test('the default lead is five minutes', () => {
  assert.equal(DEFAULT_EXPIRY_LEAD_MS, 5 * MINUTE);
});

test('without skew, the boundaries sit at expiration - lead (expiring) and expiration (expired)', () => {
  const facts = { expirationMs: NOW + 10 * MINUTE, clockSkewMs: 0 };
  assert.equal(msLeft(facts, NOW), 10 * MINUTE);
  assert.equal(tokenStatus(facts, NOW, LEAD), 'valid');
  assert.equal(tokenStatus(facts, NOW + 5 * MINUTE - 1, LEAD), 'valid');
  assert.equal(tokenStatus(facts, NOW + 5 * MINUTE, LEAD), 'expiring', 'exactly the lead left is expiring');
  assert.equal(tokenStatus(facts, NOW + 10 * MINUTE - 1, LEAD), 'expiring');
  assert.equal(tokenStatus(facts, NOW + 10 * MINUTE, LEAD), 'expired', 'no time left is expired');
  assert.equal(tokenStatus(facts, NOW + 11 * MINUTE, LEAD), 'expired');
});

test('a server clock ahead of ours (positive skew) makes the token expire earlier by our clock', () => {
  // Server is 2 minutes ahead: at local NOW the server already reads NOW + 2 min.
  const facts = { expirationMs: NOW + 10 * MINUTE, clockSkewMs: 2 * MINUTE };
  assert.equal(msLeft(facts, NOW), 8 * MINUTE);
  assert.equal(tokenStatus(facts, NOW + 3 * MINUTE, LEAD), 'expiring');
  assert.equal(tokenStatus(facts, NOW + 8 * MINUTE, LEAD), 'expired');
  assert.equal(tokenStatus(facts, NOW + 8 * MINUTE - 1, LEAD), 'expiring');
  assert.equal(nextStatusChangeAt(facts, NOW, LEAD), NOW + 3 * MINUTE);
  assert.equal(nextStatusChangeAt(facts, NOW + 3 * MINUTE, LEAD), NOW + 8 * MINUTE);
});

test('a server clock behind ours (negative skew) makes the token last longer by our clock', () => {
  const facts = { expirationMs: NOW + 10 * MINUTE, clockSkewMs: -2 * MINUTE };
  assert.equal(msLeft(facts, NOW), 12 * MINUTE);
  assert.equal(tokenStatus(facts, NOW + 10 * MINUTE, LEAD), 'expiring', 'our clock says expired, the server does not');
  assert.equal(tokenStatus(facts, NOW + 12 * MINUTE - 1, LEAD), 'expiring');
  assert.equal(tokenStatus(facts, NOW + 12 * MINUTE, LEAD), 'expired');
  assert.equal(nextStatusChangeAt(facts, NOW, LEAD), NOW + 7 * MINUTE);
});

test('msLeft goes negative after expiry', () => {
  assert.equal(msLeft({ expirationMs: NOW, clockSkewMs: 1000 }, NOW + 2000), -3000);
});

test('nextStatusChangeAt names the next boundary and nothing once expired', () => {
  const facts = { expirationMs: NOW + HOUR, clockSkewMs: 0 };
  assert.equal(nextStatusChangeAt(facts, NOW, LEAD), NOW + HOUR - LEAD);
  assert.equal(nextStatusChangeAt(facts, NOW + HOUR - LEAD, LEAD), NOW + HOUR);
  assert.equal(nextStatusChangeAt(facts, NOW + HOUR, LEAD), undefined);
});

test('a zero lead goes straight from valid to expired', () => {
  const facts = { expirationMs: NOW + HOUR, clockSkewMs: 0 };
  assert.equal(tokenStatus(facts, NOW + HOUR - 1, 0), 'valid');
  assert.equal(tokenStatus(facts, NOW + HOUR, 0), 'expired');
  assert.equal(nextStatusChangeAt(facts, NOW, 0), NOW + HOUR);
});

test('facts that are not numbers read as expired, a token that never expires has no next change', () => {
  assert.equal(tokenStatus({ expirationMs: Number.NaN, clockSkewMs: 0 }, NOW, LEAD), 'expired');
  assert.equal(tokenStatus({ expirationMs: NOW + HOUR, clockSkewMs: Number.NaN }, NOW, LEAD), 'expired');
  assert.equal(nextStatusChangeAt({ expirationMs: Number.NaN, clockSkewMs: 0 }, NOW, LEAD), undefined);
  assert.equal(tokenStatus({ expirationMs: Infinity, clockSkewMs: 0 }, NOW, LEAD), 'valid');
  assert.equal(nextStatusChangeAt({ expirationMs: Infinity, clockSkewMs: 0 }, NOW, LEAD), undefined);
});

test('refuses a negative or NaN lead', () => {
  const facts = { expirationMs: NOW + HOUR, clockSkewMs: 0 };
  assert.throws(() => tokenStatus(facts, NOW, -1), RangeError);
  assert.throws(() => nextStatusChangeAt(facts, NOW, Number.NaN), RangeError);
});

test('labels time left with the largest unit and the next, rounded down', () => {
  const cases: [number, string][] = [
    [45_000, '45 s left'],
    [45_999, '45 s left'],
    [1, '1 s left'],
    [999, '1 s left'],
    [59_999, '59 s left'],
    [MINUTE, '1 min left'],
    [42 * MINUTE, '42 min left'],
    [42 * MINUTE + 59_999, '42 min left'],
    [HOUR - 1, '59 min left'],
    [HOUR, '1 h left'],
    [HOUR + 5 * MINUTE, '1 h 5 min left'],
    [HOUR + 5 * MINUTE + 59_999, '1 h 5 min left'],
    [23 * HOUR + 59 * MINUTE, '23 h 59 min left'],
    [DAY, '1 d left'],
    [3 * DAY, '3 d left'],
    [3 * DAY + 2 * HOUR + 30 * MINUTE, '3 d 2 h left'],
    [400 * DAY, '400 d left'],
  ];
  for (const [ms, label] of cases) assert.equal(formatTimeLeft(ms), label, `for ${ms} ms`);
});

test('labels expired tokens: just now within a minute, then how long ago', () => {
  const cases: [number, string][] = [
    [0, 'expired just now'],
    [-1, 'expired just now'],
    [-59_999, 'expired just now'],
    [-MINUTE, 'expired 1 min ago'],
    [-3 * MINUTE - 30_000, 'expired 3 min ago'],
    [-(2 * HOUR + 5 * MINUTE), 'expired 2 h 5 min ago'],
    [-3 * DAY, 'expired 3 d ago'],
  ];
  for (const [ms, label] of cases) assert.equal(formatTimeLeft(ms), label, `for ${ms} ms`);
});

test('labels what cannot be a duration without inventing one', () => {
  assert.equal(formatTimeLeft(Number.NaN), 'expired');
  assert.equal(formatTimeLeft(-Infinity), 'expired');
  assert.equal(formatTimeLeft(Infinity), 'never expires');
});

test('the label agrees with msLeft on the server clock', () => {
  const facts = { expirationMs: NOW + 42 * MINUTE, clockSkewMs: -HOUR };
  assert.equal(formatTimeLeft(msLeft(facts, NOW)), '1 h 42 min left');
  assert.equal(formatTimeLeft(msLeft(facts, NOW + 2 * HOUR)), 'expired 18 min ago');
});
