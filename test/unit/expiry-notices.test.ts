import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountView, AppState } from '../../src-main/contract.ts';
import type { ExpiryNotice } from '../../src-main/core/app/app-ports.ts';
import { ExpiryNoticeGatherer } from '../../src-main/core/notifications/expiry-notices.ts';
import { accountView, appState, connectionSummary, FIXTURE_CONNECTION_ID } from '../support/app-state-fixtures.ts';

const LEAD_MS = 5 * 60_000;

/** A gatherer over a state the test edits; the notices it shows. */
function gatherer(initial: AppState) {
  let state = initial;
  const notices: ExpiryNotice[] = [];
  const gather = new ExpiryNoticeGatherer({ state: () => state, leadMs: () => LEAD_MS, notify: (notice) => notices.push(notice) });
  return { notices, gather, setState: (next: AppState) => (state = next) };
}

const expiring = (id: string, more: Partial<AccountView> = {}): AccountView => accountView(id, { status: 'expiring', secondsLeft: 240, ...more });
const expired = (id: string, more: Partial<AccountView> = {}): AccountView => accountView(id, { status: 'expired', secondsLeft: -5, ...more });

test('tokens that start expiring within a second of each other give one notice, not one per account', () => {
  // The first change finds the other two about to cross (less than a second apart); their own changes announce nothing again.
  const { notices, gather, setState } = gatherer(appState([expiring('user_10'), accountView('user_2', { secondsLeft: 300 }), accountView('user_3', { secondsLeft: 301 }), accountView('user_4', { active: true })]));
  gather.changed([{ id: 'user_10', to: 'expiring' }]);
  setState(appState([expiring('user_10'), expiring('user_2'), expiring('user_3'), accountView('user_4', { active: true })]));
  gather.changed([{ id: 'user_2', to: 'expiring' }]);
  gather.changed([{ id: 'user_3', to: 'expiring' }]);
  assert.deepEqual(notices, [
    {
      kind: 'expiring',
      accountIds: ['user_2', 'user_3', 'user_10'],
      renewConnectionId: FIXTURE_CONNECTION_ID,
      urgency: 'normal',
      title: '3 tokens expire within 5 min — Renew all',
      body: 'user_2, user_3 and user_10. Renew all to keep calling AIRisk.',
    },
  ]);
});

test('a token renewed after its notice is announced again when it next expires; one crossing later stays its own notice', () => {
  const { notices, gather, setState } = gatherer(appState([expiring('user_1'), accountView('user_2', { secondsLeft: 3600 })]));
  gather.changed([{ id: 'user_1', to: 'expiring' }]);
  gather.changed([{ id: 'user_1', to: 'valid' }]);
  setState(appState([expiring('user_1', { expiration: '2030-01-01T01:00:00Z' }), expiring('user_2')]));
  gather.changed([{ id: 'user_1', to: 'expiring' }]);
  assert.deepEqual(notices.map((notice) => notice.title), ['user_1: token expires soon', '2 tokens expire within 5 min — Renew all']);
});

test('urgency is critical only when the active account’s token expired', () => {
  const { notices, gather, setState } = gatherer(appState([expired('user_1'), accountView('user_2', { active: true })]));
  gather.changed([{ id: 'user_1', to: 'expired' }]);
  setState(appState([expired('user_1'), expired('user_2', { active: true })]));
  gather.changed([{ id: 'user_2', to: 'expired' }]);
  setState(appState([expiring('user_2', { active: true })]));
  gather.changed([{ id: 'user_2', to: 'expiring' }]);
  assert.deepEqual(
    notices.map((notice) => [notice.title, notice.urgency]),
    [
      ['user_1: token expired', 'normal'],
      // Within the minute the replacing notice still names user_1.
      ['2 tokens expired — Renew all', 'critical'],
      ['user_2: token expires soon', 'normal'],
    ],
  );
});

