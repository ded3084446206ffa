import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCliArguments } from '../../src-main/cli/cli-arguments.ts';
import { USAGE } from '../../src-main/cli/cli-usage.ts';
import { UsageError } from '../../src-main/cli/usage-error.ts';

const env = { AIRISK_CLIENT_SECRET: 'demo-secret' };

test('login defaults: documented base URL and paths, loopback redirect, form body, header output, browser on', () => {
  const command = parseCliArguments(['login', '--no-app', '--client-id', 'demo-client'], env);
  assert.equal(command.kind, 'login');
  if (command.kind !== 'login') return;
  assert.equal(command.config.baseUrl, 'https://api.AIRisk.example.com');
  assert.equal(command.config.authorizePath, '/api/oauth2/Authorize');
  assert.equal(command.config.tokenPath, '/api/oauth2/Token');
  assert.equal(command.config.redirectUri, 'http://127.0.0.1:8765/callback');
  assert.equal(command.config.bodyEncoding, 'form');
  assert.equal(command.config.clientSecret, 'demo-secret');
  assert.equal(command.format, 'header');
  assert.equal(command.openBrowser, true);
  assert.equal(command.userid, undefined);
});

test('every option is read, and the client id may come from AIRISK_CLIENT_ID', () => {
  const command = parseCliArguments(
    ['login', '--no-app', '--user', 'user_42', '--base-url', 'http://127.0.0.1:8790', '--redirect-uri', 'http://[::1]:0/callback', '--body', 'json', '--no-browser', '--paste', '--format', 'json', '--timeout', '2.5'],
    { ...env, AIRISK_CLIENT_ID: 'from-env' },
  );
  assert.deepEqual(command, {
    kind: 'login',
    config: {
      baseUrl: 'http://127.0.0.1:8790',
      authorizePath: '/api/oauth2/Authorize',
      tokenPath: '/api/oauth2/Token',
      clientId: 'from-env',
      clientSecret: 'demo-secret',
      redirectUri: 'http://[::1]:0/callback',
      bodyEncoding: 'json',
    },
    userid: 'user_42',
    openBrowser: false,
    paste: true,
    format: 'json',
    callbackTimeoutMs: 2500,
  });
});

test('the client secret is refused on the command line and required in the environment', () => {
  assert.throws(() => parseCliArguments(['login', '--no-app', '--client-id', 'c', '--client-secret', 's'], env), /AIRISK_CLIENT_SECRET/);
  assert.throws(() => parseCliArguments(['login', '--no-app', '--client-id', 'c', '--client-secret=s'], env), /shell history/);
  assert.throws(() => parseCliArguments(['login', '--no-app', '--client-id', 'c'], {}), /No client secret/);
});

test('bad usage names the problem', () => {
  const cases: [string[], RegExp][] = [
    [[], /Missing the command/],
    [['logout'], /Unknown command "logout"/],
    [['login', '--no-app'], /No client id/],
    [['login', '--no-app', '--client-id', 'c', '--body', 'xml'], /--body must be form or json/],
    [['login', '--no-app', '--client-id', 'c', '--format', 'yaml'], /--format must be header, token or json/],
    [['login', '--no-app', '--client-id', 'c', '--timeout=-1'], /--timeout must be a positive number/],
    [['login', '--no-app', '--client-id', 'c', '--colour'], /Unknown option '--colour'/],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseCliArguments(argv, env), (error) => error instanceof UsageError && message.test(error.message), argv.join(' '));
  }
});

test('--scope and --issuer go into the client config only when given, checked like the settings', () => {
  const command = parseCliArguments(['login', '--no-app', '--client-id', 'c', '--scope', ' openid profile ', '--issuer', 'https://login.example.com'], env);
  assert.ok(command.kind === 'login');
  assert.equal(command.config.scope, 'openid profile');
  assert.equal(command.config.issuer, 'https://login.example.com');
  const plain = parseCliArguments(['login', '--no-app', '--client-id', 'c'], env);
  assert.ok(plain.kind === 'login');
  assert.equal('scope' in plain.config, false);
  assert.equal('issuer' in plain.config, false);
  assert.throws(() => parseCliArguments(['login', '--no-app', '--client-id', 'c', '--scope', 'a\u0007b'], env), (error) => error instanceof UsageError && /^--scope: .*printable/.test(error.message));
  assert.throws(() => parseCliArguments(['login', '--no-app', '--client-id', 'c', '--issuer', 'http://login.example.com'], env), (error) => error instanceof UsageError && /^--issuer: .*https/.test(error.message));
  assert.match(USAGE, /--scope VALUE/);
  assert.match(USAGE, /--issuer URL/);
});

test('--help needs nothing else', () => {
  assert.deepEqual(parseCliArguments(['--help'], {}), { kind: 'help' });
});
