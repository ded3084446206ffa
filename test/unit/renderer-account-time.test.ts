import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deadlineMs, displayStatus, msLeftAt } from '../../src-renderer/lib/account-time.ts';
import { sameRowContent, stableDeadlines } from '../../src-renderer/lib/row-equality.ts';
import { newerState } from '../../src-renderer/lib/newer-state.ts';
import { formatTimeLeft } from '../../src-main/shared/time-left.ts';
import type { AppState } from '../../src-main/contract.ts';
import { accountView, appState } from '../support/app-state-fixtures.ts';

const state = (generatedAt: string): AppState => appState([], { generatedAt });

test('the countdown counts from generatedAt plus secondsLeft', () => {
  const generatedAt = '2030-01-01T00:00:00.000Z';
  const deadline = deadlineMs(accountView('a', { secondsLeft: 41 * 60 + 30 }), generatedAt);
  const start = Date.parse(generatedAt);
  assert.equal(formatTimeLeft(msLeftAt(deadline, start, 'valid')), '41 min left');
  assert.equal(formatTimeLeft(msLeftAt(deadline, start + 42 * 60_000, 'valid')), 'expired just now');
  assert.equal(formatTimeLeft(msLeftAt(deadline, start + 45 * 60_000, 'valid')), 'expired 3 min ago');
});

test('a token main calls expired never shows time left, and a run-out one shows expired at once', () => {
  assert.equal(msLeftAt(1500, 1000, 'expired'), 0);
  assert.equal(displayStatus('valid', 0), 'expired');
  assert.equal(displayStatus('expiring', -5), 'expired');
  assert.equal(displayStatus('valid', 1), 'valid');
  assert.equal(displayStatus('sign_in_again', -5), 'sign_in_again');
});

test('rows compare equal when only secondsLeft, obtainedAt or lastUsedAt moved', () => {
  const before = accountView('a');
  assert.equal(sameRowContent(before, { ...before, secondsLeft: 2519, lastUsedAt: '2030-01-01T00:00:00Z' }), true);
  assert.equal(sameRowContent(before, { ...before, status: 'expiring' }), false);
  assert.equal(sameRowContent(before, { ...before, label: 'renamed' }), false);
  assert.equal(sameRowContent(before, { ...before, active: true }), false);
});

test('deadlines keep their value through the rounding jitter but follow a renewal', () => {
  const previous = new Map([['a', 100_000], ['b', 100_000]]);
  const next = stableDeadlines(new Map([['a', 100_900], ['b', 3_700_000], ['c', 5]]), previous);
  assert.deepEqual([...next], [['a', 100_000], ['b', 3_700_000], ['c', 5]]);
});

test('an older state never replaces a newer one', () => {
  const newer = state('2030-01-01T00:00:02Z');
  const older = state('2030-01-01T00:00:01Z');
  assert.equal(newerState(null, older), older);
  assert.equal(newerState(newer, older), newer);
  assert.equal(newerState(older, newer), newer);
});
