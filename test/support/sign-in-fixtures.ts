/**
 * Shared set-up for sign-in tests: a sandbox on loopback, a client config pointing at it, and an
 * `openUrl` that plays the person in the browser (approve or deny on the real consent page).
 */
import type { AiriskClientConfig, TokenBodyEncoding } from '../../src-main/core/oauth/client-config.ts';
import { completeConsent, type ConsentOutcome } from './consent.ts';
import type { Sandbox } from '../sandbox/sandbox-server.ts';

/** Config for the sandbox's demo client with a loopback redirect on any free port. */
export function sandboxConfig(sandbox: Sandbox, overrides: Partial<AiriskClientConfig> = {}): AiriskClientConfig {
  return {
    baseUrl: sandbox.url,
    authorizePath: '/api/oauth2/Authorize',
    tokenPath: '/api/oauth2/Token',
    clientId: sandbox.demoClient.clientId,
    clientSecret: sandbox.demoClient.clientSecret,
    redirectUri: 'http://127.0.0.1:0/callback',
    bodyEncoding: 'form' satisfies TokenBodyEncoding,
    ...overrides,
  };
}

/** A browser stand-in: each opened URL gets the decision; outcomes are kept for assertions. */
export class ConsentingBrowser {
  readonly opened: string[] = [];
  readonly outcomes: Promise<ConsentOutcome>[] = [];
  readonly decision: 'approve' | 'deny';
  readonly followRedirect: boolean;

  constructor(decision: 'approve' | 'deny' = 'approve', options: { followRedirect?: boolean } = {}) {
    this.decision = decision;
    this.followRedirect = options.followRedirect ?? true;
  }

  readonly openUrl = (url: string): Promise<void> => {
    this.opened.push(url);
    const outcome = completeConsent(url, this.decision, { followRedirect: this.followRedirect });
    outcome.catch(() => undefined);
    this.outcomes.push(outcome);
    return Promise.resolve();
  };

  /** The outcome of the last opened URL. */
  async last(): Promise<ConsentOutcome> {
    const outcome = this.outcomes.at(-1);
    if (outcome === undefined) throw new Error('The browser was never opened.');
    return outcome;
  }
}

/** A URL the browser never visits: the person has not acted yet. */
export const idleBrowser = { openUrl: (): Promise<void> => Promise.resolve() };

/** GET /api/me with a bearer header, as a client of the AIRisk API would. */
export async function whoAmI(sandbox: Sandbox, authorizationHeader: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}/api/me`, { headers: { Authorization: authorizationHeader.replace(/^Authorization:\s*/i, '') } });
  return { status: response.status, body: await response.json() };
}
