/**
 * `airisk-token run -- CMD ARGS…` with real children: the token in CMD's environment (and none of
 * our other variables), CMD's exit status returned, signals forwarded, CMD not found.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { startStandInServer, tokenAnswer, type StandInServer } from '../support/stand-in-access-server.ts';

const TOKEN = 'run-token.abc_DEF-123';
let app: StandInServer;
let scratch: string;

before(async () => {
  app = await startStandInServer(() => ({ status: 200, body: tokenAnswer(TOKEN) }));
  scratch = await mkdtemp(join(tmpdir(), 'airisk-cli-run-'));
});
after(async () => {
  await app.close();
  await rm(scratch, { recursive: true, force: true });
});

const env = () => ({ AIRISK_TOKEN_TRAY_DATA_DIR: app.dataDir, AIRISK_CLIENT_SECRET: 'client-secret-never-passed-on', SOME_OTHER: 'kept' });

test('run -- node -e …: CMD sees AIRISK_TOKEN and AIRISK_AUTHORIZATION, none of our other variables, the rest of the environment; its exit status 7 is the CLI\'s', async () => {
  const script = 'const e = process.env; console.log(JSON.stringify({ token: e.AIRISK_TOKEN, authorization: e.AIRISK_AUTHORIZATION, ours: Object.keys(e).filter((n) => /^AIRISK_/i.test(n)).sort(), other: e.SOME_OTHER, args: process.argv.slice(1) })); process.exit(7);';
  const { code, stdout, stderr } = await runCliProcess(['run', '--user', 'user_42', '--', process.execPath, '-e', script, 'first', '--', '--user', 'x'], env()).exit;
  assert.equal(code, 7, stderr);
  assert.equal(stderr, '');
  assert.deepEqual(JSON.parse(stdout), { token: TOKEN, authorization: `Bearer ${TOKEN}`, ours: ['AIRISK_AUTHORIZATION', 'AIRISK_TOKEN'], other: 'kept', args: ['first', '--', '--user', 'x'] });
  assert.deepEqual(app.requests.at(-1)?.body, { userid: 'user_42' });
});

test('run passes stdin through to CMD and returns 0 for a clean exit', async () => {
  const run = runCliProcess(['run', '--', process.execPath, '-e', 'process.stdin.pipe(process.stdout)'], env());
  run.writeStdin('piped line\n');
  run.endStdin();
  const { code, stdout } = await run.exit;
  assert.deepEqual([code, stdout], [0, 'piped line\n']);
});

test('SIGTERM, SIGINT and SIGHUP sent to the CLI reach CMD, and CMD\'s answer is the CLI\'s exit status', async (t) => {
  if (process.platform === 'win32') return t.skip('POSIX signals');
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    const mark = join(scratch, `${signal}.txt`);
    const script = `process.on(${JSON.stringify(signal)}, () => { require('node:fs').writeFileSync(${JSON.stringify(mark)}, 'got ${signal}'); process.exit(42); }); console.log('ready'); setInterval(() => {}, 1000);`;
    const run = runCliProcess(['run', '--', process.execPath, '-e', script], env());
    await waitForOutput(run, 'ready');
    process.kill(run.pid ?? 0, signal);
    const { code } = await run.exit;
    assert.equal(code, 42, signal);
    assert.equal(await readFile(mark, 'utf8'), `got ${signal}`);
  }
});

test('a CMD killed by a signal gives 128 + its number, as a shell reports it', async (t) => {
  if (process.platform === 'win32') return t.skip('POSIX signals');
  const { code } = await runCliProcess(['run', '--', process.execPath, '-e', 'process.kill(process.pid, "SIGKILL")'], env()).exit;
  assert.equal(code, 137);
});

test('a CMD that does not exist: exit 127 and the sentence names it and the fix; stdout empty', async () => {
  const { code, stdout, stderr } = await runCliProcess(['run', '--', 'airisk-no-such-command-xyz', '--flag'], env()).exit;
  assert.deepEqual([code, stdout, stderr], [127, '', 'airisk-token run: airisk-no-such-command-xyz: command not found; check the name and your PATH.\n']);
});

test('a CMD that is not executable: exit 126', async (t) => {
  if (process.platform === 'win32') return t.skip('POSIX permissions');
  const { code, stderr } = await runCliProcess(['run', '--', join(process.cwd(), 'package.json')], env()).exit;
  assert.equal(code, 126);
  assert.match(stderr, /package\.json: cannot be started \(EACCES\); check that it is an executable file\.\n$/);
});

/** Resolves once the CLI's stdout (CMD's, passed through) holds `text`. */
async function waitForOutput(run: CliRun, text: string): Promise<void> {
  let exited = false;
  void run.exit.then(() => {
    exited = true;
  });
  const deadline = Date.now() + 10_000;
  while (!run.stdoutSoFar().includes(text)) {
    if (exited) assert.fail(`the CLI exited before CMD printed ${text}`);
    if (Date.now() > deadline) assert.fail(`CMD did not print ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
