/**
 * `airisk-token run -- CMD ARGS…`: starts CMD with the token in its environment, passes stdio
 * through, forwards SIGINT/SIGTERM/SIGHUP to it, and returns the exit status a shell would report
 * for CMD itself.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { childProcessEnvironment } from '../core/process/child-environment.ts';

/** Signals forwarded to the child. */
export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * CMD could not be started. The statuses are the shell's (POSIX "Command Search and Execution"):
 * 127 not found, 126 found but not executable. Not issue 13's "1 failed": a script that runs
 * `airisk-token run -- cmd` in place of `cmd` tells these apart exactly as it would from its shell,
 * and 1 stays what CMD itself returns (grep's "no match", a failed test run).
 */
export const EXIT_NOT_FOUND = 127;
export const EXIT_NOT_EXECUTABLE = 126;

/** Where the CLI hears the signals it forwards (the process; tests may pass an emitter). */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

/** What `run` needs. */
export interface ChildRun {
  readonly command: string;
  readonly args: readonly string[];
  /** The CLI's environment; the child gets it without our `AIRISK_*` variables, plus the two below. */
  readonly env: NodeJS.ProcessEnv;
  /** The bare token (AIRISK_TOKEN); AIRISK_AUTHORIZATION is "Bearer <token>". */
  readonly token: string;
  readonly stderr: NodeJS.WritableStream;
  readonly signals?: SignalSource;
}

/** The child's environment: the caller's minus every `AIRISK_*` variable (secrets among them), plus the token. */
export function runEnvironment(env: NodeJS.ProcessEnv, token: string): NodeJS.ProcessEnv {
  return { ...childProcessEnvironment(env), AIRISK_TOKEN: token, AIRISK_AUTHORIZATION: `Bearer ${token}` };
}

/** 128 + the signal's number, as shells report a process a signal killed. */
export function signalExitStatus(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/**
 * Runs CMD (no shell: ARGS reach it as given, nothing is expanded twice) and resolves with its
 * exit status. On Windows a `.cmd`/`.bat` file needs `cmd /c` in front (Node refuses to start one
 * without a shell); `node`, `python`, `curl`… start directly.
 */
export function runChild(run: ChildRun): Promise<number> {
  const signals = run.signals ?? process;
  return new Promise((resolve) => {
    const child = spawn(run.command, [...run.args], { stdio: 'inherit', env: runEnvironment(run.env, run.token) });
    // A terminal's Ctrl+C reaches CMD already (same process group); forwarding it as well is what
    // `op run` and aws-vault do, and is the only way a `kill -INT <cli pid>` reaches CMD.
    const forwarders = FORWARDED_SIGNALS.map((signal) => {
      const forward = (): void => {
        child.kill(signal);
      };
      signals.on(signal, forward);
      return () => signals.off(signal, forward);
    });
    const finish = (status: number): void => {
      for (const stop of forwarders) stop();
      resolve(status);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (child.pid !== undefined) return;
      const notFound = error.code === 'ENOENT';
      const reason = notFound ? 'command not found; check the name and your PATH' : `cannot be started (${error.code ?? error.message}); check that it is an executable file`;
      run.stderr.write(`airisk-token run: ${run.command}: ${reason}.\n`);
      finish(notFound ? EXIT_NOT_FOUND : EXIT_NOT_EXECUTABLE);
    });
    child.once('close', (code, signal) => finish(signal !== null ? signalExitStatus(signal) : (code ?? 1)));
  });
}
