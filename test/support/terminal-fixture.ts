/** A running terminal access server over a temp data folder and the stand-in source, for tests. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { systemTimers } from '../../src-main/core/ports/timer-port.ts';
import type { TimerPort } from '../../src-main/core/ports/timer-port.ts';
import { ConsentBroker } from '../../src-main/core/terminal/consent-broker.ts';
import type { ConsentAnswer } from '../../src-main/core/terminal/terminal-views.ts';
import { startTerminalAccess } from '../../src-main/core/terminal/terminal-access.ts';
import type { RunningTerminalAccess, TerminalAccessOptions } from '../../src-main/core/terminal/terminal-access.ts';
import { readAccessCoordinates } from '../../src-main/core/terminal/terminal-paths.ts';
import { fixtureSource } from './terminal-source.ts';
import type { FixtureSource } from './terminal-source.ts';

/** What a test gets. */
export interface TerminalFixture {
  readonly dataDir: string;
  readonly access: RunningTerminalAccess;
  readonly endpoint: string;
  readonly key: string;
  readonly broker: ConsentBroker;
  readonly source: FixtureSource;
  readonly warnings: string[];
  /** Answers every prompt that appears with `answer` (until called again); returns what was shown. */
  autoAnswer(answer: ConsentAnswer | null): { readonly shown: string[] };
}

interface TestContext {
  after(fn: () => Promise<void> | void): void;
}

/** A temp data folder removed after the test. */
export async function tempDataDir(t: TestContext, prefix = 'term-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts terminal access on a fresh data folder (or `dataDir`), closed after the test. */
export async function startFixture(t: TestContext, options: { readonly timers?: TimerPort; readonly dataDir?: string; readonly identity?: TerminalAccessOptions['identity'] } = {}): Promise<TerminalFixture> {
  const dataDir = options.dataDir ?? (await tempDataDir(t));
  const timers = options.timers ?? systemTimers;
  const broker = new ConsentBroker({ timers });
  const source = fixtureSource();
  const warnings: string[] = [];
  const identity = options.identity === undefined ? {} : { identity: options.identity };
  const access = await startTerminalAccess({ dataDir, source, broker, version: '0.1.0-test', timers, warn: (message) => warnings.push(message), ...identity });
  t.after(async () => {
    broker.revokeAll('the test is over');
    await access.close();
  });
  const coordinates = await readAccessCoordinates(dataDir);
  if (!coordinates.ok) throw new Error(coordinates.message);
  let unsubscribe: (() => void) | undefined;
  const autoAnswer = (answer: ConsentAnswer | null): { shown: string[] } => {
    unsubscribe?.();
    const shown: string[] = [];
    if (answer === null) return { shown };
    const react = (): void => {
      const consent = broker.view().consent;
      if (consent === null || shown.includes(consent.id)) return;
      shown.push(consent.id);
      queueMicrotask(() => broker.answer(consent.id, answer));
    };
    unsubscribe = broker.onChange(react);
    return { shown };
  };
  return { dataDir, access, endpoint: access.endpoint, key: coordinates.key, broker, source, warnings, autoAnswer };
}

/** A real process listening on the Unix socket `path`, started and waited for. */
export async function startSocketHolder(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [new URL('./socket-holder-main.ts', import.meta.url).pathname, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout ?? process.stdin }).once('line', () => resolve());
    child.once('exit', (code) => reject(new Error(`the socket holder exited (${code}): ${stderr.trim()}`)));
  });
  return child;
}

/** Runs test/support/terminal-client-main.ts and resolves with what it printed. */
export async function runClientProcess(args: readonly string[]): Promise<{ readonly pid: number; readonly status: number; readonly text: string }> {
  const child = spawn(process.execPath, [new URL('./terminal-client-main.ts', import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the terminal client exited ${code}: ${stderr.trim()}`);
  return JSON.parse(stdout) as { pid: number; status: number; text: string };
}
