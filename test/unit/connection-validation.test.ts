import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConnectionUpdate } from '../../src-main/contract.ts';
import { changesSignIn, validateConnectionUpdate } from '../../src-main/core/settings/connection-validation.ts';
import { connectionView } from '../../src-main/core/settings/connection-view.ts';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';

const validate = (update: ConnectionUpdate, taken: readonly string[] = []): ReturnType<typeof validateConnectionUpdate> => validateConnectionUpdate(DEFAULT_CONNECTION_FIELDS, update, taken);

test('the connection view never contains the client secret, only whether one is set', () => {
  const view = connectionView({ id: 'c1', ...DEFAULT_CONNECTION_FIELDS, clientSecretStored: 'disk' }, undefined, 3);
  assert.equal('clientSecret' in view, false);
  assert.equal('clientSecretStored' in view, false);
  assert.equal(view.clientSecretSet, true);
  assert.equal(view.accountCount, 3);
  const unusable = connectionView({ id: 'c1', ...DEFAULT_CONNECTION_FIELDS, clientSecretStored: 'disk' }, 'enter the client secret again', 0);
  assert.equal(unusable.clientSecretSet, false, 'a secret that cannot be used counts as not set');
  assert.equal(unusable.clientSecretProblem, 'enter the client secret again');
});

test('the connection view words the secret field, the list badge, the token count and the removal question for the window', () => {
  const record = { id: 'c1', ...DEFAULT_CONNECTION_FIELDS, name: 'Staging', clientId: 'demo', clientSecretStored: 'disk' as const };
  const view = connectionView(record, undefined, 3);
  assert.deepEqual(view.secretField, { label: 'Replace client secret', state: '(currently set)', hint: 'Write-only: kept encrypted on this computer and never shown again. Leave empty to keep the current one.' });
  assert.equal(view.badge, null);
  assert.equal(view.tokens, '3 tokens');
  assert.deepEqual(view.removeQuestion, { title: 'Remove Staging?', detail: 'This removes its 3 tokens.' });
  const unusable = connectionView(record, 'enter the client secret again', 1);
  assert.deepEqual(unusable.secretField, { label: 'Client secret', state: '(currently not set)', hint: 'enter the client secret again' }, 'nothing usable to replace: the hint says why');
  assert.equal(unusable.badge, 'enter the client secret again');
  const none = connectionView({ ...record, clientSecretStored: 'none' }, undefined, 0);
  assert.equal(none.badge, 'Needs a client secret before anyone can sign in.');
  assert.equal(none.secretField.hint, 'Write-only: kept encrypted on this computer and never shown again.');
  assert.deepEqual([none.tokens, none.removeQuestion.detail], ['no tokens', null]);
});

test('defaults pass: the documented base URL and the loopback redirect', () => {
  const result = validate({ name: ' Staging ', clientId: ' demo-client ', clientSecret: ' s3cret ' });
  assert.ok(result.ok);
  assert.equal(result.accepted.fields.name, 'Staging');
  assert.equal(result.accepted.fields.clientId, 'demo-client');
  assert.equal(result.accepted.clientSecret, 's3cret');
  assert.equal(result.accepted.fields.baseUrl, 'https://api.AIRisk.example.com');
});

