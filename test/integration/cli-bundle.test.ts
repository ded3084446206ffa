/**
 * The bundled `airisk-token` (scripts/build-cli.ts) is one file that the SYSTEM Node (20 on this
 * machine, /usr/bin/node) runs with nothing installed: `--help`, `status` with no app, a token from
 * a stand-in app, `run`, and a whole one-shot sign-in against the sandbox.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCli } from '../../scripts/build-cli.ts';
import { NOT_RUNNING_MESSAGE } from '../../src-main/cli/access-client.ts';
import { startSandbox, type Sandbox } from '../sandbox/sandbox-server.ts';
import { runCliProcess, type CliProgram } from '../support/cli-process.ts';
import { completeConsent } from '../support/consent.ts';
import { whoAmI } from '../support/sign-in-fixtures.ts';
import { startStandInServer, tokenAnswer } from '../support/stand-in-access-server.ts';

const SYSTEM_NODE = '/usr/bin/node';

/** The system Node's major version, or why it cannot be used. */
function systemNode(): { major: number } | { skip: string } {
  if (!existsSync(SYSTEM_NODE)) return { skip: `${SYSTEM_NODE} is absent: no system Node to prove the bundle on` };
  const version = execFileSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).trim();
  const major = Number(/^v(\d+)\./.exec(version)?.[1]);
  return major >= 20 ? { major } : { skip: `${SYSTEM_NODE} is ${version}; the bundle promises Node 20 or newer` };
}

const node = systemNode();
let folder: string;
let program: CliProgram;
let bundle: string;

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'airisk-cli-bundle-'));
  bundle = join(folder, 'airisk-token.mjs');
  assert.ok(await buildCli(bundle, () => undefined), 'the bundle builds without errors or warnings');
  program = { node: SYSTEM_NODE, cli: bundle };
});
after(() => rm(folder, { recursive: true, force: true }));

test('the bundle is one executable file with a node shebang that imports nothing but Node\'s built-ins', async () => {
  const text = await readFile(bundle, 'utf8');
  assert.match(text, /^#!\/usr\/bin\/env node\n/);
  if (process.platform !== 'win32') assert.equal((await stat(bundle)).mode & 0o777, 0o755);
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  const specifiers = [...text.matchAll(/(?<!['`])\bimport\s*(?:(?:\*\s*as\s+[\w$]+|\{[^}]*\}|[\w$]+)\s*from\s*)?"([^"]+)"|\bimport\s*\(\s*"([^"]+)"\s*\)/g)].map((match) => match[1] ?? match[2] ?? '');
  assert.ok(specifiers.length > 0, 'the bundle imports node built-ins');
  assert.deepEqual(specifiers.filter((specifier) => !builtins.has(specifier)), [], 'no import of anything but a built-in');
});

test('system Node runs --help (exit 0) and status with no app (exit 3, the one sentence)', async (t) => {
  if ('skip' in node) return t.skip(node.skip);
  const help = await runCliProcess(['--help'], {}, program).exit;
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^Usage: airisk-token COMMAND/);
  const empty = await mkdtemp(join(folder, 'data-'));
  const status = await runCliProcess(['status', '--data-dir', empty], {}, program).exit;
  assert.deepEqual([status.code, status.stdout, status.stderr], [3, '', `${NOT_RUNNING_MESSAGE}\n`]);
});

test('system Node: header from a stand-in app, and run returning the child\'s status', async (t) => {
  if ('skip' in node) return t.skip(node.skip);
  const app = await startStandInServer(() => ({ status: 200, body: tokenAnswer('bundled.token') }));
  t.after(() => app.close());
  const header = await runCliProcess(['header', '--data-dir', app.dataDir], {}, program).exit;
  assert.deepEqual([header.code, header.stdout], [0, 'Authorization: Bearer bundled.token\n']);
  const run = await runCliProcess(['run', '--data-dir', app.dataDir, '--', SYSTEM_NODE, '-e', 'process.exit(process.env.AIRISK_TOKEN === "bundled.token" ? 7 : 1)'], {}, program).exit;
  assert.equal(run.code, 7, run.stderr);
});

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

test('system Node: login --no-app signs in against the sandbox and prints a header AIRisk accepts (callback server included)', async (t) => {
  if ('skip' in node) return t.skip(node.skip);
  const run = runCliProcess(['login', '--no-app', '--base-url', sandbox.url, '--client-id', 'demo-client', '--redirect-uri', 'http://127.0.0.1:0/callback', '--no-browser', '--user', 'user_42'], { AIRISK_CLIENT_SECRET: 'demo-secret' }, program);
  const url = await Promise.race([run.authorizationUrl, run.exit.then(({ stderr }) => assert.fail(`exited before the sign-in address: ${stderr}`))]);
  await completeConsent(url, 'approve');
  const { code, stdout, stderr } = await run.exit;
  assert.equal(code, 0, stderr);
  assert.equal((await whoAmI(sandbox, stdout.trim())).status, 200);
});

test('system Node: an https loopback redirect makes its certificate inside the bundle (CommonJS require of node:crypto works)', async (t) => {
  if ('skip' in node) return t.skip(node.skip);
  const config = await mkdtemp(join(folder, 'config-'));
  const args = ['login', '--no-app', '--base-url', sandbox.url, '--client-id', 'demo-client', '--redirect-uri', 'https://localhost:0/callback', '--no-browser', '--timeout', '1'];
  const { code, stdout, stderr } = await runCliProcess(args, { AIRISK_CLIENT_SECRET: 'demo-secret', XDG_CONFIG_HOME: config }, program).exit;
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /Waiting for AIRisk to redirect to https:\/\/localhost:\d+\/callback/);
  assert.match(stderr, /Sign-in failed: No answer came back from the browser within 1 second/);
  assert.ok((await stat(join(config, 'AIRisk Token Tray', 'localhost-tls', 'localhost-cert.pem'))).isFile());
});
