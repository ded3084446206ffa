import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settingsView, validateSettingsUpdate } from '../../src-main/core/settings/settings-validation.ts';
import { DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import type { SettingsUpdate } from '../../src-main/contract.ts';

test('the settings view never contains the client secret, only whether one is set', () => {
  const view = settingsView({ ...DEFAULT_SETTINGS, clientSecret: { ciphertext: 'c1ph3r', backend: 'x' } }, true);
  assert.equal('clientSecret' in view, false);
  assert.equal(view.clientSecretSet, true);
  assert.equal(JSON.stringify(view).includes('c1ph3r'), false);
});

test('defaults pass: the documented base URL and the loopback redirect', () => {
  const result = validateSettingsUpdate(DEFAULT_SETTINGS, { clientId: ' demo-client ', clientSecret: ' s3cret ' });
  assert.ok(result.ok);
  assert.equal(result.accepted.settings.clientId, 'demo-client');
  assert.equal(result.accepted.clientSecret, 's3cret');
  assert.equal(result.accepted.settings.baseUrl, 'https://api.AIRisk.example.com');
});

test('each rule names its field and the fix', () => {
  const cases: [SettingsUpdate, string, RegExp][] = [
    [{ baseUrl: 'http://api.AIRisk.example.com' }, 'baseUrl', /https/],
    [{ baseUrl: 'not a url' }, 'baseUrl', /not a URL/],
    [{ tokenPath: 'api/Token' }, 'tokenPath', /start with \//],
    [{ redirectUri: 'http://192.168.1.2:8765/callback' }, 'redirectUri', /loopback/],
    [{ redirectUri: 'myapp://callback' }, 'redirectUri', /http/],
    [{ expiryLeadSeconds: 1.5 }, 'expiryLeadSeconds', /whole number of seconds from 0 to 86400/],
    [{ clipboardClearSeconds: 99999 }, 'clipboardClearSeconds', /0 to 3600/],
    [{ clientSecret: '   ' }, 'clientSecret', /cannot be empty/],
    [{ startHidden: 'yes' as unknown as boolean }, 'startHidden', /true or false/],
    [{ bodyEncoding: 'xml' as 'json' }, 'bodyEncoding', /form or json/],
    [{ colour: 'blue' } as SettingsUpdate, 'colour' as keyof SettingsUpdate, /not a setting/],
  ];
  for (const [update, field, message] of cases) {
    const result = validateSettingsUpdate(DEFAULT_SETTINGS, update);
    assert.ok(!result.ok, JSON.stringify(update));
    assert.equal(result.problems[0]?.field, field, JSON.stringify(update));
    assert.match(result.problems[0]?.message ?? '', message);
  }
});

test('scope and issuer: optional, trimmed, printable scope up to 1000 characters, issuer an https URL', () => {
  const accepted = validateSettingsUpdate(DEFAULT_SETTINGS, { scope: ' openid profile ', issuer: ' https://login.example.com ' });
  assert.ok(accepted.ok);
  assert.equal(accepted.accepted.settings.scope, 'openid profile');
  assert.equal(accepted.accepted.settings.issuer, 'https://login.example.com');
  assert.ok(validateSettingsUpdate(DEFAULT_SETTINGS, { scope: '', issuer: '' }).ok, 'empty means unset');
  assert.ok(validateSettingsUpdate(DEFAULT_SETTINGS, { issuer: 'http://127.0.0.1:8790' }).ok, 'plain http on loopback, for the sandbox');
  const cases: [SettingsUpdate, RegExp][] = [
    [{ scope: 'openid\tprofile' }, /printable/],
    [{ scope: 'openid\u202Eprofile' }, /printable/],
    [{ scope: 'a'.repeat(1001) }, /longer than 1000/],
    [{ scope: 7 as unknown as string }, /scope must be text/],
    [{ issuer: 'login.example.com' }, /not an absolute URL/],
    [{ issuer: 'http://login.example.com' }, /https/],
    [{ issuer: 'https://login.example.com/?tenant=1' }, /query/],
  ];
  for (const [update, message] of cases) {
    const result = validateSettingsUpdate(DEFAULT_SETTINGS, update);
    assert.ok(!result.ok, JSON.stringify(update));
    const field = Object.keys(update)[0];
    assert.ok(result.problems.some((problem) => problem.field === field && message.test(problem.message)), JSON.stringify(result.problems));
  }
});

test('loopback http base URLs are allowed for the sandbox, and a trailing slash is dropped', () => {
  const result = validateSettingsUpdate(DEFAULT_SETTINGS, { baseUrl: 'http://127.0.0.1:8790/' });
  assert.ok(result.ok);
  assert.equal(result.accepted.settings.baseUrl, 'http://127.0.0.1:8790');
});

test('settings refuse endpoint paths that leave the base URL\'s origin, naming the field', () => {
  const cases: [SettingsUpdate, 'authorizePath' | 'tokenPath', RegExp][] = [
    [{ tokenPath: '/\\\\127.0.0.1:9999/steal' }, 'tokenPath', /^The token path must contain no backslash/],
    [{ tokenPath: '/\\/evil.example/Token' }, 'tokenPath', /^The token path /],
    [{ tokenPath: '//evil.example/Token' }, 'tokenPath', /^The token path must start with a single \//],
    [{ tokenPath: '/%5C%5Cevil.example/Token' }, 'tokenPath', /percent-encoded/],
    [{ authorizePath: '/\n/evil.example/Authorize' }, 'authorizePath', /^The authorization path /],
    [{ baseUrl: 'https://gw.example.com/airisk', tokenPath: '/../oauth2/Token' }, 'tokenPath', /must stay under the base URL's path \/airisk\//],
  ];
  for (const [update, field, message] of cases) {
    const result = validateSettingsUpdate(DEFAULT_SETTINGS, update);
    assert.ok(!result.ok, JSON.stringify(update));
    assert.deepEqual(result.problems.map((problem) => problem.field), [field], JSON.stringify(update));
    assert.match(result.problems[0]?.message ?? '', message, JSON.stringify(update));
  }
  assert.ok(validateSettingsUpdate(DEFAULT_SETTINGS, { baseUrl: 'https://gw.example.com/airisk', tokenPath: '/api/oauth2/Token' }).ok);
});
