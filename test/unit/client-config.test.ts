import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_AUTHORIZE_PATH,
  DEFAULT_REDIRECT_URI,
  DEFAULT_TOKEN_PATH,
  endpointUrl,
  findClientConfigProblems,
  resolveEndpoint,
  type AiriskClientConfig,
} from '../../src-main/core/oauth/client-config.ts';
import { parseCliArguments } from '../../src-main/cli/cli-arguments.ts';
import { UsageError } from '../../src-main/cli/usage-error.ts';
import { isSignInError } from '../../src-main/core/oauth/sign-in-error.ts';

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

/** Paths that would send a request to another origin (or to a look-alike of the base), each refused. */
const LEAVING_PATHS = [
  '/\\\\127.0.0.1:9999/steal', // "/\\host": backslashes count as slashes in http(s) URLs
  '/\\/127.0.0.1:9999/steal',
  '\\\\127.0.0.1:9999/steal',
  '//127.0.0.1:9999/steal',
  '///127.0.0.1:9999/steal',
  '/%5C%5C127.0.0.1:9999/steal',
  '/%5c127.0.0.1/steal',
  '/\t/127.0.0.1:9999/steal', // URL parsing silently drops tabs and newlines
  '/\n/127.0.0.1:9999/steal',
  '/\r\n/127.0.0.1:9999/steal',
  '/%0a/x',
  '/\u202e/x',
  '/http:127.0.0.1:9999/steal', // another scheme is an absolute URL
  '/https://other.example/',
  'https://other.example/api/oauth2/Token',
  '/javascript:alert(1)',
  '/../../oauth2/Token', // climbs above the base path
  '/%2e%2e/%2e%2e/oauth2/Token',
  '/api/Token?x=1',
  '/api/Token#x',
];

test('refuses a token endpoint path that leaves the base URL\'s origin or path, naming the field', () => {
  for (const path of LEAVING_PATHS) {
    const resolved = resolveEndpoint('https://gw.example.com/airisk', path, 'tokenPath');
    assert.equal(resolved.ok, false, JSON.stringify(path));
    if (resolved.ok) continue;
    assert.equal(resolved.problem.field, 'tokenPath');
    assert.match(resolved.problem.message, /^The token path /, JSON.stringify(path));
    assert.throws(() => endpointUrl('https://gw.example.com/airisk', path, 'tokenPath'), (error: unknown) => isSignInError(error, 'invalid_configuration'), JSON.stringify(path));
  }
  const authorize = resolveEndpoint('http://127.0.0.1:8790', '/\\\\127.0.0.1:9999/steal', 'authorizePath');
  assert.equal(authorize.ok ? '' : authorize.problem.message.slice(0, 27), 'The authorization path must');
});

test('a path whose first segment reads as a scheme is refused, not rewritten to a path on the base', () => {
  const resolved = resolveEndpoint('http://127.0.0.1:8790', '/https:127.0.0.1:9999/steal', 'tokenPath');
  assert.equal(resolved.ok ? '' : resolved.problem.message, 'The token path must have no ":" in its first segment ("https:127.0.0.1:9999" reads as a URL scheme) (default /api/oauth2/Token).');
  for (const path of ['/https:evil/x', '/https:', '/mailto:x', '/a:b']) {
    assert.equal(resolveEndpoint('https://api.example.com', path, 'tokenPath').ok, false, path);
  }
  assert.equal(resolveEndpoint('https://api.example.com', '/api/a:b', 'tokenPath').ok, true, 'a ":" after the first segment is an ordinary path character');
});

test('an empty path, or one without the leading /, is refused by resolveEndpoint itself (and so by endpointUrl)', () => {
  const refused = (path: string): string => {
    const resolved = resolveEndpoint('https://api.example.com', path, 'authorizePath');
    return resolved.ok ? `accepted as ${resolved.url.href}` : resolved.problem.message;
  };
  assert.equal(refused(''), 'The authorization path is empty; enter the path of the endpoint on the base URL (default /api/oauth2/Authorize).');
  assert.equal(refused('https:'), 'The authorization path must start with / (default /api/oauth2/Authorize).');
  assert.equal(refused('evil.com'), 'The authorization path must start with / (default /api/oauth2/Authorize).');
  assert.throws(() => endpointUrl('https://api.example.com', 'evil.com', 'tokenPath'), (error: unknown) => isSignInError(error, 'invalid_configuration'));
  assert.throws(() => endpointUrl('https://api.example.com', '', 'tokenPath'), (error: unknown) => isSignInError(error, 'invalid_configuration'));
});

test('a base URL with a user name or password is reported once, as a base URL problem, not as a problem of each path', () => {
  const found = findClientConfigProblems({ ...good, baseUrl: 'https://user:pass@api.example.com' });
  assert.deepEqual(found, [{ field: 'baseUrl', message: 'The AIRisk base URL must not contain a user name or password.' }]);
  const resolved = resolveEndpoint('https://user:pass@api.example.com', '/api/oauth2/Token', 'tokenPath');
  assert.equal(resolved.ok ? '' : resolved.problem.message, 'The token path cannot be joined to a base URL with a user name or password (default /api/oauth2/Token).');
  const badPath = findClientConfigProblems({ ...good, baseUrl: 'https://user:pass@api.example.com', tokenPath: '/\\\\evil/x' });
  assert.deepEqual(badPath.map((problem) => problem.field), ['baseUrl', 'tokenPath'], 'the path\'s own text is still checked');
});

test('paths that stay on the base URL\'s origin and under its path are joined below it', () => {
  const joined = (base: string, path: string): string => {
    const resolved = resolveEndpoint(base, path, 'tokenPath');
    assert.ok(resolved.ok, `${base} + ${path}`);
    return resolved.url.href;
  };
  assert.equal(joined('https://api.AIRisk.example.com', '/api/oauth2/Token'), 'https://api.airisk.example.com/api/oauth2/Token');
  assert.equal(joined('https://gw.example.com/airisk', '/api/oauth2/Token'), 'https://gw.example.com/airisk/api/oauth2/Token');
  assert.equal(joined('https://gw.example.com/airisk/', '/api/oauth2/Token'), 'https://gw.example.com/airisk/api/oauth2/Token');
  assert.equal(joined('http://127.0.0.1:8790', '/@evil.example/Token'), 'http://127.0.0.1:8790/@evil.example/Token');
  assert.equal(joined('https://gw.example.com/airisk', '/v2/../api/Token'), 'https://gw.example.com/airisk/api/Token');
  assert.equal(joined('https://gw.example.com/airisk', '/api/oauth2%2FToken'), 'https://gw.example.com/airisk/api/oauth2%2FToken');
});

test('findClientConfigProblems refuses an origin-leaving path for each endpoint field', () => {
  const found = findClientConfigProblems({ ...good, authorizePath: '/\\/evil.example/Authorize', tokenPath: '/\\\\127.0.0.1:9999/steal' });
  assert.deepEqual(found.map((problem) => problem.field), ['authorizePath', 'tokenPath']);
});

test('a --token-path that leaves the base URL\'s origin is bad usage, named', () => {
  assert.throws(
    () => parseCliArguments(['login', '--no-app', '--client-id', 'c', '--base-url', 'http://127.0.0.1:8790', '--token-path', '/\\\\127.0.0.1:9999/steal'], { AIRISK_CLIENT_SECRET: 's' }),
    (error: unknown) => error instanceof UsageError && /^The token path /.test(error.message),
  );
});
