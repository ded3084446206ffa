/**
 * The settings a person enters on first run to use the sandbox's demo client, for printing them
 * and for `--configured`, which enters them up front.
 */
import type { SettingsUpdate } from '../../../src-main/contract.ts';
import type { Sandbox } from '../../sandbox/sandbox-server.ts';

/** Loopback redirect on any free port; the demo client accepts every port on 127.0.0.1. */
export const SANDBOX_REDIRECT_URI = 'http://127.0.0.1:0/callback';

/** Base URL, demo client id and secret, and a loopback redirect for `sandbox`. */
export function sandboxSettings(sandbox: Sandbox): SettingsUpdate & { readonly baseUrl: string; readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string } {
  return {
    baseUrl: sandbox.url,
    clientId: sandbox.demoClient.clientId,
    clientSecret: sandbox.demoClient.clientSecret,
    redirectUri: SANDBOX_REDIRECT_URI,
  };
}
