/**
 * What the server can prove about a caller on Linux, with real client processes: the kernel names
 * the peer end of the connection (ss) and /proc shows which process holds it.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { test } from 'node:test';
import { runSystemCommand } from '../../../src-main/core/terminal/command-runner.ts';
import { linuxIdentity } from '../../../src-main/core/terminal/linux-identity.ts';
import type { TerminalClientView } from '../../../src-main/core/terminal/terminal-views.ts';
import { runClientProcess, startFixture } from '../../support/terminal-fixture.ts';
import type { TerminalFixture } from '../../support/terminal-fixture.ts';

function ssWorks(): boolean {
  try {
    execFileSync('ss', ['-xH'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skip = process.platform !== 'linux' ? 'the kernel proof exists on Linux only' : !ssWorks() ? 'ss (iproute2) is not installed' : false;

/** Runs a client process whose request is shown, captures the prompt's client, and denies it. */
async function promptedClient(fixture: TerminalFixture, declare: string): Promise<{ client: TerminalClientView; childPid: number; status: number }> {
  let client: TerminalClientView | undefined;
  const unsubscribe = fixture.broker.onChange(() => {
    const consent = fixture.broker.view().consent;
    if (consent === null || client !== undefined) return;
    client = consent.client;
    queueMicrotask(() => fixture.broker.answer(consent.id, 'deny'));
  });
  try {
    const result = await runClientProcess([fixture.endpoint, fixture.key, declare, '/v1/token', '{}']);
    if (client === undefined) throw new Error(`no prompt was shown: ${result.status} ${result.text}`);
    return { client, childPid: result.pid, status: result.status };
  } finally {
    unsubscribe();
  }
}

test('proves a client that declares its own pid: the kernel backs it, and the prompt names its chain', { skip }, async (t) => {
  const fixture = await startFixture(t);
  const { client, childPid, status } = await promptedClient(fixture, 'self');
  assert.equal(status, 403);
  assert.equal(client.pid, childPid);
  assert.equal(client.proven, true);
  assert.equal(client.name, 'node');
  assert.match(client.chain[0] ?? '', new RegExp(`^node \\(pid ${childPid}`));
  assert.match(client.chain[1] ?? '', new RegExp(`\\(pid ${process.pid}`), 'the test runner is its parent');
});

test('does not prove a client that claims to be another live process (its parent)', { skip }, async (t) => {
  const fixture = await startFixture(t);
  const { client, childPid } = await promptedClient(fixture, 'parent');
  assert.equal(client.pid, process.pid, 'the prompt shows the claimed pid…');
  assert.notEqual(client.pid, childPid);
  assert.equal(client.proven, false, '…as a claim: the claimed process does not hold the connection');
});

test('refuses a client that declares a pid that does not exist, naming it', { skip: process.platform === 'linux' ? false : 'reads /proc' }, async (t) => {
  const fixture = await startFixture(t);
  const result = await runClientProcess([fixture.endpoint, fixture.key, '4194303', '/v1/token', '{}']);
  assert.equal(result.status, 400);
  assert.match(result.text, /"code":"bad_request".*pid 4194303\) does not exist/);
  assert.equal(fixture.broker.view().consent, null);
});

test('names a client that sends no pid (curl) through the kernel, proven', { skip }, async (t) => {
  const fixture = await startFixture(t);
  const { client, childPid } = await promptedClient(fixture, 'none');
  assert.equal(client.pid, childPid);
  assert.equal(client.proven, true);
});

test('an approval covers the terminal session: a second process of the same session is served without a prompt', { skip: process.platform === 'linux' ? false : 'terminal session keys from /proc' }, async (t) => {
  const fixture = await startFixture(t);
  const prompts = fixture.autoAnswer('allow');
  const first = await runClientProcess([fixture.endpoint, fixture.key, 'self', '/v1/token', '{}']);
  const second = await runClientProcess([fixture.endpoint, fixture.key, 'self', '/v1/token', '{}']);
  assert.deepEqual([first.status, second.status], [200, 200]);
  assert.equal(prompts.shown.length, 1);
  assert.notEqual(first.pid, second.pid);
});

/** One tty-less session (detached: setsid) holding two programs, `a` with two children and `b` with one; their children's pids. */
async function ttylessSession(t: { after: (fn: () => void) => void }): Promise<{ a: number[]; b: number[] }> {
  const script = 'sh -c \'sleep 60 & echo "a $!"; sleep 60 & echo "a $!"; wait\' & sh -c \'sleep 60 & echo "b $!"; wait\' & wait';
  const leader = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => {
    if (leader.pid !== undefined) process.kill(-leader.pid, 'SIGKILL');
  });
  const pids: { a: number[]; b: number[] } = { a: [], b: [] };
  let buffered = '';
  leader.stdout.setEncoding('utf8');
  for await (const chunk of leader.stdout as AsyncIterable<string>) {
    buffered += chunk;
    for (const [, program, pid] of buffered.matchAll(/^([ab]) (\d+)$/gm)) if (program === 'a' || program === 'b') pids[program] = [...new Set([...pids[program], Number(pid)])];
    if (pids.a.length === 2 && pids.b.length === 1) break;
  }
  return pids;
}

async function keyOf(pid: number): Promise<string> {
  const result = await linuxIdentity(pid, false, { run: runSystemCommand });
  if (!result.ok) throw new Error(`pid ${pid} was not identified: ${result.message}`);
  return result.identity.sessionKey;
}

test('callers without a terminal share an approval only with their parent\'s other children, not with the whole desktop session', { skip: process.platform === 'linux' ? false : 'reads /proc' }, async (t) => {
  const { a, b } = await ttylessSession(t);
  const [a1, a2, b1] = await Promise.all([...a, ...b].map(keyOf));
  assert.equal(a1, a2, 'two calls from one script share one approval');
  assert.notEqual(a1, b1, 'two programs of one tty-less session do not');
});
