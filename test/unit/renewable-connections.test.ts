import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renewableConnections } from '../../src-main/core/app/state-view.ts';
import { accountView } from '../support/app-state-fixtures.ts';

const connections = [
  { id: 'a', name: 'Production' },
  { id: 'b', name: 'Staging' },
  { id: 'c', name: 'Empty' },
];

test('Renew all offers each connection with tokens that are not valid, counted, in Settings’ order', () => {
  const accounts = [
    accountView('1', { connectionId: 'b', status: 'expired' }),
    accountView('2', { connectionId: 'a', status: 'expiring' }),
    accountView('3', { connectionId: 'a', status: 'valid' }),
    accountView('4', { connectionId: 'a', status: 'sign_in_again' }),
    accountView('5', { connectionId: 'c', status: 'valid' }),
  ];
  assert.deepEqual(renewableConnections(accounts, connections), [
    { connectionId: 'a', name: 'Production', count: 2, askFirst: false, text: 'Renews 2 expiring or expired tokens, one sign-in after another.' },
    { connectionId: 'b', name: 'Staging', count: 1, askFirst: false, text: 'Renews 1 expiring or expired tokens, one sign-in after another.' },
  ]);
});

test('Renew all asks first above ten sign-ins in a row, and offers nothing when every token is valid', () => {
  const expired = Array.from({ length: 11 }, (_, index) => accountView(`x${index}`, { connectionId: 'a', status: 'expired' }));
  const [only] = renewableConnections(expired, connections);
  assert.equal(only?.askFirst, true);
  assert.equal(only?.text, 'That is 11 sign-ins in your browser, one after another. Renew them all?');
  assert.equal(renewableConnections(expired.slice(1), connections)[0]?.askFirst, false, 'ten run without asking');
  assert.deepEqual(renewableConnections([accountView('v')], connections), []);
});
