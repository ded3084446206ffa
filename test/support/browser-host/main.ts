/**
 * `npm run dev:browser -- [--port PORT] [--data-dir DIR] [--configured] [--one-sandbox] [--accounts N] [--build] [--token-lifetime SECONDS] [--renderer-dir DIR]`:
 * two AIRisk sandboxes on two ports (or one with `--one-sandbox`) plus the browser host, in the foreground until SIGINT/SIGTERM. Prints the URL
 * to open (it carries the per-run key) and, unless `--configured`, what to enter on first run.
 * Without `--data-dir` the data lives in a temporary folder that is removed on exit.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quitOnSignals } from '../../../src-main/core/process/quit-on-signal.ts';
import { integerFlag, MAX_TOKEN_LIFETIME_SECONDS, parseCommandLine, UsageError } from '../command-line.ts';
import { DEFAULT_REDIRECT_URI } from '../../../src-main/core/oauth/client-config.ts';
import { startSandbox } from '../../sandbox/sandbox-server.ts';
import type { Sandbox } from '../../sandbox/sandbox-server.ts';
import { startBrowserHost } from './browser-host.ts';
import type { BrowserHost } from './browser-host.ts';
import { assertRendererBuilt, buildRenderer, BUILD_COMMAND, DEFAULT_RENDERER_DIR, RendererMissingError } from './renderer-build.ts';
import { sandboxSettings, TWO_SANDBOX_NAMES } from '../sandbox-settings.ts';
import { messageOf } from '../../../src-main/shared/message-of.ts';
import { DEFAULT_CONNECTION_NAME } from '../../../src-main/core/settings/stored-settings.ts';
import { NODE_APP_KEY_FILE } from '../node-app.ts';
import { fillStoreAt } from '../store-fixtures.ts';

const USAGE = `Usage: npm run dev:browser -- [--port PORT] [--data-dir DIR] [--configured] [--one-sandbox] [--accounts N] [--build] [--token-lifetime SECONDS] [--renderer-dir DIR]
  --port PORT                TCP port of the host on 127.0.0.1 (default 0: any free port)
  --data-dir DIR             keep the app's store here (default: a temporary folder, removed on exit)
  --configured               enter the sandboxes' demo client up front as two connections, "Sandbox A" and
                             "Sandbox B" (skips first-run setup)
  --one-sandbox              start one sandbox only (with --configured: one connection, "AIRisk")
  --accounts N               start with N generated accounts (the generic token, then user_1 … user_N-1),
                             spread over the sandboxes' connections, the first ones expired, some expiring,
                             the rest valid for up to 2 h; implies --configured. Needs an empty data dir.
  --build                    run \`${BUILD_COMMAND}\` before starting
  --token-lifetime SECONDS   lifetime of the sandbox's access tokens (default 3600)
  --renderer-dir DIR         serve another built renderer (default dist/renderer)`;

/** The most accounts `--accounts` generates (the window's benchmarks go to 10,000). */
const MAX_GENERATED_ACCOUNTS = 100_000;

/** Generated accounts expire from this long before the start: the first few dozen are expired already. */
const GENERATED_HEAD_START_MS = 10 * 60_000;

/** Parsed command line. */
interface HostArguments {
  readonly port: number;
  readonly dataDir: string | null;
  readonly configured: boolean;
  readonly oneSandbox: boolean;
  /** Generated accounts to start with (0: none). */
  readonly accounts: number;
  readonly build: boolean;
  readonly tokenLifetimeSeconds: number;
  readonly rendererDir: string;
}

