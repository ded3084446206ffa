import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccessError } from '../../../src-main/core/terminal/access-error.ts';
import { agoText, loginCommand, refusedRead, selectAccount } from '../../../src-main/core/terminal/account-selector.ts';
import type { TerminalAccount } from '../../../src-main/core/terminal/terminal-ports.ts';

const connections = [
  { id: 'c-s', name: 'Staging' },
  { id: 'c-p', name: 'Production' },
];

function account(id: string, userid: string | null, connectionId: string, extra: Partial<TerminalAccount> = {}): TerminalAccount {
  const connectionName = connections.find((connection) => connection.id === connectionId)?.name ?? '?';
  return { id, userid, label: userid ?? 'Generic', connectionId, connectionName, status: 'valid', expiration: '2030-01-01T00:00:00.000Z', secondsLeft: 3600, active: false, ...extra };
}

const accounts = [account('a1', 'user_42', 'c-s'), account('a2', 'user_42', 'c-p', { active: true }), account('a3', null, 'c-s')];
const none = { userid: null, generic: false, connection: null };

function refusal(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AccessError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('no refusal');
}

test('no selector means the active account, on any connection', () => {
  assert.equal(selectAccount(accounts, connections, none).id, 'a2');
});

test('a connection alone picks its active account, else its only one, else asks for --user', () => {
  assert.equal(selectAccount(accounts, connections, { ...none, connection: 'PRODUCTION' }).id, 'a2', 'names match ignoring case');
  assert.deepEqual(refusal(() => selectAccount(accounts, connections, { ...none, connection: 'staging' })), {
    status: 409,
    code: 'ambiguous_account',
    message: 'Staging holds several tokens (user_42 on Staging, Generic on Staging); add --user ID or --generic.',
  });
  assert.equal(selectAccount(accounts.slice(0, 1), connections, { ...none, connection: 'Staging' }).id, 'a1');
});

test('generic picks the token without a userid', () => {
  assert.equal(selectAccount(accounts, connections, { ...none, generic: true }).id, 'a3');
  assert.match(refusal(() => selectAccount(accounts, connections, { ...none, generic: true, connection: 'Production' })).message, /^There is no generic token on Production .*sign in: airisk-token login --connection Production\.$/);
});

test('words the app\'s refusals: "expired N min ago" with the renew command, and the app\'s own message for an unavailable token', () => {
  const expired = refusedRead(account('x', 'user_42', 'c-s', { status: 'expired', secondsLeft: -185 }), { ok: false, code: 'expired', message: 'The token for user_42 expired 3 min ago; renew it first.' });
  assert.deepEqual([expired.status, expired.code, expired.message], [409, 'expired', "user_42's token on Staging expired 3 min ago; renew it: airisk-token login --user user_42 --connection Staging"]);
  assert.equal(refusedRead(account('x', null, 'c-s'), { ok: false, code: 'expired', message: '' }).message, 'The generic token on Staging expired just now; renew it: airisk-token login --connection Staging');
  const gone = refusedRead(account('x', null, 'c-s', { status: 'sign_in_again' }), { ok: false, code: 'unavailable', message: 'The token for Generic is no longer available (it cannot be decrypted); sign in again.' });
  assert.deepEqual([gone.status, gone.code, gone.message], [409, 'unavailable', 'The token for Generic is no longer available (it cannot be decrypted); sign in again.']);
  assert.deepEqual([agoText(-30), agoText(-7200), agoText(-3 * 86_400)], ['just now', '2 h ago', '3 days ago']);
  assert.equal(loginCommand('user_1', 'My Env'), 'airisk-token login --user user_1 --connection "My Env"');
});
