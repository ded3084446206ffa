import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountView, ConnectionSummary, ConnectionView } from '../../src-main/contract.ts';
import { checkView } from '../../src-main/core/connections/check-view.ts';
import { CONNECTION_FORM_WORDS } from '../../src-main/core/settings/connection-form-words.ts';
import { listRows } from '../../src-renderer/lib/account-rows.ts';
import { connectionUpdateFromForm, localConnectionProblems, startingForm } from '../../src-renderer/lib/connection-form.ts';
import { removeConnectionQuestion, tokenCount } from '../../src-main/core/settings/connection-view.ts';
import { defaultConnectionId } from '../../src-main/core/app/state-view.ts';
import { connectionNameToShow } from '../../src-renderer/lib/connection-text.ts';

const summary = (id: string, name: string, configured = true, accountCount = 0): ConnectionSummary => ({ id, name, origin: `https://${id}.example.com`, configured, accountCount });
const account = (id: string, connectionId: string, active = false): AccountView => ({
  id,
  connectionId,
  label: id,
  userid: id,
  status: 'valid',
  expiration: '2030-01-01T01:00:00Z',
  secondsLeft: 3600,
  active,
  stored: 'disk',
  obtainedAt: '2030-01-01T00:00:00Z',
  lastUsedAt: null,
  lastTerminalRead: null,
});

const production = summary('prod', 'Production');
const staging = summary('stage', 'Staging');

test('with one connection the list is the accounts alone, in their order, without headings', () => {
  const accounts = [account('b', 'prod'), account('a', 'prod')];
  const layout = listRows(accounts, [production]);
  assert.equal(layout.grouped, false);
  assert.deepEqual(layout.rows.map((row) => row.kind), ['account', 'account']);
  assert.deepEqual(layout.rowOf, [0, 1]);
  assert.equal(layout.accounts, accounts);
  assert.ok(layout.rows.every((row) => row.kind !== 'account' || row.connectionName === null));
});

test('with two connections accounts group under a heading per connection, in the connections’ order, sorted as given within', () => {
  const accounts = [account('s1', 'stage'), account('p1', 'prod'), account('s2', 'stage'), account('p2', 'prod')];
  const layout = listRows(accounts, [production, staging]);
  assert.equal(layout.grouped, true);
  assert.deepEqual(
    layout.rows.map((row) => (row.kind === 'heading' ? `# ${row.connection.name}` : `${row.account.id} (${row.accountIndex}, ${row.connectionName})`)),
    ['# Production', 'p1 (0, Production)', 'p2 (1, Production)', '# Staging', 's1 (2, Staging)', 's2 (3, Staging)'],
  );
  assert.deepEqual(layout.accounts.map((shown) => shown.id), ['p1', 'p2', 's1', 's2']);
  // The roving focus moves over accounts: account i sits in row rowOf[i], headings are skipped.
  assert.deepEqual(layout.rowOf, [1, 2, 4, 5]);
});

test('sorted by time left, two connections are not grouped: the accounts keep their order and each row names its connection', () => {
  const accounts = [account('s1', 'stage'), account('p1', 'prod')];
  const layout = listRows(accounts, [production, staging], false);
  assert.equal(layout.grouped, false);
  assert.deepEqual(layout.rows.map((row) => (row.kind === 'account' ? `${row.account.id} ${row.connectionName}` : row.kind)), ['s1 Staging', 'p1 Production']);
});

test('a connection with no account shown gets no heading (an empty connection, or a filter)', () => {
  const layout = listRows([account('s1', 'stage')], [production, staging]);
  assert.deepEqual(layout.rows.map((row) => row.key), ['connection:stage', 's1']);
  assert.deepEqual(listRows([], [production, staging]).rows, []);
});

test('an account of an unknown connection is still listed, last and under no heading', () => {
  const layout = listRows([account('x', 'gone'), account('p1', 'prod')], [production, staging]);
  assert.deepEqual(layout.rows.map((row) => row.key), ['connection:prod', 'p1', 'x']);
  assert.deepEqual(layout.rowOf, [1, 2]);
});

test('sign-in defaults to the active account’s connection', () => {
  const state = { accounts: [account('p1', 'prod'), account('s1', 'stage', true)], activeAccountId: 's1', connections: [production, staging] };
  assert.equal(defaultConnectionId(state), 'stage');
});

test('without an active account, or when its connection cannot sign in, sign-in defaults to the first configured connection', () => {
  assert.equal(defaultConnectionId({ accounts: [account('p1', 'prod')], activeAccountId: null, connections: [production, staging] }), 'prod');
  const unconfiguredStaging = summary('stage', 'Staging', false);
  const state = { accounts: [account('s1', 'stage', true)], activeAccountId: 's1', connections: [summary('prod', 'Production', false), unconfiguredStaging, summary('sand', 'Sandbox')] };
  assert.equal(defaultConnectionId(state), 'sand');
  assert.equal(defaultConnectionId({ accounts: [], activeAccountId: null, connections: [unconfiguredStaging] }), 'stage');
  assert.equal(defaultConnectionId({ accounts: [], activeAccountId: null, connections: [] }), null);
});

