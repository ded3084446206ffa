/**
 * The connection a person enters to use the sandbox's demo client: printed by `npm run dev:browser`,
 * entered up front by its `--configured`, and used by tests and benchmarks that need a configured app.
 */
import type { AiriskApi, ConnectionUpdate } from '../../src-main/contract.ts';
import { DEFAULT_CONNECTION_NAME } from '../../src-main/core/settings/stored-settings.ts';
import { DEMO_CLIENT } from '../sandbox/registered-clients.ts';

/** Loopback redirect on any free port; the demo client accepts every port on 127.0.0.1. */
export const SANDBOX_REDIRECT_URI = 'http://127.0.0.1:0/callback';

/** The names the two sandboxes get when the host, the demo or a UI test starts two. */
export const TWO_SANDBOX_NAMES = ['Sandbox A', 'Sandbox B'] as const;

/** Name, base URL, demo client id and secret, and a loopback redirect for a sandbox at `sandbox.url`. */
export function sandboxSettings(
  sandbox: { readonly url: string },
  name: string = DEFAULT_CONNECTION_NAME,
): ConnectionUpdate & { readonly name: string; readonly baseUrl: string; readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string } {
  return {
    name,
    baseUrl: sandbox.url,
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    redirectUri: SANDBOX_REDIRECT_URI,
  };
}

/**
 * Points the connection named `name` (default "AIRisk") at `sandbox` — adding it, or editing one of
 * that name already in the store (a prepared store, a restart) — and returns its id; throws with
 * the problems when refused.
 */
export async function connectSandbox(service: Pick<AiriskApi, 'saveConnection' | 'getState'>, sandbox: { readonly url: string }, name?: string): Promise<string> {
  const settings = sandboxSettings(sandbox, name);
  const existing = (await service.getState()).connections.find((connection) => connection.name.toLowerCase() === settings.name.toLowerCase());
  const result = await service.saveConnection(existing?.id ?? null, settings);
  if (!result.ok) throw new Error(`Could not add a connection to the sandbox: ${result.problems.map((problem) => problem.message).join(' ')}`);
  return result.connection.id;
}
