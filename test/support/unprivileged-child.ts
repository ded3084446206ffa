/**
 * Runs Node scripts as an ordinary user, for tests about what an unprivileged program may not do
 * (listen on port 443 on Linux): as is when the tests are not root, as nobody (uid/gid 65534) when
 * they are. Nobody can run them only where Node and the clone are open to other users; a clone in a
 * 0700 folder (many homes, `mktemp -d`) is not, and the test must then skip, saying so.
 */
import { spawn } from 'node:child_process';

/** What a finished child said. */
export interface ChildOutcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const NOBODY = 65534;

/** True when children run as nobody (the tests run as root). */
function runsAsNobody(): boolean {
  return process.getuid?.() === 0;
}

/** Runs an ES module `script` with this Node as an ordinary user; rejects only when Node cannot be started at all. */
export function runUnprivileged(script: string, options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 20_000,
      env: { ...process.env, ...options.env },
      ...(runsAsNobody() ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The line of a failed child's stderr that says what went wrong (Node prints a source location first). */
function reasonLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => /Error|EACCES|EPERM|denied/i.test(line)) ?? lines[0] ?? 'no output';
}

/**
 * Why an unprivileged child cannot start Node and import `moduleUrls` here, or undefined when it can.
 * Call it before the real test and skip with the reason.
 */
export async function whyUnprivilegedChildCannotRun(moduleUrls: readonly string[]): Promise<string | undefined> {
  const who = runsAsNobody() ? `uid ${NOBODY} (nobody)` : 'this user';
  const script = `for (const url of ${JSON.stringify(moduleUrls)}) await import(url); console.log('ready');`;
  let outcome: ChildOutcome;
  try {
    outcome = await runUnprivileged(script);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return `${who} cannot start Node (${process.execPath}: ${code}); a folder on its path is closed to other users (e.g. 0700)`;
  }
  if (outcome.status === 0 && outcome.stdout.trim() === 'ready') return undefined;
  return `${who} cannot load the test's modules (the clone is in a folder closed to other users, e.g. 0700?): ${reasonLine(outcome.stderr)}`;
}

/** The last line a child printed on stdout, parsed as JSON; undefined when it printed none. */
export function lastJsonLine<T>(outcome: ChildOutcome): T | undefined {
  const line = outcome.stdout.trim().split('\n').pop() ?? '';
  return line === '' ? undefined : (JSON.parse(line) as T);
}
