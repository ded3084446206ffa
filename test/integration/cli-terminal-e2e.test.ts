/**
 * End to end: the real CLI process against the real terminal access server (TerminalAccess, H1)
 * on a real Unix socket, with the in-memory token source of test/support/terminal-source.ts
 * standing in for AppService, and the person's answers given through the real ConsentBroker.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { NOT_RUNNING_MESSAGE } from '../../src-main/cli/access-client.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { startFixture, type TerminalFixture } from '../support/terminal-fixture.ts';

const skip = process.platform === 'win32' ? 'the server listens on a Unix socket in these tests' : false;

async function cli(fixture: TerminalFixture, args: readonly string[], env: Record<string, string> = {}) {
  return runCliProcess(args, { AIRISK_TOKEN_TRAY_DATA_DIR: fixture.dataDir, ...env }).exit;
}

async function approved(t: TestContext): Promise<{ fixture: TerminalFixture; shown: string[] }> {
  const fixture = await startFixture(t);
  return { fixture, shown: fixture.autoAnswer('allow').shown };
}

test('header --user user_42 --connection Staging, approved in the app, prints that account\'s header; the next call in the same terminal session is not asked again', { skip }, async (t) => {
  const { fixture, shown } = await approved(t);
  const first = await cli(fixture, ['header', '--user', 'user_42', '--connection', 'Staging']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, `Authorization: Bearer ${fixture.source.tokenOf('a-42-staging')}\n`);
  assert.equal(shown.length, 1, 'one prompt');
  const second = await cli(fixture, ['token', '--user', 'user_42', '--connection', 'staging']);
  assert.equal(second.stdout, `${fixture.source.tokenOf('a-42-staging')}\n`);
  assert.equal(shown.length, 1, 'the approved session covers the second call');
  const view = fixture.broker.view();
  assert.equal(view.sessions.length, 1);
  assert.equal(view.sessions[0]?.accountId, 'a-42-staging');
});

test('json prints the four fields for the active account; --generic picks the generic one', { skip }, async (t) => {
  const { fixture } = await approved(t);
  const json = await cli(fixture, ['json']);
  assert.equal(json.code, 0, json.stderr);
  const printed = JSON.parse(json.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(printed), ['access_token', 'expiration', 'userid', 'connection']);
  assert.deepEqual([printed.access_token, printed.userid, printed.connection], [fixture.source.tokenOf('a-42-staging'), 'user_42', 'Staging']);
  const generic = await cli(fixture, ['token', '--generic', '--connection', 'Staging']);
  assert.equal(generic.stdout, `${fixture.source.tokenOf('a-generic-staging')}\n`);
});

test('denied in the app: exit 1, the app\'s sentence on stderr, nothing on stdout', { skip }, async (t) => {
  const fixture = await startFixture(t);
  fixture.autoAnswer('deny');
  const { code, stdout, stderr } = await cli(fixture, ['header', '--user', 'user_42', '--connection', 'Staging']);
  assert.deepEqual([code, stdout], [1, '']);
  assert.match(stderr, /^The request for user_42 on Staging was denied in AIRisk Token Tray; run the command again to ask again\.\n$/);
});

test('a revoked session is asked again (and refused when denied this time)', { skip }, async (t) => {
  const { fixture, shown } = await approved(t);
  assert.equal((await cli(fixture, ['header'])).code, 0);
  const session = fixture.broker.view().sessions[0];
  assert.ok(session !== undefined);
  fixture.broker.revoke(session.id);
  fixture.autoAnswer('deny');
  const again = await cli(fixture, ['header']);
  assert.equal(again.code, 1);
  assert.equal(shown.length, 1, 'the first prompt only was answered allow');
  assert.match(again.stderr, /was denied in AIRisk Token Tray/);
});

test('an expired token is not printed (exit 1, renew it: …), an ambiguous userid names --connection, an unknown one says how to sign in', { skip }, async (t) => {
  const { fixture } = await approved(t);
  const expired = await cli(fixture, ['header', '--user', 'user_7']);
  assert.deepEqual([expired.code, expired.stdout], [1, '']);
  assert.match(expired.stderr, /^user_7's token on Production expired 3 min ago; renew it: airisk-token login --user user_7 --connection Production\n$/);
  const ambiguous = await cli(fixture, ['token', '--user', 'user_42']);
  assert.equal(ambiguous.code, 1);
  assert.match(ambiguous.stderr, /user_42 has tokens on Staging and Production; add --connection NAME/);
  const unknown = await cli(fixture, ['token', '--user', 'user_99']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /user_99 has no token.*sign in: airisk-token login --user user_99/);
});

test('--renew on an expired token signs in through the app first, then prints the new token', { skip }, async (t) => {
  const { fixture } = await approved(t);
  const old = fixture.source.tokenOf('a-7-prod');
  const { code, stdout, stderr } = await cli(fixture, ['token', '--user', 'user_7', '--renew']);
  assert.equal(code, 0, stderr);
  assert.notEqual(stdout, `${old}\n`);
  assert.equal(stdout, `${fixture.source.tokenOf('a-7-prod')}\n`);
});

test('run -- node -e …: the child sees AIRISK_TOKEN and AIRISK_AUTHORIZATION and its exit status is the CLI\'s', { skip }, async (t) => {
  const { fixture } = await approved(t);
  const script = 'const e = process.env; console.log(JSON.stringify([e.AIRISK_TOKEN, e.AIRISK_AUTHORIZATION, e.AIRISK_TOKEN_TRAY_DATA_DIR ?? null])); process.exit(7)';
  const { code, stdout, stderr } = await cli(fixture, ['run', '--user', 'user_42', '--connection', 'Production', '--', process.execPath, '-e', script]);
  assert.equal(code, 7, stderr);
  const token = fixture.source.tokenOf('a-42-prod');
  assert.deepEqual(JSON.parse(stdout), [token, `Bearer ${token}`, null]);
});

test('list and status from the real server: accounts with connection, status and time left, never a token', { skip }, async (t) => {
  const fixture = await startFixture(t);
  const list = await cli(fixture, ['list']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^\* user_42 on Staging {2,}valid {2,}1 h left$/m);
  assert.match(list.stdout, /^ {2}user_7 on Production {2,}expired {2,}expired 3 min ago$/m);
  const status = await cli(fixture, ['status']);
  assert.match(status.stdout, new RegExp(`^AIRisk Token Tray 0\\.1\\.0-test is running; terminal access is on \\(${fixture.endpoint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)\\.\n`));
  for (const token of fixture.source.issued) assert.ok(!list.stdout.includes(token) && !status.stdout.includes(token));
  assert.equal(fixture.broker.view().consent, null, 'list and status ask nobody');
});

test('login through the app signs in (the source mints a new token) and prints its header', { skip }, async (t) => {
  const { fixture } = await approved(t);
  const before = fixture.source.tokenOf('a-42-staging');
  const { code, stdout, stderr } = await cli(fixture, ['login', '--user', 'user_42', '--connection', 'Staging']);
  assert.equal(code, 0, stderr);
  const after = fixture.source.tokenOf('a-42-staging');
  assert.notEqual(after, before);
  assert.equal(stdout, `Authorization: Bearer ${after}\n`);
});

test('a key file that no longer matches the server\'s key: 401 from the server, exit 1 with its sentence', { skip }, async (t) => {
  const fixture = await startFixture(t);
  await writeFile(join(fixture.dataDir, 'terminal', 'access-key'), `${'0'.repeat(64)}\n`);
  const { code, stdout, stderr } = await cli(fixture, ['status']);
  assert.deepEqual([code, stdout], [1, '']);
  assert.match(stderr, /^The request lacks the right X-AIRisk-Key/);
});

test('status after the app closed terminal access: exit 3, the one sentence', { skip }, async (t) => {
  const fixture = await startFixture(t);
  await fixture.access.close();
  const { code, stdout, stderr } = await cli(fixture, ['status']);
  assert.deepEqual([code, stdout, stderr], [3, '', `${NOT_RUNNING_MESSAGE}\n`]);
});

test('every command\'s stdout and stderr: a token only on stdout of header/token/json/run/login, the key nowhere', { skip }, async (t) => {
  const { fixture } = await approved(t);
  const commands: [string[], boolean][] = [
    [['header', '--user', 'user_42', '--connection', 'Staging'], true],
    [['token', '--generic'], true],
    [['json', '--user', 'user_42', '--connection', 'Production'], true],
    [['run', '--', process.execPath, '-e', 'console.log(process.env.AIRISK_TOKEN)'], true],
    [['login', '--user', 'user_42', '--connection', 'Production'], true],
    [['list'], false],
    [['list', '--json'], false],
    [['status'], false],
    [['header', '--user', 'user_7'], false],
    [['token', '--user', 'user_42'], false],
  ];
  for (const [args, printsToken] of commands) {
    const { code, stdout, stderr } = await cli(fixture, args);
    const label = `${args.join(' ')} (exit ${String(code)}): ${stderr}`;
    const issued = fixture.source.issued;
    assert.ok(!issued.some((token) => stderr.includes(token)), `${label}: a token on stderr`);
    assert.equal(issued.some((token) => stdout.includes(token)), printsToken, `${label}: token on stdout?`);
    assert.ok(!stdout.includes(fixture.key) && !stderr.includes(fixture.key), `${label}: the key was printed`);
  }
});
