import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInConfig } from '../../src-main/core/settings/sign-in-config.ts';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';

test('the sign-in config leaves out an unset scope and issuer, and carries them when set', () => {
  const plain = signInConfig({ ...DEFAULT_CONNECTION_FIELDS, clientId: 'c' }, 's');
  assert.equal('scope' in plain, false);
  assert.equal('issuer' in plain, false);
  assert.equal(plain.clientSecret, 's');
  assert.equal('name' in plain, false, 'only what a sign-in uses');
  const standard = signInConfig({ ...DEFAULT_CONNECTION_FIELDS, scope: 'openid', issuer: 'https://login.example.com' }, 's');
  assert.deepEqual([standard.scope, standard.issuer], ['openid', 'https://login.example.com']);
});
