import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterAccounts, matchesQuery, openingFocus, sortAccounts, statusChips } from '../../src-main/shared/account-list.ts';
import { accountView } from '../support/app-state-fixtures.ts';

const names = (accounts: readonly { readonly label: string }[]): string[] => accounts.map((account) => account.label);
const connectionNames: Record<string, string> = { 'conn-1': 'Production', 'conn-2': 'Staging' };
const nameOf = (id: string): string => connectionNames[id] ?? '';

test('the list sorts names naturally (user_2 before user_10) with the active account first', () => {
  const accounts = ['user_10', 'user_2', 'User_1', 'Generic', 'user_100'].map((label) => accountView(label, { label, active: label === 'user_100' }));
  assert.deepEqual(names(sortAccounts(accounts, 'name')), ['user_100', 'Generic', 'User_1', 'user_2', 'user_10']);
  assert.deepEqual(names(accounts), ['user_10', 'user_2', 'User_1', 'Generic', 'user_100'], 'the input keeps its order');
});

test('two accounts with the same name keep one order whatever the input order (userid, then id)', () => {
  const a = accountView('b-id', { label: 'Ops', userid: 'user_9' });
  const b = accountView('a-id', { label: 'Ops', userid: 'user_10' });
  const c = accountView('c-id', { label: 'Ops', userid: 'user_9' });
  const ids = (accounts: readonly { readonly id: string }[]): string[] => accounts.map((account) => account.id);
  assert.deepEqual(ids(sortAccounts([a, b, c], 'name')), ['b-id', 'c-id', 'a-id']);
  assert.deepEqual(ids(sortAccounts([c, b, a], 'name')), ['b-id', 'c-id', 'a-id']);
});

test('sorting by time left puts the tokens that are gone first, then the least time left, the active one included', () => {
  const accounts = [
    accountView('a', { secondsLeft: 3000, active: true }),
    accountView('b', { secondsLeft: -60, status: 'expired' }),
    accountView('c', { secondsLeft: 120, status: 'expiring' }),
    accountView('d', { secondsLeft: 500, status: 'sign_in_again' }),
    accountView('e', { secondsLeft: 120, status: 'expiring', label: 'B' }),
  ];
  assert.deepEqual(sortAccounts(accounts, 'time-left').map((account) => account.id), ['d', 'b', 'e', 'c', 'a']);
});

test('the filter matches name, userid, connection and status words, every word, ignoring case', () => {
  const renamed = accountView('x', { label: 'Reporting bot', userid: 'svc_7', connectionId: 'conn-2' });
  const expired = accountView('y', { label: 'user_3', userid: 'user_3', status: 'expired', secondsLeft: -10 });
  const expiring = accountView('z', { label: 'user_4', userid: 'user_4', status: 'expiring', active: true });
  const gone = accountView('w', { label: 'user_5', userid: 'user_5', status: 'sign_in_again' });
  const all = [renamed, expired, expiring, gone];
  const ids = (query: string): string[] => filterAccounts(all, query, nameOf).map((account) => account.id);
  assert.deepEqual(ids('expired'), ['y'], '"expired" finds the expired ones, not the expiring');
  assert.deepEqual(ids('EXPIRING'), ['z']);
  assert.deepEqual(ids('sign in again'), ['w']);
  assert.deepEqual(ids('SVC_'), ['x'], 'the userid of a renamed account');
  assert.deepEqual(ids('staging'), ['x'], 'the connection');
  assert.deepEqual(ids('production expired'), ['y'], 'every word must match');
  assert.deepEqual(ids('active'), ['z']);
  assert.equal(filterAccounts(all, '   ', nameOf), all, 'a blank query is the list itself');
  assert.equal(matchesQuery(renamed, 'Staging', 'bot staging'), true);
});

test('the status chips count what needs attention, expired first, and filter by status exactly, not by words a name may contain', () => {
  const accounts = [
    ...Array.from({ length: 3 }, (_, index) => accountView(`e${index}`, { status: 'expired' })),
    ...Array.from({ length: 2 }, (_, index) => accountView(`s${index}`, { status: 'expiring' })),
    accountView('g', { status: 'sign_in_again' }),
    accountView('v'),
    // Valid accounts whose names hold the status words: a chip must not list them.
    accountView('expired-fixture', { label: 'expired-fixture' }),
    accountView('design-again', { label: 'design-again', userid: 'signal' }),
  ];
  const chips = statusChips(accounts);
  assert.deepEqual(chips.map((chip) => chip.text), ['3 expired', '1 sign in again', '2 expiring']);
  for (const chip of chips) {
    const found = filterAccounts(accounts, '', nameOf, chip.status);
    assert.equal(found.length, chip.count, `${chip.text} filters to its own`);
    assert.ok(found.every((account) => account.status === chip.status));
  }
  assert.deepEqual(statusChips([accountView('v')]), [], 'all valid: no chip');
});

test('the window opens with focus in the filter beyond eight accounts, else on the active row', () => {
  assert.equal(openingFocus(8), 'active-row');
  assert.equal(openingFocus(9), 'filter');
  assert.equal(openingFocus(0), 'active-row');
});