test('each connection rule names its field and the fix', () => {
  const cases: [ConnectionUpdate, string, RegExp][] = [
    [{ baseUrl: 'http://api.AIRisk.example.com' }, 'baseUrl', /https/],
    [{ baseUrl: 'not a url' }, 'baseUrl', /not a URL/],
    [{ tokenPath: 'api/Token' }, 'tokenPath', /start with \//],
    [{ redirectUri: 'http://192.168.1.2:8765/callback' }, 'redirectUri', /loopback/],
    [{ redirectUri: 'myapp://callback' }, 'redirectUri', /http/],
    [{ clientSecret: '   ' }, 'clientSecret', /cannot be empty/],
    [{ bodyEncoding: 'xml' as 'json' }, 'bodyEncoding', /form or json/],
    [{ colour: 'blue' } as ConnectionUpdate, 'colour', /not a connection setting/],
    [{ expiryLeadSeconds: 5 } as ConnectionUpdate, 'expiryLeadSeconds', /not a connection setting/],
  ];
  for (const [update, field, message] of cases) {
    const result = validate(update);
    assert.ok(!result.ok, JSON.stringify(update));
    assert.equal(result.problems[0]?.field, field, JSON.stringify(update));
    assert.match(result.problems[0]?.message ?? '', message);
  }
});

test('connection names: trimmed, 1–64 characters, no control characters, unique case-insensitively', () => {
  const cases: [string, RegExp][] = [
    ['   ', /Give the connection a name/],
    ['x'.repeat(65), /at most 64 characters; this one has 65/],
    ['Stag\ning', /control or invisible characters/],
    ['staging', /There is a connection named "staging" already/],
    [' STAGING ', /There is a connection named "STAGING" already/],
  ];
  for (const [name, message] of cases) {
    const result = validate({ name }, ['Staging', 'Production']);
    assert.ok(!result.ok, JSON.stringify(name));
    assert.equal(result.problems[0]?.field, 'name');
    assert.match(result.problems[0]?.message ?? '', message);
  }
  assert.ok(validate({ name: 'x'.repeat(64) }, ['Staging']).ok, '64 characters are fine');
  assert.ok(validate({ name: 'Staging 2' }, ['Staging']).ok);
});

test('scope and issuer: optional, trimmed, printable scope up to 1000 characters, issuer an https URL', () => {
  const accepted = validate({ scope: ' openid profile ', issuer: ' https://login.example.com ' });
  assert.ok(accepted.ok);
  assert.equal(accepted.accepted.fields.scope, 'openid profile');
  assert.equal(accepted.accepted.fields.issuer, 'https://login.example.com');
  assert.ok(validate({ scope: '', issuer: '' }).ok, 'empty means unset');
  assert.ok(validate({ issuer: 'http://127.0.0.1:8790' }).ok, 'plain http on loopback, for the sandbox');
  const cases: [ConnectionUpdate, RegExp][] = [
    [{ scope: 'openid\tprofile' }, /printable/],
    [{ scope: 'openid\u202Eprofile' }, /printable/],
    [{ scope: 'a'.repeat(1001) }, /longer than 1000/],
    [{ scope: 7 as unknown as string }, /scope must be text/],
    [{ issuer: 'login.example.com' }, /not an absolute URL/],
    [{ issuer: 'http://login.example.com' }, /https/],
    [{ issuer: 'https://login.example.com/?tenant=1' }, /query/],
  ];
  for (const [update, message] of cases) {
    const result = validate(update);
    assert.ok(!result.ok, JSON.stringify(update));
    const field = Object.keys(update)[0];
    assert.ok(result.problems.some((problem) => problem.field === field && message.test(problem.message)), JSON.stringify(result.problems));
  }
});

test('loopback http base URLs are allowed for the sandbox, and a trailing slash is dropped', () => {
  const result = validate({ baseUrl: 'http://127.0.0.1:8790/' });
  assert.ok(result.ok);
  assert.equal(result.accepted.fields.baseUrl, 'http://127.0.0.1:8790');
});

test('a connection refuses endpoint paths that leave the base URL\'s origin, naming the field', () => {
  const cases: [ConnectionUpdate, 'authorizePath' | 'tokenPath', RegExp][] = [
    [{ tokenPath: '/\\\\127.0.0.1:9999/steal' }, 'tokenPath', /^The token path must contain no backslash/],
    [{ tokenPath: '/\\/evil.example/Token' }, 'tokenPath', /^The token path /],
    [{ tokenPath: '//evil.example/Token' }, 'tokenPath', /^The token path must start with a single \//],
    [{ tokenPath: '/%5C%5Cevil.example/Token' }, 'tokenPath', /percent-encoded/],
    [{ authorizePath: '/\n/evil.example/Authorize' }, 'authorizePath', /^The authorization path /],
    [{ baseUrl: 'https://gw.example.com/airisk', tokenPath: '/../oauth2/Token' }, 'tokenPath', /must stay under the base URL's path \/airisk\//],
  ];
  for (const [update, field, message] of cases) {
    const result = validate(update);
    assert.ok(!result.ok, JSON.stringify(update));
    assert.deepEqual(result.problems.map((problem) => problem.field), [field], JSON.stringify(update));
    assert.match(result.problems[0]?.message ?? '', message, JSON.stringify(update));
  }
  assert.ok(validate({ baseUrl: 'https://gw.example.com/airisk', tokenPath: '/api/oauth2/Token' }).ok);
});

test('only a change of where a sign-in goes or who it is for stops a sign-in under way; a rename does not', () => {
  assert.equal(changesSignIn(DEFAULT_CONNECTION_FIELDS, { ...DEFAULT_CONNECTION_FIELDS, name: 'Renamed' }), false);
  for (const change of [{ baseUrl: 'https://other.example.com' }, { tokenPath: '/t' }, { clientId: 'other' }, { redirectUri: 'http://127.0.0.1:9/cb' }, { bodyEncoding: 'json' as const }, { scope: 'x' }, { issuer: 'https://i.example.com' }]) {
    assert.equal(changesSignIn(DEFAULT_CONNECTION_FIELDS, { ...DEFAULT_CONNECTION_FIELDS, ...change }), true, JSON.stringify(change));
  }
});