function parseArguments(argv: readonly string[]): HostArguments | 'help' {
  const values = parseCommandLine(argv, {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    configured: { type: 'boolean' },
    'one-sandbox': { type: 'boolean' },
    accounts: { type: 'string' },
    build: { type: 'boolean' },
    'token-lifetime': { type: 'string' },
    'renderer-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  const dataDir = values['data-dir'];
  if (dataDir === '') throw new UsageError('--data-dir needs a folder.');
  const accounts = integerFlag('--accounts', values.accounts, 0, 0, MAX_GENERATED_ACCOUNTS);
  return {
    port: integerFlag('--port', values.port, 0, 0, 65_535),
    dataDir: dataDir === undefined ? null : resolve(dataDir),
    configured: values.configured === true || accounts > 0,
    oneSandbox: values['one-sandbox'] === true,
    accounts,
    build: values.build === true,
    tokenLifetimeSeconds: integerFlag('--token-lifetime', values['token-lifetime'], 3600, 1, MAX_TOKEN_LIFETIME_SECONDS),
    rendererDir: values['renderer-dir'] === undefined ? DEFAULT_RENDERER_DIR : resolve(values['renderer-dir']),
  };
}

function printFirstRun(sandboxes: readonly Sandbox[]): void {
  sandboxes.forEach((sandbox, index) => printConnection(sandbox, sandboxes.length === 1 ? undefined : TWO_SANDBOX_NAMES[index]));
}

function printConnection(sandbox: Sandbox, name: string | undefined): void {
  const settings = sandboxSettings(sandbox, name);
  console.log(name === undefined ? 'First run: open Settings in the window and enter' : `To add the connection "${name}", enter in Settings`);
  console.log(`  AIRisk base URL   ${settings.baseUrl}`);
  console.log(`  Client id         ${settings.clientId}`);
  console.log(`  Client secret     ${settings.clientSecret}   (the sandbox's public demo secret)`);
  console.log(`  Redirect URI      ${settings.redirectUri}   (any free port; the default ${DEFAULT_REDIRECT_URI} works too)`);
}

/**
 * Writes `count` accounts into an empty data dir, on connections named as `--configured` names
 * them and at the sandboxes' origins (so the host's set-up keeps the tokens), encrypted with the
 * key the host reads: Copy and Renew work on every one of them.
 */
async function fillForHost(dataDir: string, count: number, sandboxes: readonly Sandbox[]): Promise<void> {
  if ((await readdir(dataDir)).length > 0) throw new UsageError(`--accounts needs an empty data folder; ${dataDir} has files in it.`);
  const names = sandboxes.length === 1 ? [DEFAULT_CONNECTION_NAME] : TWO_SANDBOX_NAMES;
  const connections = sandboxes.map((running, index) => ({ name: names[index] ?? `Sandbox ${index + 1}`, baseUrl: running.url }));
  await fillStoreAt(dataDir, count, Date.now() - GENERATED_HEAD_START_MS, { connections, keyFile: NODE_APP_KEY_FILE });
}

async function main(): Promise<void> {
  let args: HostArguments | 'help';
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`dev:browser: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args === 'help') {
    console.log(USAGE);
    return;
  }

  if (args.build) {
    const code = await buildRenderer();
    if (code !== 0) {
      console.error(`dev:browser: \`${BUILD_COMMAND}\` failed (exit code ${code}).`);
      process.exitCode = 1;
      return;
    }
  }

  try {
    assertRendererBuilt(args.rendererDir);
  } catch (error) {
    if (!(error instanceof RendererMissingError)) throw error;
    console.error(`dev:browser: ${error.message}`);
    process.exitCode = 1;
    return;
  }

  const temporary = args.dataDir === null;
  const dataDir = args.dataDir ?? (await mkdtemp(join(tmpdir(), 'airisk-browser-host-')));
  let sandbox: Sandbox | undefined;
  let secondSandbox: Sandbox | undefined;
  let host: BrowserHost | undefined;
  const cleanUp = async (): Promise<void> => {
    await host?.close();
    await sandbox?.close();
    await secondSandbox?.close();
    if (temporary) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    sandbox = await startSandbox({ tokenLifetimeSeconds: args.tokenLifetimeSeconds });
    if (!args.oneSandbox) secondSandbox = await startSandbox({ tokenLifetimeSeconds: args.tokenLifetimeSeconds });
    if (args.accounts > 0) await fillForHost(dataDir, args.accounts, secondSandbox === undefined ? [sandbox] : [sandbox, secondSandbox]);
    host = await startBrowserHost({
      dataDir,
      sandbox,
      ...(secondSandbox === undefined ? {} : { secondSandbox }),
      rendererDir: args.rendererDir,
      port: args.port,
      configured: args.configured,
      onOpenUrl: (url) => console.log(`Sign-in page pushed to the window (open it yourself if no tab appeared): ${url}`),
      onRequest: ({ method, path, status }) => {
        if (path.startsWith('/__airisk/call/')) console.log(`${method} ${path} ${status}`);
      },
    });
  } catch (error) {
    await cleanUp();
    if (error instanceof RendererMissingError || error instanceof UsageError) {
      console.error(`dev:browser: ${error.message}`);
    } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`dev:browser: port ${args.port} on 127.0.0.1 is already in use; pick another with --port (0 = any free port).`);
    } else {
      console.error(`dev:browser: could not start: ${messageOf(error)}`);
    }
    process.exitCode = 1;
    return;
  }

  const sandboxes = secondSandbox === undefined ? [sandbox] : [sandbox, secondSandbox];
  for (const [index, running] of sandboxes.entries()) {
    const which = sandboxes.length === 1 ? 'AIRisk sandbox' : `AIRisk sandbox ${index === 0 ? 'A' : 'B'}`;
    console.log(`${which} listening on ${running.url} (token lifetime ${args.tokenLifetimeSeconds} s)`);
  }
  console.log(`App data in ${dataDir}${temporary ? ' (temporary, removed on exit)' : ''}`);
  if (args.accounts > 0) console.log(`${args.accounts} generated accounts (--accounts).`);
  if (args.configured) console.log(sandboxes.length === 1 ? 'Connection "AIRisk" pre-filled with the sandbox demo client (--configured).' : `Connections "${TWO_SANDBOX_NAMES.join('" and "')}" pre-filled with the sandboxes' demo client (--configured).`);
  else printFirstRun(sandboxes);
  console.log(`Open the app in a browser on this machine: ${host.url}`);
  console.log(`Terminal access (after Settings → Allow terminal access): AIRISK_TOKEN_TRAY_DATA_DIR=${JSON.stringify(dataDir)} npm run --silent cli -- header`);

  // The store's atomic-write library re-raises the first signal at once; quitOnSignals ignores that echo.
  quitOnSignals({
    source: process,
    quit: (signal) => {
      console.log(`Received ${signal}, stopping.`);
      cleanUp().then(
        () => {
          process.exitCode = 0;
        },
        (error: unknown) => {
          console.error(`dev:browser: closing failed: ${String(error)}`);
          process.exitCode = 1;
        },
      );
    },
    exit: (code) => process.exit(code),
  });
}

await main();
