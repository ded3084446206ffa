import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAuthorizationUrl } from '../../src-main/core/oauth/authorization-url.ts';
import { isOpenableAuthorizationUrl } from '../../src-main/core/oauth/external-url-policy.ts';

const PRODUCTION = { baseUrl: 'https://api.AIRisk.example.com', authorizePath: '/api/oauth2/Authorize' };
const SANDBOX = { baseUrl: 'http://127.0.0.1:8790', authorizePath: '/api/oauth2/Authorize' };

function built(endpoint: { baseUrl: string; authorizePath: string }, userid?: string): string {
  return buildAuthorizationUrl({
    ...endpoint,
    clientId: 'demo-client',
    redirectUri: 'http://127.0.0.1:8765/callback',
    state: 'st4te',
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    ...(userid === undefined ? {} : { userid }),
  }).href;
}

test('the authorization URL the app builds may be opened, generic and user-specific', () => {
  assert.equal(isOpenableAuthorizationUrl(built(PRODUCTION), PRODUCTION), true);
  assert.equal(isOpenableAuthorizationUrl(built(PRODUCTION, 'user_42'), PRODUCTION), true);
  assert.equal(isOpenableAuthorizationUrl(built(SANDBOX, 'user_42'), SANDBOX), true);
});

test('a base URL with a path prefix or trailing slash still matches its own endpoint', () => {
  const prefixed = { baseUrl: 'https://gw.example.com/airisk/', authorizePath: '/api/oauth2/Authorize' };
  assert.equal(isOpenableAuthorizationUrl(built(prefixed), prefixed), true);
  assert.equal(isOpenableAuthorizationUrl('https://gw.example.com/api/oauth2/Authorize?x=1', prefixed), false);
});

test('plain http is openable only on loopback (the sandbox)', () => {
  const insecure = { baseUrl: 'http://api.airisk.example.com', authorizePath: '/api/oauth2/Authorize' };
  assert.equal(isOpenableAuthorizationUrl(built(insecure), insecure), false);
  for (const host of ['localhost:8790', '[::1]:8790']) {
    const loopback = { baseUrl: `http://${host}`, authorizePath: '/api/oauth2/Authorize' };
    assert.equal(isOpenableAuthorizationUrl(built(loopback), loopback), true, host);
  }
  assert.equal(isOpenableAuthorizationUrl(built(PRODUCTION).replace('https:', 'http:'), PRODUCTION), false, 'downgraded scheme');
});

test('other hosts, ports, paths and schemes are refused', () => {
  const refused = [
    'https://evil.example.com/api/oauth2/Authorize?client_id=x',
    'https://api.airisk.example.com.evil.com/api/oauth2/Authorize',
    'https://api.airisk.example.com:8443/api/oauth2/Authorize',
    'https://api.airisk.example.com/api/oauth2/Authorize/../Token',
    'https://api.airisk.example.com/api/oauth2/authorize',
    'https://api.airisk.example.com/api/oauth2/Authorize2',
    'https://api.airisk.example.com/api/oauth2/Token',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://api.airisk.example.com/api/oauth2/Authorize',
    'app://airisk/index.html',
    'not a url',
    '',
  ];
  for (const url of refused) assert.equal(isOpenableAuthorizationUrl(url, PRODUCTION), false, url);
});

test('user names, passwords and fragments are refused', () => {
  assert.equal(isOpenableAuthorizationUrl('https://user@api.airisk.example.com/api/oauth2/Authorize', PRODUCTION), false);
  assert.equal(isOpenableAuthorizationUrl('https://user:pw@api.airisk.example.com/api/oauth2/Authorize', PRODUCTION), false);
  assert.equal(isOpenableAuthorizationUrl(`${built(PRODUCTION)}#frag`, PRODUCTION), false);
});

test('a misconfigured endpoint opens nothing', () => {
  assert.equal(isOpenableAuthorizationUrl('https://api.airisk.example.com/api/oauth2/Authorize', { baseUrl: 'not a url', authorizePath: '/api/oauth2/Authorize' }), false);
  const insecure = { baseUrl: 'ftp://api.airisk.example.com', authorizePath: '/api/oauth2/Authorize' };
  assert.equal(isOpenableAuthorizationUrl('ftp://api.airisk.example.com/api/oauth2/Authorize', insecure), false);
  const withUser = { baseUrl: 'https://me@api.airisk.example.com', authorizePath: '/x' };
  assert.equal(isOpenableAuthorizationUrl('https://api.airisk.example.com/x', withUser), false);
});

test('an authorization path configured to leave the base URL\'s origin opens nothing, not even the other origin', () => {
  for (const authorizePath of ['/\\\\evil.example/Authorize', '/\\/evil.example/Authorize', '/\t/evil.example/Authorize', '/https://evil.example/Authorize']) {
    const expected = { baseUrl: 'https://api.airisk.example.com', authorizePath };
    assert.equal(isOpenableAuthorizationUrl('https://evil.example/Authorize?client_id=x', expected), false, JSON.stringify(authorizePath));
    assert.equal(isOpenableAuthorizationUrl('https://api.airisk.example.com/Authorize', expected), false, JSON.stringify(authorizePath));
  }
});
