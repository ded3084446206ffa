/**
 * `npm run sandbox -- [--port 8790] [--token-lifetime 3600] [--fault NAME] [--fault-delay-ms MS] [--standard-oauth]`:
 * runs the AIRisk sandbox in the foreground until SIGINT/SIGTERM. The first stdout line is always
 * `AIRisk sandbox listening on http://127.0.0.1:PORT`. Logs one line per request: method, path
 * and status only (no query string, so no code, state or token ever reaches the log).
 */
import { quitOnSignals } from '../../src-main/core/process/quit-on-signal.ts';
import { integerFlag, MAX_TOKEN_LIFETIME_SECONDS, parseCommandLine, UsageError } from '../support/command-line.ts';
import { DEFAULT_SLOW_TOKEN_DELAY_MS, SANDBOX_FAULTS, isSandboxFault, startSandbox } from './sandbox-server.ts';
import type { SandboxFault } from './sandbox-server.ts';

const USAGE = `Usage: npm run sandbox -- [--port PORT] [--token-lifetime SECONDS] [--fault NAME] [--fault-delay-ms MS] [--standard-oauth]
  --port PORT                TCP port on 127.0.0.1 (default 8790; 0 picks a free one)
  --token-lifetime SECONDS   access token lifetime (default 3600)
  --fault NAME               token endpoint fault: ${SANDBOX_FAULTS.join(', ')}
  --fault-delay-ms MS        how long slow-token waits (default ${DEFAULT_SLOW_TOKEN_DELAY_MS})
  --standard-oauth           behave like a stock RFC 6749 server: scope required, form body with
                             grant_type, answers {access_token, token_type, expires_in}`;

/** Parsed command line. */
interface SandboxArguments {
  readonly port: number;
  readonly tokenLifetimeSeconds: number;
  readonly fault: SandboxFault | null;
  readonly faultDelayMs: number;
  readonly standardOAuth: boolean;
}

function parseArguments(argv: readonly string[]): SandboxArguments | 'help' {
  const values = parseCommandLine(argv, {
    port: { type: 'string' },
    'token-lifetime': { type: 'string' },
    fault: { type: 'string' },
    'fault-delay-ms': { type: 'string' },
    'standard-oauth': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  const fault = values.fault ?? null;
  if (fault !== null && !isSandboxFault(fault)) {
    throw new UsageError(`--fault must be one of ${SANDBOX_FAULTS.join(', ')} (got "${fault}")`);
  }
  return {
    port: integerFlag('--port', values.port, 8790, 0, 65_535),
    tokenLifetimeSeconds: integerFlag('--token-lifetime', values['token-lifetime'], 3600, 1, MAX_TOKEN_LIFETIME_SECONDS),
    fault,
    faultDelayMs: integerFlag('--fault-delay-ms', values['fault-delay-ms'], DEFAULT_SLOW_TOKEN_DELAY_MS, 0, 24 * 3600 * 1000),
    standardOAuth: values['standard-oauth'] === true,
  };
}

async function main(): Promise<void> {
  let args: SandboxArguments | 'help';
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`sandbox: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args === 'help') {
    console.log(USAGE);
    return;
  }

  let sandbox;
  try {
    sandbox = await startSandbox({
      port: args.port,
      tokenLifetimeSeconds: args.tokenLifetimeSeconds,
      standardOAuth: args.standardOAuth,
      onRequest: ({ method, path, status }) => console.log(`${method} ${path} ${status}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${code ?? String(error)})`;
    console.error(`sandbox: port ${args.port} on 127.0.0.1 ${reason}; pick another with --port (0 = any free port).`);
    process.exitCode = 1;
    return;
  }
  if (args.fault !== null) sandbox.setFault(args.fault, { delayMs: args.faultDelayMs });

  const { clientId, clientSecret } = sandbox.demoClient;
  console.log(`AIRisk sandbox listening on ${sandbox.url}`);
  console.log(`Demo client: client_id=${clientId} client_secret=${clientSecret} (redirect URIs: http://127.0.0.1:{port}/callback, http://[::1]:{port}/callback, http://localhost:{port}/callback, https://localhost[:{port}]/callback)`);
  console.log(`Point the CLI at it: AIRISK_CLIENT_SECRET=${clientSecret} npm run --silent cli -- login --no-app --base-url ${sandbox.url} --client-id ${clientId}`);
  if (args.fault !== null) console.log(`Token endpoint fault: ${args.fault}`);
  if (args.standardOAuth) console.log('Behaving like a stock RFC 6749 server: pass --scope to the CLI.');

  quitOnSignals({
    source: process,
    quit: (signal) => {
      console.log(`Received ${signal}, stopping the sandbox.`);
      sandbox.close().then(
        () => {
          process.exitCode = 0;
        },
        (error: unknown) => {
          console.error(`sandbox: closing failed: ${String(error)}`);
          process.exitCode = 1;
        },
      );
    },
    exit: (code) => process.exit(code),
  });
}

await main();
