import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warningViews } from '../../src-main/core/app/state-view.ts';

test('marks exactly the warnings about where tokens are kept as storage ones (the banner offers Settings for them)', () => {
  const views = warningViews([
    { kind: 'weak-encryption', message: 'weak' },
    { kind: 'tokens-in-memory-only', message: 'memory' },
    { kind: 'store-recovered', message: 'recovered' },
    { kind: 'clock-skew', message: 'clock' },
    { kind: 'not-configured', message: 'setup' },
  ]);
  assert.deepEqual(
    views.map((view) => [view.kind, view.message, view.storage]),
    [
      ['weak-encryption', 'weak', true],
      ['tokens-in-memory-only', 'memory', true],
      ['store-recovered', 'recovered', false],
      ['clock-skew', 'clock', false],
      ['not-configured', 'setup', false],
    ],
  );
});
