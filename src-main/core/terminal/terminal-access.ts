/**
 * Starts terminal access for one data folder: the private folder, the key, the endpoint, the
 * server. The app starts it while Settings → "Allow terminal access" is on, and closes it when
 * that is turned off or the app quits (see README.md, "What terminal access protects, and what it does not").
 */
import { rm, writeFile, chmod } from 'node:fs/promises';
import { systemTimers } from '../ports/timer-port.ts';
import type { TimerPort } from '../ports/timer-port.ts';
import { createAccessHandler } from './access-handler.ts';
import { loadOrCreateAccessKey } from './access-key-file.ts';
import type { TerminalWarn } from './access-key-file.ts';
import { listenAccessServer } from './access-server.ts';
import type { ConsentBroker } from './consent-broker.ts';
import { createPeerIdentifier } from './peer-identity.ts';
import type { PeerIdentifierOptions } from './peer-identity.ts';
import { ensurePrivateDirectory } from './private-directory.ts';
import { RateLimit } from './rate-limit.ts';
import { currentEndpointEnvironment, endpointFilePath, planEndpoint, terminalDirectory } from './terminal-paths.ts';
import type { EndpointEnvironment } from './terminal-paths.ts';
import type { TerminalTokenSource } from './terminal-ports.ts';

/** What terminal access is started with. */
export interface TerminalAccessOptions {
  readonly dataDir: string;
  readonly source: TerminalTokenSource;
  readonly broker: ConsentBroker;
  /** The app version `/v1/status` reports. */
  readonly version: string;
  /** Clock of the rate limit (default: the system's). */
  readonly timers?: TimerPort;
  /** One-line warnings, never with a secret in them (default: console.warn). */
  readonly warn?: TerminalWarn;
  /** Platform, temp folder and uid (default: this process's); tests vary it. */
  readonly environment?: EndpointEnvironment;
  /** Replaces the tools the identity proof runs (tests only). */
  readonly identity?: Pick<PeerIdentifierOptions, 'run' | 'procRoot'>;
}

/** Terminal access while it runs. */
export interface RunningTerminalAccess {
  /** The socket path or pipe name. */
  readonly endpoint: string;
  /** Stops serving and removes the socket file. */
  close(): Promise<void>;
}

/**
 * Starts serving; rejects with TerminalSetupError (`terminal_directory_unsafe`,
 * `terminal_access_in_use`, `endpoint_unavailable`), whose message is one sentence for the window.
 */
export async function startTerminalAccess(options: TerminalAccessOptions): Promise<RunningTerminalAccess> {
  const environment = options.environment ?? currentEndpointEnvironment();
  const warn = options.warn ?? ((message: string) => console.warn(message));
  await ensurePrivateDirectory(terminalDirectory(options.dataDir), environment.platform);
  const key = await loadOrCreateAccessKey(options.dataDir, warn, environment.platform);
  const plan = planEndpoint(options.dataDir, environment);
  if (plan.fallbackDirectory !== null) await ensurePrivateDirectory(plan.fallbackDirectory, environment.platform);
  const peers = createPeerIdentifier({ endpoint: plan.endpoint, platform: environment.platform, ...options.identity });
  const handler = createAccessHandler({
    key,
    source: options.source,
    broker: options.broker,
    peers,
    version: options.version,
    rateLimit: new RateLimit(options.timers ?? systemTimers),
    warn,
  });
  const server = await listenAccessServer(plan.endpoint, handler, environment.platform);
  const endpointFile = endpointFilePath(options.dataDir);
  if (plan.fallbackDirectory === null) {
    await rm(endpointFile, { force: true });
  } else {
    await writeFile(endpointFile, `${plan.endpoint}\n`, { mode: 0o600 });
    await chmod(endpointFile, 0o600);
  }
  return server;
}