test('the connection is named only when there are two or more', () => {
  assert.equal(connectionNameToShow([production], 'prod'), null);
  assert.equal(connectionNameToShow([production, staging], 'stage'), 'Staging');
});

test('removing a connection asks with its token count, and says nothing of tokens when it has none', () => {
  assert.deepEqual(removeConnectionQuestion('Staging', 3), { title: 'Remove Staging?', detail: 'This removes its 3 tokens.' });
  assert.deepEqual(removeConnectionQuestion('Staging', 1), { title: 'Remove Staging?', detail: 'This removes its token.' });
  assert.deepEqual(removeConnectionQuestion('Sandbox', 0), { title: 'Remove Sandbox?', detail: null });
  // Shown (and named by the disabled Remove) while only one connection is left; the UI journey checks it.
  assert.equal(CONNECTION_FORM_WORDS.texts.lastStays, 'The last connection cannot be removed.');
  assert.deepEqual([0, 1, 3].map(tokenCount), ['no tokens', '1 token', '3 tokens']);
});

const saved: ConnectionView = {
  id: 'stage',
  name: 'Staging',
  baseUrl: 'https://staging.example.com',
  authorizePath: '/api/oauth2/Authorize',
  tokenPath: '/api/oauth2/Token',
  clientId: 'demo',
  clientSecretSet: true,
  clientSecretProblem: null,
  redirectUri: 'http://127.0.0.1:8765/callback',
  bodyEncoding: 'form',
  scope: '',
  issuer: '',
  accountCount: 2,
  exportFileName: 'Staging.airisk-connection.json',
  tokens: '2 tokens',
  removeQuestion: { title: 'Remove Staging?', detail: 'This removes its 2 tokens.' },
  secretField: { label: 'Replace client secret', state: '(currently set)', hint: 'Write-only: kept encrypted on this computer and never shown again. Leave empty to keep the current one.' },
  badge: null,
  origin: 'https://staging.example.com',
};

test('the connection form sends every field as typed (main works out what changed), and the secret only when typed', () => {
  const form = startingForm(CONNECTION_FORM_WORDS, saved);
  assert.equal(form.clientSecret, '');
  const { id: _id, clientSecretSet: _set, clientSecretProblem: _problem, accountCount: _count, exportFileName: _file, tokens: _tokens, removeQuestion: _question, secretField: _secret, badge: _badge, origin: _origin, ...fields } = saved;
  assert.deepEqual(connectionUpdateFromForm(form), fields);
  assert.deepEqual(connectionUpdateFromForm({ ...form, name: 'Stage', clientSecret: 'new-secret' }), { ...fields, name: 'Stage', clientSecret: 'new-secret' });
  assert.equal(connectionUpdateFromForm(startingForm(CONNECTION_FORM_WORDS, null)).name, 'AIRisk', 'named “AIRisk” on first run');
});

test('the window asks for a name, a client id and a secret (unless one is stored) before calling main', () => {
  const empty = { ...startingForm(CONNECTION_FORM_WORDS, null, ''), clientId: ' ' };
  const { fields } = CONNECTION_FORM_WORDS;
  assert.deepEqual(localConnectionProblems(empty, null, fields), [
    { field: 'name', message: 'Enter a name for this connection, such as “Production”.' },
    { field: 'clientId', message: 'Enter the client id AIRisk gave you.' },
    { field: 'clientSecret', message: 'Enter the client secret AIRisk gave you.' },
  ]);
  assert.deepEqual(localConnectionProblems(startingForm(CONNECTION_FORM_WORDS, saved), saved, fields), []);
  assert.deepEqual(localConnectionProblems(startingForm(CONNECTION_FORM_WORDS, saved), { ...saved, clientSecretSet: false }, fields).map((problem) => problem.field), ['clientSecret']);
});

test('a check is announced step by step, each verdict in words, and each step shown with its look', () => {
  const check = { authorization: { verdict: 'ok', message: 'AIRisk answered (HTTP 200).' }, token: { verdict: 'failed', message: 'AIRisk refused the client id or secret (invalid_client).' } } as const;
  const view = checkView(check);
  assert.equal(view.said, 'Authorization endpoint: OK. AIRisk answered (HTTP 200). Token endpoint and client: Failed. AIRisk refused the client id or secret (invalid_client).');
  assert.deepEqual(
    view.lines.map(({ title, word, look }) => `${title}: ${word} (${look})`),
    ['Authorization endpoint: OK (valid)', 'Token endpoint and client: Failed (expired)'],
  );
  assert.deepEqual(checkView({ authorization: { verdict: 'warning', message: 'a' }, token: { verdict: 'skipped', message: 'b' } }).lines.map((line) => line.look), ['expiring', 'sign_in_again']);
  assert.equal(view.authorization, check.authorization, 'the steps themselves are kept');
});
