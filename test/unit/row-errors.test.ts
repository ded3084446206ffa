import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentRowErrors, rowError, tokenKey } from '../../src-main/shared/row-errors.ts';
import { accountView } from '../support/app-state-fixtures.ts';

test('a row’s error goes when its token changes (a renewal), and only then', () => {
  const expired = accountView('a', { status: 'expired', secondsLeft: -30 });
  const other = accountView('b');
  const errors = new Map([['a', rowError(expired, 'The token has expired; renew it first.')]]);
  assert.equal(currentRowErrors(errors, [expired, other]), errors, 'same token: the error stays (and the same map comes back)');
  const later = { ...expired, secondsLeft: -90 };
  assert.equal(currentRowErrors(errors, [later]), errors, 'time passing is not a new token');
  const renewed = { ...expired, status: 'valid' as const, obtainedAt: '2030-01-01T00:00:00Z', expiration: '2030-01-01T01:00:00Z' };
  assert.equal(currentRowErrors(errors, [renewed, other]).size, 0, 'renewed: the error is gone');
  assert.equal(currentRowErrors(errors, [other]).size, 0, 'removed: the error is gone');
});

test('a token that is gone (sign in again) is another token than the one it was', () => {
  const account = accountView('a');
  assert.notEqual(tokenKey(account), tokenKey({ ...account, status: 'sign_in_again' }));
});
