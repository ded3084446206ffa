import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAuthorizationUrl } from '../../src-main/core/oauth/authorization-url.ts';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_BASE_URL, endpointUrl } from '../../src-main/core/oauth/client-config.ts';

const base = {
  baseUrl: DEFAULT_BASE_URL,
  authorizePath: DEFAULT_AUTHORIZE_PATH,
  clientId: 'demo-client',
  redirectUri: 'http://127.0.0.1:8765/callback',
  state: 'state-123',
};

test('authorization URL uses the configured base and path with the RFC 6749 parameters', () => {
  const url = buildAuthorizationUrl({ ...base, codeChallenge: 'challenge' });
  assert.equal(`${url.origin}${url.pathname}`, 'https://api.airisk.example.com/api/oauth2/Authorize');
  assert.equal(url.searchParams.get('response_type'), 'code');
  assert.equal(url.searchParams.get('client_id'), 'demo-client');
  assert.equal(url.searchParams.get('redirect_uri'), 'http://127.0.0.1:8765/callback');
  assert.equal(url.searchParams.get('state'), 'state-123');
  assert.equal(url.searchParams.get('code_challenge'), 'challenge');
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(url.searchParams.has('userid'), false);
});

test('a user-specific sign-in carries userid, and no PKCE parameters when PKCE is off', () => {
  const url = buildAuthorizationUrl({ ...base, userid: 'user_42' });
  assert.equal(url.searchParams.get('userid'), 'user_42');
  assert.equal(url.searchParams.has('code_challenge'), false);
  assert.equal(url.searchParams.has('code_challenge_method'), false);
});

test('a scope is sent only when one is set', () => {
  assert.equal(buildAuthorizationUrl({ ...base, scope: 'openid profile' }).searchParams.get('scope'), 'openid profile');
  assert.equal(buildAuthorizationUrl({ ...base, scope: '' }).searchParams.has('scope'), false);
  assert.equal(buildAuthorizationUrl(base).searchParams.has('scope'), false);
});

test('endpoint URLs join base and path with or without the base\'s trailing slash, keeping a base path prefix; the path needs its leading /', () => {
  assert.equal(endpointUrl('https://h.example/', '/api/oauth2/Token', 'tokenPath').href, 'https://h.example/api/oauth2/Token');
  assert.equal(endpointUrl('https://h.example', '/api/oauth2/Token', 'tokenPath').href, 'https://h.example/api/oauth2/Token');
  assert.throws(() => endpointUrl('https://h.example', 'api/oauth2/Token', 'tokenPath'), /The token path must start with \//);
  assert.equal(endpointUrl('https://h.example/tenant', '/api/oauth2/Token', 'tokenPath').href, 'https://h.example/tenant/api/oauth2/Token');
});
