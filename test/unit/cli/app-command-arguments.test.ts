import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { userDataDirectory } from '../../../src-main/core/app-paths.ts';
import { parseCliArguments } from '../../../src-main/cli/cli-arguments.ts';
import { runCli } from '../../../src-main/cli/run-cli.ts';
import { UsageError } from '../../../src-main/cli/usage-error.ts';

const env = { AIRISK_TOKEN_TRAY_DATA_DIR: '/data/tray' };

test('header, token and json: the selector, --renew, and the data folder from the variable', () => {
  assert.deepEqual(parseCliArguments(['header'], env), { kind: 'token', format: 'header', selector: {}, renew: false, dataDir: '/data/tray' });
  assert.deepEqual(parseCliArguments(['token', '--user', 'user_42', '--connection', ' Staging '], env), { kind: 'token', format: 'token', selector: { userid: 'user_42', connection: 'Staging' }, renew: false, dataDir: '/data/tray' });
  assert.deepEqual(parseCliArguments(['json', '--generic', '--renew'], env), { kind: 'token', format: 'json', selector: { generic: true }, renew: true, dataDir: '/data/tray' });
});

test('the data folder: --data-dir (made absolute), else AIRISK_TOKEN_TRAY_DATA_DIR, else the app\'s own folder', () => {
  assert.equal(parseCliArguments(['status', '--data-dir', 'relative/dir'], env).kind, 'status');
  assert.deepEqual(parseCliArguments(['status', '--data-dir', 'relative/dir'], env), { kind: 'status', dataDir: resolve('relative/dir') });
  assert.deepEqual(parseCliArguments(['status'], { AIRISK_TOKEN_TRAY_DATA_DIR: '' , XDG_CONFIG_HOME: '/cfg' }), { kind: 'status', dataDir: userDataDirectory({ XDG_CONFIG_HOME: '/cfg' }) });
  if (process.platform === 'linux') assert.equal(userDataDirectory({ XDG_CONFIG_HOME: '/cfg' }), join('/cfg', 'AIRisk Token Tray'));
});

test('list [--json], status, login through the app', () => {
  assert.deepEqual(parseCliArguments(['list'], env), { kind: 'list', json: false, dataDir: '/data/tray' });
  assert.deepEqual(parseCliArguments(['list', '--json'], env), { kind: 'list', json: true, dataDir: '/data/tray' });
  assert.deepEqual(parseCliArguments(['login', '--user', 'user_7', '--connection', 'Staging'], env), { kind: 'app-login', selector: { userid: 'user_7', connection: 'Staging' }, dataDir: '/data/tray' });
});

test('run: its options before "--", the command and its arguments after it untouched (a later "--" included)', () => {
  assert.deepEqual(parseCliArguments(['run', '--user', 'user_42', '--', 'curl', '--user', 'x', '--', '-H'], env), {
    kind: 'run',
    selector: { userid: 'user_42' },
    renew: false,
    dataDir: '/data/tray',
    command: 'curl',
    args: ['--user', 'x', '--', '-H'],
  });
});

test('login --no-app is today\'s one-shot sign-in, with its flags; those flags without --no-app are refused by name', () => {
  const oneShot = parseCliArguments(['login', '--no-app', '--client-id', 'c', '--user', 'user_42'], { AIRISK_CLIENT_SECRET: 's' });
  assert.equal(oneShot.kind, 'login');
  assert.throws(() => parseCliArguments(['login', '--client-id', 'c'], env), (error) => error instanceof UsageError && error.message === '--client-id belongs to the one-shot sign-in without the app: add --no-app (airisk-token login --no-app --client-id …).');
  assert.throws(() => parseCliArguments(['login', '--no-browser'], env), /--no-browser belongs to the one-shot sign-in without the app: add --no-app/);
});

test('every usage error names the problem and the fix', () => {
  const cases: [string[], RegExp][] = [
    [[], /^Missing the command: say one of header, token, json, list, status, run, login/],
    [['frob'], /^Unknown command "frob": say one of header/],
    [['--user', 'x', 'header'], /^Unknown command "--user": put the command first/],
    [['header', '--user', 'a', '--generic'], /^--user and --generic pick different accounts: give one of them\.$/],
    [['header', '--user', 'a b'], /^--user must be a user ID like user_42: 1–128 characters, no spaces or control characters\.$/],
    [['token', '--user', 'x'.repeat(129)], /^--user must be a user ID/],
    [['header', '--connection', ' '], /^--connection is empty: give a connection name/],
    [['header', '--user'], /^Option '--user <value>' argument missing \(header\); see airisk-token --help\.$/],
    [['header', '--data-dir', ''], /^--data-dir is empty/],
    [['header', 'user_42'], /^header takes no arguments besides its options, not "user_42"; see airisk-token --help\.$/],
    [['list', '--user', 'a'], /^Unknown option '--user' for list; see airisk-token --help for its options\.$/],
    [['status', '--json'], /^Unknown option '--json' for status/],
    [['token', '--renew=yes'], /^Option '--renew' does not take an argument \(token\)/],
    [['run', 'curl', 'x'], /^run needs "--" before the command, so its options stay its own/],
    [['run', '--'], /^run needs the command to run after "--"/],
    [['run', '--', ''], /^run needs the command to run after "--"/],
    [['run', '--generic', '--user', 'a', '--', 'x'], /pick different accounts/],
    [['login', '--no-app', '--connection', 'Staging'], /^Unknown option '--connection' for login --no-app/],
    [['login', '--no-app', 'extra'], /^login --no-app takes options only, not "extra"/],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseCliArguments(argv, env), (error) => error instanceof UsageError && message.test(error.message), `${argv.join(' ')}: ${String(message)}`);
  }
});

test('--help / -h / help, also after a command, print the usage on stdout and exit 0', async () => {
  for (const argv of [['--help'], ['-h'], ['help'], ['header', '--help'], ['run', '-h', '--']]) {
    assert.deepEqual(parseCliArguments(argv, env), { kind: 'help' }, argv.join(' '));
  }
  const out = capture();
  assert.equal(await runCli(['--help'], { ...out.io, env }), 0);
  assert.match(out.stdout(), /^Usage: airisk-token COMMAND \[options\]/);
  assert.match(out.stdout(), /Exit status: 0 ok; 1 refused, denied, expired or failed; 2 bad usage; 3 the app is not running/);
  assert.equal(out.stderr(), '');
});

test('bad usage exits 2 with exactly one line on stderr and nothing on stdout', async () => {
  const out = capture();
  assert.equal(await runCli(['header', '--user', 'a', '--generic'], { ...out.io, env }), 2);
  assert.equal(out.stdout(), '');
  assert.equal(out.stderr(), '--user and --generic pick different accounts: give one of them.\n');
});

function capture(): { io: { stdout: PassThrough; stderr: PassThrough; stdin: PassThrough }; stdout: () => string; stderr: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { io: { stdout, stderr, stdin: new PassThrough() }, stdout: () => out, stderr: () => err };
}
