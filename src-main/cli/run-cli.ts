import { AccessFailure } from './access-client.ts';
import { appLogin, listAccounts, printToken, runWithToken, showStatus } from './app-commands.ts';
import { parseCliArguments } from './cli-arguments.ts';
import { USAGE } from './cli-usage.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import type { SignalSource } from './run-child.ts';
import { UsageError } from './usage-error.ts';

/** Everything the CLI touches, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly openUrl?: (url: string) => Promise<void>;
  /** Aborted on Ctrl+C. */
  readonly interrupt?: AbortSignal;
  /** Where `run` hears the signals it forwards to its command (default: the process). */
  readonly signals?: SignalSource;
}

/**
 * Runs the CLI and returns its exit status: 0 ok; 1 refused, denied, expired or failed; 2 bad
 * usage; 3 the app is not running or terminal access is off; `run`: its command's status. Every
 * failure is one sentence on stderr; stdout carries only what was asked for.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command;
  try {
    command = parseCliArguments(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
  try {
    switch (command.kind) {
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
      case 'login':
        // Loaded only here: the sign-in code stays out of the app commands' start-up.
        return await (await import('./one-shot-login.ts')).runOneShotLogin(command, io);
      case 'token':
        return await printToken(command, io);
      case 'run':
        return await runWithToken(command, io);
      case 'app-login':
        return await appLogin(command, io);
      case 'list':
        return await listAccounts(command, io);
      case 'status':
        return await showStatus(command, io);
    }
  } catch (error) {
    if (error instanceof AccessFailure) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write('airisk-token failed unexpectedly; try again, and report it if it keeps happening.\n');
    return EXIT_FAILED;
  }
}
