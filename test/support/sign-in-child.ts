/**
 * One sign-in in a child process, for tests that must run it as another user (an ordinary one,
 * who may not listen on port 443): `await import()` this module with the request in the
 * AIRISK_TEST_SIGN_IN environment variable (JSON). The browser approves on the sandbox's consent
 * page, then either follows the redirect like a browser (`follow`) or hands the redirected URL to
 * the sign-in as a person would paste it (`paste`). Prints one JSON line: what happened, no secret.
 */
import type { AiriskClientConfig } from '../../src-main/core/oauth/client-config.ts';
import { startSignIn, type SignInAttempt, type SignInProgress } from '../../src-main/core/oauth/sign-in.ts';
import { completeConsent } from './consent.ts';

/** What the parent asks for. */
export interface SignInChildRequest {
  readonly config: AiriskClientConfig;
  readonly browser: 'follow' | 'paste';
  readonly callbackTimeoutMs: number;
}

/** What the child reports. */
export interface SignInChildOutcome {
  /** How many times the browser was opened. */
  readonly opened: number;
  /** The `waiting_for_browser` stage, if it was reached. */
  readonly listening?: boolean;
  readonly notes?: readonly string[];
  readonly signedIn?: boolean;
  readonly code?: string;
  readonly message?: string;
}

const request = JSON.parse(process.env['AIRISK_TEST_SIGN_IN'] ?? '{}') as SignInChildRequest;
let opened = 0;
let waiting: Extract<SignInProgress, { stage: 'waiting_for_browser' }> | undefined;
let attempt: SignInAttempt | undefined = undefined;

const openUrl = (url: string): Promise<void> => {
  opened++;
  const followRedirect = request.browser === 'follow';
  void completeConsent(url, 'approve', { followRedirect })
    .then(({ location }) => {
      if (!followRedirect) attempt?.submitRedirectedUrl(location);
    })
    .catch(() => undefined);
  return Promise.resolve();
};

attempt = startSignIn(
  {
    config: request.config,
    callbackTimeoutMs: request.callbackTimeoutMs,
    onProgress: (progress) => {
      if (progress.stage === 'waiting_for_browser') waiting = progress;
    },
  },
  { openUrl },
);
let ended: Pick<SignInChildOutcome, 'signedIn' | 'code' | 'message'>;
try {
  await attempt.result;
  ended = { signedIn: true };
} catch (error) {
  const { code, message } = error as { code?: string; message?: string };
  ended = { signedIn: false, ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
}
const progress = waiting === undefined ? {} : { listening: waiting.listening, notes: waiting.notes };
console.log(JSON.stringify({ opened, ...progress, ...ended } satisfies SignInChildOutcome));
