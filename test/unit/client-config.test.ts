import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_REDIRECT_URI, DEFAULT_TOKEN_PATH, findClientConfigProblems, type AiriskClientConfig } from '../../src-main/core/oauth/client-config.ts';

const good: AiriskClientConfig = {
  baseUrl: 'https://api.AIRisk.example.com',
  authorizePath: DEFAULT_AUTHORIZE_PATH,
  tokenPath: DEFAULT_TOKEN_PATH,
  clientId: 'client',
  clientSecret: 'secret',
  redirectUri: DEFAULT_REDIRECT_URI,
  bodyEncoding: 'form',
};

test('a complete https configuration has no problems; loopback http is allowed for the sandbox', () => {
  assert.deepEqual(findClientConfigProblems(good), []);
  assert.deepEqual(findClientConfigProblems({ ...good, baseUrl: 'http://127.0.0.1:8790' }), []);
  assert.deepEqual(findClientConfigProblems({ ...good, baseUrl: 'http://localhost:8790' }), []);
});

test('plain http to a remote host, missing credentials and bad paths are each named', () => {
  const found = findClientConfigProblems({ ...good, baseUrl: 'http://api.AIRisk.example.com', clientId: ' ', clientSecret: '', tokenPath: 'Token' });
  assert.deepEqual(found.map((problem) => problem.field), ['baseUrl', 'tokenPath', 'clientId', 'clientSecret']);
  const problems = found.map((problem) => problem.message);
  assert.match(problems.join('\n'), /must start with https:\/\//);
  assert.match(problems.join('\n'), /client id is missing/);
  assert.match(problems.join('\n'), /client secret is missing/);
  assert.match(problems.join('\n'), /token path must start with \//);
});

test('an unparsable base URL is reported, not thrown', () => {
  assert.match(findClientConfigProblems({ ...good, baseUrl: 'api dot airisk' })[0]?.message ?? '', /is not a URL/);
});
