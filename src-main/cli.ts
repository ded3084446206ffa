/**
 * One-shot sign-in for terminals and scripts: `npm run --silent cli -- login [--user ID]`.
 * Prints the bearer header (or token, or JSON) on stdout and stores no token.
 */
import { runCli } from './cli/run-cli.ts';

const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  interrupt: interrupt.signal,
});
// The paste reader or an idle socket must not keep a finished CLI alive.
process.stdin.unref?.();
