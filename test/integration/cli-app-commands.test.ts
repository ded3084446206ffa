/**
 * The app commands of the real CLI process (`node src-main/cli.ts …`) against a stand-in access
 * server on a real Unix socket (test/support/stand-in-access-server.ts), which can give the
 * answers the real one never does; cli-terminal-e2e.test.ts runs against the real TerminalAccess.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { NOT_RUNNING_MESSAGE } from '../../src-main/cli/access-client.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { brief, errorBody, startStandInServer, tokenAnswer, type SeenRequest, type StandInAnswer, type StandInServer } from '../support/stand-in-access-server.ts';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzQyIn0.c2lnbmF0dXJl';
let app: StandInServer;

function normalAnswers(request: SeenRequest): StandInAnswer {
  if (request.path === '/v1/token' || request.path === '/v1/login') return { status: 200, body: tokenAnswer(TOKEN) };
  if (request.path === '/v1/accounts') return { status: 200, body: { accounts: [brief(), brief({ userid: null, name: 'Generic', connection: 'Production', status: 'expired', secondsLeft: -200, active: false })] } };
  if (request.path === '/v1/status') return { status: 200, body: { app: 'AIRisk Token Tray', version: '0.1.0', accounts: [brief()] } };
  return { status: 404, body: errorBody('not_found', 'No such path.') };
}

before(async () => {
  app = await startStandInServer(normalAnswers);
});
after(() => app.close());

const cli = (args: readonly string[], env: Record<string, string> = {}) => runCliProcess(args, { AIRISK_TOKEN_TRAY_DATA_DIR: app.dataDir, ...env });
const lastRequest = (): SeenRequest => app.requests.at(-1) ?? assert.fail('no request reached the app');

test('header --user user_42 prints exactly the header; the request carries the key, the CLI\'s own pid and the selector', async () => {
  app.answerWith(normalAnswers);
  const run = cli(['header', '--user', 'user_42']);
  const { code, stdout, stderr } = await run.exit;
  assert.equal(code, 0, stderr);
  assert.equal(stdout, `Authorization: Bearer ${TOKEN}\n`);
  assert.equal(stderr, '');
  const seen = lastRequest();
  assert.equal(seen.method, 'POST');
  assert.equal(seen.path, '/v1/token');
  assert.equal(seen.headers['x-airisk-key'], app.key);
  const client = JSON.parse(String(seen.headers['x-airisk-client'])) as { pid: number; ppid: number };
  assert.equal(client.pid, run.pid);
  assert.ok(Number.isInteger(client.ppid) && client.ppid > 0, 'the parent pid (the terminal session on Windows)');
  assert.deepEqual(seen.body, { userid: 'user_42' });
});

test('token prints the bare token; json the four documented fields in order; --generic, --connection and --renew go into the body', async () => {
  app.answerWith(normalAnswers);
  assert.equal((await cli(['token', '--generic', '--connection', 'Production']).exit).stdout, `${TOKEN}\n`);
  assert.deepEqual(lastRequest().body, { generic: true, connection: 'Production' });
  const json = await cli(['json', '--user', 'user_42', '--connection', 'staging', '--renew']).exit;
  assert.equal(json.code, 0, json.stderr);
  assert.equal(json.stdout, `${JSON.stringify({ access_token: TOKEN, expiration: '2030-01-01T00:00:00Z', userid: 'user_42', connection: 'Staging' })}\n`);
  assert.deepEqual(lastRequest().body, { userid: 'user_42', connection: 'staging', renew: true });
  assert.equal((await cli(['header', '--data-dir', app.dataDir], { AIRISK_TOKEN_TRAY_DATA_DIR: '/nonexistent' }).exit).code, 0, '--data-dir wins over the variable');
});

test('an expired token is not printed: exit 1, the app\'s sentence alone on stderr, stdout empty', async () => {
  const sentence = "user_42's token on Staging expired 3 min ago; renew it: airisk-token login --user user_42 --connection Staging";
  app.answerWith(() => ({ status: 409, body: errorBody('expired', sentence) }));
  const { code, stdout, stderr } = await cli(['header', '--user', 'user_42']).exit;
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(stderr, `${sentence}\n`);
});

test('denied, a wrong key and an unreadable answer each exit 1 with one sentence', async () => {
  app.answerWith(() => ({ status: 403, body: errorBody('denied', 'The request was denied in AIRisk Token Tray.') }));
  const denied = await cli(['token']).exit;
  assert.deepEqual([denied.code, denied.stdout, denied.stderr], [1, '', 'The request was denied in AIRisk Token Tray.\n']);
  app.answerWith(() => ({ status: 401, body: errorBody('bad_key', 'The access key is wrong; restart AIRisk Token Tray.') }));
  assert.equal((await cli(['list']).exit).code, 1);
  app.answerWith(() => ({ status: 200, body: null, raw: '<html>hello</html>' }));
  const unreadable = await cli(['status']).exit;
  assert.equal(unreadable.code, 1);
  assert.match(unreadable.stderr, /^AIRisk Token Tray gave an answer this command cannot read \(HTTP 200\); update airisk-token/);
  app.answerWith(() => ({ status: 200, body: tokenAnswer('line\nbreak') }));
  const unsafe = await cli(['header']).exit;
  assert.deepEqual([unsafe.code, unsafe.stdout], [1, '']);
  assert.match(unsafe.stderr, /cannot stand in an HTTP header, so nothing was printed/);
});

test('escape sequences in the app\'s message never reach the terminal', async () => {
  app.answerWith(() => ({ status: 403, body: errorBody('denied', 'Denied\u001b]0;owned\u0007\u001b[2J\u202e.') }));
  const { stderr } = await cli(['token']).exit;
  assert.equal(stderr, 'Denied ]0;owned [2J.\n');
});

test('while the app waits for the person, stderr says where to look (stdout stays empty until the token)', async () => {
  app.answerWith((request) => ({ ...normalAnswers(request), delayMs: 900 }));
  const { code, stdout, stderr } = await cli(['header']).exit;
  assert.equal(code, 0);
  assert.equal(stdout, `Authorization: Bearer ${TOKEN}\n`);
  assert.match(stderr, /^Waiting for AIRisk Token Tray: approve the request in its window if it asks … \(Ctrl\+C cancels\)\n$/);
});

test('login asks the app (POST /v1/login), says so on stderr, and prints the header', async () => {
  app.answerWith(normalAnswers);
  const { code, stdout, stderr } = await cli(['login', '--user', 'user_7', '--connection', 'Staging']).exit;
  assert.equal(code, 0, stderr);
  assert.equal(stdout, `Authorization: Bearer ${TOKEN}\n`);
  assert.match(stderr, /Signing in through AIRisk Token Tray/);
  assert.equal(lastRequest().path, '/v1/login');
  assert.deepEqual(lastRequest().body, { userid: 'user_7', connection: 'Staging' });
});

test('list shows connection, status and time left, never a token, even one the app put in a brief; list --json keeps only the documented fields', async () => {
  app.answerWith((request) => (request.path === '/v1/accounts' ? { status: 200, body: { accounts: [brief({ access_token: TOKEN }), brief({ userid: null, name: 'Generic', connection: 'Production', status: 'expired', secondsLeft: -200, active: false })] } } : normalAnswers(request)));
  const text = await cli(['list']).exit;
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stdout, '* user_42 on Staging     valid    42 min left\n  Generic on Production  expired  expired 3 min ago\n');
  const json = await cli(['list', '--json']).exit;
  const accounts = JSON.parse(json.stdout) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(accounts[0] ?? {}), ['userid', 'name', 'connection', 'status', 'expiration', 'secondsLeft', 'active']);
  assert.ok(!json.stdout.includes(TOKEN) && !text.stdout.includes(TOKEN));
});

test('status: the app, its version, the socket, the accounts in brief', async () => {
  app.answerWith(normalAnswers);
  const { code, stdout } = await cli(['status']).exit;
  assert.equal(code, 0);
  assert.equal(stdout, `AIRisk Token Tray 0.1.0 is running; terminal access is on (${app.endpoint}).\nAccounts (* = active):\n  * user_42 on Staging  valid  42 min left\n`);
});

test('not running: no terminal folder, no key, or a stale socket nobody answers on — exit 3, the one sentence, stdout empty', async (t) => {
  const empty = await mkdtemp(join(tmpdir(), 'airisk-cli-none-'));
  t.after(() => rm(empty, { recursive: true, force: true }));
  for (const command of [['status'], ['header'], ['list', '--json'], ['login'], ['run', '--', 'node', '-e', 'console.log("ran")']]) {
    const [name = '', ...rest] = command;
    const { code, stdout, stderr } = await runCliProcess([name, '--data-dir', empty, ...rest]).exit;
    assert.deepEqual([code, stdout, stderr], [3, '', `${NOT_RUNNING_MESSAGE}\n`], command.join(' '));
  }
  const viaEnv = await runCliProcess(['run', '--', 'node', '-e', '0'], { AIRISK_TOKEN_TRAY_DATA_DIR: empty }).exit;
  assert.deepEqual([viaEnv.code, viaEnv.stderr], [3, `${NOT_RUNNING_MESSAGE}\n`]);

  await mkdir(join(empty, 'terminal'), { mode: 0o700 });
  await writeFile(join(empty, 'terminal', 'access-key'), `${'a'.repeat(64)}\n`, { mode: 0o600 });
  assert.equal((await runCliProcess(['status', '--data-dir', empty]).exit).code, 3, 'a key but no socket');

  if (process.platform === 'win32') return;
  // A stale socket: its listener was killed, so the file stays and connecting is refused.
  const socket = join(empty, 'terminal', 'access.sock');
  await new Promise<void>((resolve, reject) => {
    const squatter = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(socket)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    squatter.once('error', reject);
    squatter.once('close', () => resolve());
  });
  assert.ok((await stat(socket)).isSocket(), 'the killed listener left its socket file');
  const stale = await runCliProcess(['status', '--data-dir', empty]).exit;
  assert.deepEqual([stale.code, stale.stderr], [3, `${NOT_RUNNING_MESSAGE}\n`]);
});
