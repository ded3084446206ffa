/**
 * The settings a person enters to use the sandbox's demo client: printed by `npm run dev:browser`,
 * entered up front by its `--configured`, and used by tests and benchmarks that need a configured app.
 */
import type { SettingsUpdate } from '../../src-main/contract.ts';
import { DEMO_CLIENT } from '../sandbox/registered-clients.ts';

/** Loopback redirect on any free port; the demo client accepts every port on 127.0.0.1. */
export const SANDBOX_REDIRECT_URI = 'http://127.0.0.1:0/callback';

/** Base URL, demo client id and secret, and a loopback redirect for a sandbox at `sandbox.url`. */
export function sandboxSettings(sandbox: { readonly url: string }): SettingsUpdate & { readonly baseUrl: string; readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string } {
  return {
    baseUrl: sandbox.url,
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    redirectUri: SANDBOX_REDIRECT_URI,
  };
}
