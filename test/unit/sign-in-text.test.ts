import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureView } from '../../src-main/core/app/failure-view.ts';
import { renewAllOutcomeText, renewAllProgressText, type RenewAllNames } from '../../src-main/core/app/renew-all-text.ts';
import { pasteLabel, progressNotes, signedInText, signInEndedText, signInProgressText } from '../../src-main/core/app/sign-in-text.ts';

const AT = '2026-12-01T22:00:00.000Z';
const names = (connection: string | null): RenewAllNames => ({ account: (id) => id.replace('id-', ''), connection });
const outcome = (fields: Partial<Parameters<typeof renewAllOutcomeText>[0]>) => ({ connectionId: 'c', renewed: [], denied: [], stopped: null, error: null, remaining: [], ...fields });

test('a failure’s headline names who it was for, and only failures that settings fix point to the connection', () => {
  assert.deepEqual(failureView('authorization_unreachable', 'Nothing answers at …', AT, { subject: 'user_1 on Staging', connectionId: 'staging' }), {
    code: 'authorization_unreachable',
    message: 'Nothing answers at …',
    at: AT,
    title: 'The sign-in page cannot be reached (user_1 on Staging)',
    settingsConnectionId: 'staging',
  });
  const denied = failureView('access_denied', 'AIRisk refused …', AT, { subject: 'user_9 on Staging', connectionId: 'staging' });
  assert.equal(denied.title, 'AIRisk refused the sign-in (user_9 on Staging)');
  assert.equal(denied.settingsConnectionId, null, 'a refusal in the browser is not fixed in Settings');
  assert.equal(failureView('something_new', 'Why.', AT).title, 'The sign-in did not finish', 'an unknown code still gets a headline');
  assert.equal(failureView('invalid_configuration', 'Set it.', AT).settingsConnectionId, null, 'no connection known, none named');
});

test('the sign-in line says who, the stage, and main’s notes', () => {
  assert.equal(signInProgressText('user_42 on Staging', 'waiting_for_browser'), 'Signing in for user_42 on Staging: waiting for you in the browser');
  assert.equal(signInProgressText('the generic token', 'exchanging_code'), 'Signing in for the generic token: exchanging the code');
  const note = 'The browser could not be opened: check the system’s default browser, then open the sign-in page again.';
  assert.equal(progressNotes('user_42', 'waiting_for_browser', [note]).message, `Signing in for user_42: waiting for you in the browser. ${note}`, 'a note is part of the line');
});

test('Renew all’s progress line counts from 1 and names the connection only when there are several', () => {
  assert.equal(renewAllProgressText({ connectionId: 'c', done: 1, total: 5, currentAccountId: 'id-user_7' }, names('Staging')), 'Renewing 2 of 5 — user_7 (Staging)');
  assert.equal(renewAllProgressText({ connectionId: 'c', done: 0, total: 2, currentAccountId: 'id-user_1' }, names(null)), 'Renewing 1 of 2 — user_1');
  assert.equal(renewAllProgressText({ connectionId: 'c', done: 0, total: 3, currentAccountId: null }, names(null)), 'Renewing 1 of 3');
});

test('Renew all’s outcome is one line: all renewed, some refused, cancelled, or stopped with the reason', () => {
  assert.equal(renewAllOutcomeText(outcome({ renewed: ['id-a', 'id-b'] }), names('Staging')), 'Renewed 2 tokens on Staging.');
  assert.equal(renewAllOutcomeText(outcome({ renewed: ['id-a'], denied: ['id-user_9'] }), names(null)), 'Renewed 1 of 2 tokens; user_9 was refused.');
  assert.equal(renewAllOutcomeText(outcome({ stopped: 'cancelled', remaining: ['id-a', 'id-b'] }), names('Staging')), 'Renew all on Staging was cancelled: 0 of 2 tokens renewed.');
  const error = failureView('callback_timeout', 'The browser did not come back within 5 min.', AT);
  assert.equal(
    renewAllOutcomeText(outcome({ renewed: ['id-a'], stopped: 'failed', error, remaining: ['id-user_3', 'id-c'] }), names(null)),
    'Renew all stopped at user_3 after 1 of 3 tokens: The browser did not come back within 5 min.',
  );
  assert.equal(renewAllOutcomeText(outcome({ denied: ['id-a', 'id-b', 'id-c', 'id-d'] }), names(null)), 'Renewed 0 of 4 tokens; a, b, c and 1 more were refused.');
  assert.equal(renewAllOutcomeText(outcome({}), names(null)), 'Nothing to renew: every token is valid.');
});

test('the paste field is labelled only while waiting for a browser whose redirect cannot be heard', () => {
  assert.equal(pasteLabel('waiting_for_browser', false), 'After you approve, paste the whole address the browser shows (even an error page)');
  assert.equal(pasteLabel('waiting_for_browser', true), null);
  assert.equal(pasteLabel('exchanging_code', false), null);
});

test('a sign-in ends with one sentence to announce: saved, cancelled, or main\'s title and reason', () => {
  assert.equal(signedInText('user_42 on Staging'), 'Signed in: the token for user_42 on Staging is saved.');
  assert.equal(signInEndedText({ code: 'cancelled', message: 'The sign-in was cancelled.', at: '2030-01-01T00:00:00Z' }), 'Sign-in cancelled.');
  assert.equal(signInEndedText({ code: 'access_denied', title: 'Sign-in refused', message: 'AIRisk refused it.', at: '2030-01-01T00:00:00Z' }), 'Sign-in refused: AIRisk refused it.');
  assert.equal(signInEndedText({ code: 'x', message: 'Boom.', at: '2030-01-01T00:00:00Z' }), 'Sign-in failed: Boom.');
});
