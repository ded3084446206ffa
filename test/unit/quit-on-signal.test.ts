import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { quitOnSignals } from '../../src-main/core/process/quit-on-signal.ts';

/** TEST DOUBLE: stands in for `process` as a source of signals. */
class SignalSourceForTests extends EventEmitter {
  send(signal: NodeJS.Signals): void {
    this.emit(signal, signal);
  }
}

function setUp(): { source: SignalSourceForTests; log: string[]; clock: { now: number }; stop: () => void } {
  const source = new SignalSourceForTests();
  const log: string[] = [];
  const clock = { now: 1_000 };
  const stop = quitOnSignals({ source, quit: (signal) => log.push(`quit ${signal}`), exit: (code) => log.push(`exit ${code}`), now: () => clock.now, echoWindowMs: 1000 });
  return { source, log, clock, stop };
}

test('the first SIGINT or SIGTERM asks for a graceful quit', () => {
  const { source, log } = setUp();
  source.send('SIGTERM');
  assert.deepEqual(log, ['quit SIGTERM']);
});

test('the echo when-exit sends right after is ignored: no crash, no second quit', () => {
  const { source, log, clock } = setUp();
  source.send('SIGINT');
  clock.now += 5;
  source.send('SIGINT');
  assert.deepEqual(log, ['quit SIGINT']);
});

test('a repeat well after the first exits at once (quitting hangs and the person insists)', () => {
  const { source, log, clock } = setUp();
  source.send('SIGINT');
  clock.now += 3_000;
  source.send('SIGINT');
  assert.deepEqual(log, ['quit SIGINT', 'exit 130']);
});

test('with our listener in place, a re-raised signal does not kill a real process', async () => {
  // A child process imports conf (which loads when-exit), installs quitOnSignals, sends itself SIGINT
  // and must survive the echo and report a single graceful quit.
  const { spawn } = await import('node:child_process');
  const script = `
    import Conf from 'conf';
    import { quitOnSignals } from ${JSON.stringify(new URL('../../src-main/core/process/quit-on-signal.ts', import.meta.url).href)};
    void Conf;
    const outcomes = [];
    quitOnSignals({ source: process, quit: () => outcomes.push('quit'), exit: (code) => outcomes.push('exit ' + code), onSignal: (s, o) => outcomes.push(s + ':' + o) });
    process.kill(process.pid, 'SIGINT');
    setTimeout(() => { console.log(JSON.stringify(outcomes)); }, 300);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal])));
  assert.deepEqual([code, signal], [0, null], 'the process lived on and ended normally');
  const outcomes = JSON.parse(stdout.trim()) as string[];
  assert.equal(outcomes.filter((entry) => entry === 'quit').length, 1);
  assert.ok(outcomes.includes('SIGINT:echo-ignored'), `when-exit re-raised the signal and it was ignored: ${stdout}`);
});

test('stop removes the listeners', () => {
  const { source, stop } = setUp();
  assert.equal(source.listenerCount('SIGINT'), 1);
  stop();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) assert.equal(source.listenerCount(signal), 0);
});
