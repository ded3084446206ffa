/**
 * `airisk-token`: asks the running AIRisk Token Tray for a stored token (`header`, `token`, `json`,
 * `run`, `list`, `status`, `login`), or signs in once without it (`login --no-app`). From the
 * repository: `npm run --silent cli -- COMMAND …`; bundled by scripts/build-cli.ts.
 */
import { runCli } from './cli/run-cli.ts';
import { removeAppVariables } from './core/process/child-environment.ts';

// Our variables (the secrets among them) are read once, from this copy: nothing started later (the
// browser opener, a library's child process) can inherit them from process.env.
const env = { ...process.env };
removeAppVariables(process.env);

// `airisk-token header | head -c0`: a reader that went away is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 1);
});

const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

// No top-level await: the bundle is CommonJS (see scripts/build-cli.ts).
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env,
  interrupt: interrupt.signal,
}).then((status) => {
  process.exitCode = status;
  // The paste reader or an idle socket must not keep a finished CLI alive.
  process.stdin.unref?.();
});
