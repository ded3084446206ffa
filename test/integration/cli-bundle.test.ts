/**
 * The bundled `airisk-token` (scripts/build-cli.ts) is one file that the SYSTEM Node (20 on this
 * machine, /usr/bin/node) runs with nothing installed: `--help`, `status` with no app, a token from
 * a stand-in app, `run`, and a whole one-shot sign-in against the sandbox.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
  bundle = join(folder, 'airisk-token.cjs');
  assert.ok(await buildCli(bundle, () => undefined), 'the bundle builds without errors or warnings');
  program = { node: SYSTEM_NODE, cli: bundle };
});
after(() => rm(folder, { recursive: true, force: true }));

test('the bundle is one executable CommonJS file with a node shebang that requires nothing but Node\'s built-ins (the embedded one-shot sign-in included)', async () => {
  const text = await readFile(bundle, 'utf8');
  assert.match(text, /^#!\/usr\/bin\/env node\n"use strict";\n/);
  if (process.platform !== 'win32') assert.equal((await stat(bundle)).mode & 0o777, 0o755);
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  // Plain in the bundle, backslash-escaped inside the embedded one-shot string.
  const specifiers = [...text.matchAll(/\b(?:require|import)\s*\(\s*\\?["'`]([^"'`\\]+)\\?["'`]\s*\)/g)].map((match) => match[1] ?? '');
  assert.ok(specifiers.includes('node:http') && specifiers.includes('crypto'), 'both parts were searched');
  assert.deepEqual([...new Set(specifiers.filter((specifier) => !builtins.has(specifier)))], [], 'no require of anything but a built-in');
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

test('an app command never loads the one-shot sign-in\'s modules (https, tls, readline) nor compiles its embedded code', async (t) => {
  if ('skip' in node) return t.skip(node.skip);
  const app = await startStandInServer(() => ({ status: 200, body: tokenAnswer('lean.token') }));
  t.after(() => app.close());
  const report = join(folder, 'modules.json');
  const probe = join(folder, 'probe.cjs');
  await writeFile(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ modules: process.moduleLoadList, compiled: require('node:vm').compileFunction.called === true })));\nconst vm = require('node:vm'); const compile = vm.compileFunction; vm.compileFunction = function (...args) { vm.compileFunction.called = true; return compile.apply(this, args); };\n`);
  const run = await new Promise<{ code: number | null }>((resolve) => {
    const child = spawn(SYSTEM_NODE, ['--require', probe, bundle, 'header', '--data-dir', app.dataDir], { stdio: 'ignore' });
    child.once('close', (code) => resolve({ code }));
  });
  assert.equal(run.code, 0);
  const seen = JSON.parse(await readFile(report, 'utf8')) as { modules: string[]; compiled: boolean };
  const loaded = (name: string) => seen.modules.includes(`NativeModule ${name}`);
  assert.ok(loaded('http'), 'the probe sees the modules header needs');
  assert.deepEqual(['https', 'tls', 'readline'].filter(loaded), []);
  assert.equal(seen.compiled, false, 'the embedded one-shot code was compiled');
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