test('an expired notice names only the tokens that just expired, not those left expired for days; "sign in again" is never announced', () => {
  const { notices, gather } = gatherer(appState([expired('old', { secondsLeft: -86_400 }), expired('new_1'), expired('new_2'), accountView('gone', { status: 'sign_in_again' })]));
  gather.changed([
    { id: 'new_1', to: 'expired' },
    { id: 'new_2', to: 'expired' },
    { id: 'gone', to: 'expired' },
  ]);
  assert.deepEqual(notices.map((notice) => [notice.kind, notice.title, notice.accountIds]), [['expired', '2 tokens expired — Renew all', ['new_1', 'new_2']]]);
  gather.changed([{ id: 'new_1', to: 'expired' }]);
  assert.equal(notices.length, 1, 'an expiry already announced is not announced again');
});

test('expired and expiring in the same moment give one notice of each kind; across connections the notice only opens the window', () => {
  const connections = [connectionSummary(FIXTURE_CONNECTION_ID, 'AIRisk'), connectionSummary('staging', 'Staging')];
  const many = Array.from({ length: 6 }, (_, index) => expiring(`user_${index + 1}`, { connectionId: index % 2 === 0 ? FIXTURE_CONNECTION_ID : 'staging' }));
  const { notices, gather } = gatherer(appState([...many, expired('user_9')], { connections }));
  gather.changed([...many.map((account) => ({ id: account.id, to: 'expiring' })), { id: 'user_9', to: 'expired' }]);
  assert.deepEqual(notices.map((notice) => notice.kind), ['expired', 'expiring']);
  assert.equal(notices[1]?.renewConnectionId, null);
  assert.equal(notices[1]?.body, 'user_1 · AIRisk, user_2 · Staging, user_3 · AIRisk and 3 more. Open the window to renew them.');
});

test('tokens renewed one browser page after another (seconds apart) still give one expiring notice, not one each', () => {
  // Three seconds apart, as Renew all's sign-ins come: the first crossing finds the others within the minute.
  const { notices, gather, setState } = gatherer(appState([expiring('user_1', { secondsLeft: 299 }), accountView('user_2', { secondsLeft: 303 }), accountView('user_3', { secondsLeft: 306 })]));
  gather.changed([{ id: 'user_1', to: 'expiring' }]);
  setState(appState([expiring('user_1', { secondsLeft: 296 }), expiring('user_2', { secondsLeft: 299 }), accountView('user_3', { secondsLeft: 302 })]));
  gather.changed([{ id: 'user_2', to: 'expiring' }]);
  setState(appState([expiring('user_1', { secondsLeft: 293 }), expiring('user_2', { secondsLeft: 296 }), expiring('user_3', { secondsLeft: 299 })]));
  gather.changed([{ id: 'user_3', to: 'expiring' }]);
  assert.deepEqual(notices.map((notice) => notice.title), ['3 tokens expire within 5 min — Renew all']);
});

test('a token renewed without passing through valid (tokens shorter than the lead) is announced again when it next expires', () => {
  const { notices, gather, setState } = gatherer(appState([expired('user_1', { expiration: '2025-03-31T12:00:00.000Z' })]));
  gather.changed([{ id: 'user_1', to: 'expired' }]);
  // Renewed: a new token (another expiration) that is expiring from birth, then expires in its turn.
  setState(appState([expiring('user_1', { expiration: '2025-03-31T12:03:00.000Z' })]));
  gather.changed([{ id: 'user_1', to: 'expiring' }]);
  setState(appState([expired('user_1', { expiration: '2025-03-31T12:03:00.000Z' })]));
  gather.changed([{ id: 'user_1', to: 'expired' }]);
  assert.deepEqual(notices.map((notice) => notice.title), ['user_1: token expired', 'user_1: token expires soon', 'user_1: token expired']);
});

test('a newer expired notice within the minute still names the earlier one, and stays critical while the active token is among them', () => {
  const { notices, gather, setState } = gatherer(appState([expired('act', { active: true }), accountView('b', { secondsLeft: 30 })]));
  gather.changed([{ id: 'act', to: 'expired' }]);
  setState(appState([expired('act', { active: true }), expired('b')]));
  gather.changed([{ id: 'b', to: 'expired' }]);
  assert.deepEqual(notices.map((notice) => [notice.title, notice.urgency]), [
    ['act: token expired', 'critical'],
    ['2 tokens expired — Renew all', 'critical'],
  ]);
});
