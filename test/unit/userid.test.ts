import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSignInError } from '../../src-main/core/oauth/sign-in-error.ts';
import { normaliseUserid } from '../../src-main/core/oauth/userid.ts';

test('a userid is trimmed and kept as typed', () => {
  assert.equal(normaliseUserid('  user_42 '), 'user_42');
  assert.equal(normaliseUserid('ana@example.com'), 'ana@example.com');
});

test('empty, too long, or whitespace userids are refused with a message naming the problem', () => {
  for (const [raw, words] of [['   ', /empty/], ['a'.repeat(129), /129 characters/], ['user 42', /spaces/], ['user\u000042', /control/]] as const) {
    assert.throws(() => normaliseUserid(raw), (error) => isSignInError(error, 'invalid_configuration') && words.test(error.message));
  }
});
