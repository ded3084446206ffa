import { buildAuthorizationUrl } from './authorization-url.ts';
import type { ReceivedCode } from './callback-server.ts';
import { startCallbackReception, type CallbackReception } from './callback-reception.ts';
import { signInSubject } from './callback-parameters.ts';
import { expectedIssuer, findClientConfigProblems, type AiriskClientConfig } from './client-config.ts';
import { describeDuration } from './duration-text.ts';
import type { FetchPort } from './fetch-port.ts';
import { parsePastedCallback, type PastedCallbackExpectation } from './pasted-callback.ts';
import { createPkcePair, createState } from './pkce.ts';
import { parseLoopbackRedirectUri } from './redirect-uri.ts';
import { isSignInError, SignInError } from './sign-in-error.ts';
import { describeReachFailure, isDefiniteReachFailure, probeSignInPage } from './sign-in-page-probe.ts';
import { exchangeCode, type IssuedToken } from './token-client.ts';
import { normaliseUserid } from './userid.ts';

/** Where a sign-in stands, for the window, the tray and the CLI. Carries no secret. */
export type SignInProgress =
  | { readonly stage: 'opening_browser'; readonly authorizationUrl: string }
  | {
      readonly stage: 'waiting_for_browser';
      readonly authorizationUrl: string;
      /** The redirect URI in use (the real port filled in). */
      readonly redirectUri: string;
      /** False when the callback cannot be received and the redirected URL must be pasted. */
      readonly listening: boolean;
      /** Something the person should know, e.g. the browser could not be opened. */
      readonly notes: readonly string[];
      /** When the sign-in gives up waiting (ms since the epoch, on `ports.now`'s clock). */
      readonly deadline: number;
    }
  | { readonly stage: 'exchanging_code' };

/** What the sign-in needs from the outside world. */
export interface SignInPorts {
  /** Opens the authorization URL in the system browser. */
  readonly openUrl: (url: string) => Promise<void>;
  readonly fetch?: FetchPort;
  readonly now?: () => number;
  /** Key and certificate for an https://localhost redirect URI. */
  readonly localhostCertificate?: () => Promise<{ key: string; cert: string }>;
}

export interface SignInRequest {
  readonly config: AiriskClientConfig;
  /** Absent for the generic token; `user_42` for a user-specific one. */
  readonly userid?: string;
  /** The connection's name, for messages ("AIRisk refused the sign-in for user_42 on Staging"); default: the base URL's host. */
  readonly connectionName?: string;
  /** PKCE S256; on by default (RFC 9700). Servers ignore parameters they do not know. */
  readonly usePkce?: boolean;
  /** How long to wait for the browser. Default 5 min. */
  readonly callbackTimeoutMs?: number;
  /** How long the sign-in page may take to answer before the browser opens (default 3 s). */
  readonly reachTimeoutMs?: number;
  readonly tokenTimeoutMs?: number;
  readonly onProgress?: (progress: SignInProgress) => void;
}

export interface SignInResult {
  readonly userid: string | undefined;
  readonly token: IssuedToken;
}

/** One sign-in under way. */
export interface SignInAttempt {
  /** Resolves with the token; rejects with a SignInError. Nothing is stored either way. */
  readonly result: Promise<SignInResult>;
  /**
   * Finishes the sign-in with the URL the browser was redirected to, when the callback could not
   * reach us. Throws SignInError('paste_invalid') and keeps waiting when the URL is not ours.
   */
  submitRedirectedUrl(url: string): void;
  /** Ends the sign-in; `result` rejects with 'cancelled'. Idempotent. */
  cancel(): void;
}

export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000;

/** How long the sign-in page may take to answer at all before a sign-in gives up on it, by default. */
export const DEFAULT_REACH_TIMEOUT_MS = 3000;

/** Runs sign-ins one at a time: starting a new one cancels the pending one cleanly. */
export class SignInCoordinator {
  readonly #ports: SignInPorts;
  #current: SignInAttempt | undefined;

  constructor(ports: SignInPorts) {
    this.#ports = ports;
  }

  /** The sign-in under way (waiting for the browser or exchanging its code), if any. */
  get current(): SignInAttempt | undefined {
    return this.#current;
  }

  /** True while a sign-in is under way. */
  get pending(): boolean {
    return this.#current !== undefined;
  }

  start(request: SignInRequest): SignInAttempt {
    this.#current?.cancel();
    const attempt = startSignIn(request, this.#ports);
    this.#current = attempt;
    const clear = (): void => {
      if (this.#current === attempt) this.#current = undefined;
    };
    attempt.result.then(clear, clear);
    return attempt;
  }

  /** Cancels the pending sign-in, if any. */
  cancel(): void {
    this.#current?.cancel();
  }

  /** Hands a pasted redirect URL to the pending sign-in. */
  submitRedirectedUrl(url: string): void {
    if (this.#current === undefined) throw new SignInError('paste_invalid', 'No sign-in is waiting for a pasted URL; start one first.');
    this.#current.submitRedirectedUrl(url);
  }
}

/** Starts one sign-in: state + PKCE, loopback callback, browser, code exchange. */
export function startSignIn(request: SignInRequest, ports: SignInPorts): SignInAttempt {
  const abort = new AbortController();
  const cancelled = new Promise<never>((_, reject) => {
    abort.signal.addEventListener('abort', () => reject(new SignInError('cancelled', 'The sign-in was cancelled.')), { once: true });
  });
  cancelled.catch(() => undefined);
  let pastedCode: ((code: string) => void) | undefined;
  let pastedError: ((error: SignInError) => void) | undefined;
  const pasted = new Promise<string>((resolve, reject) => {
    pastedCode = resolve;
    pastedError = reject;
  });
  pasted.catch(() => undefined);
  let expected: PastedCallbackExpectation | undefined;

  const result = runSignIn(request, ports, {
    signal: abort.signal,
    cancelled,
    pasted,
    expect: (value) => {
      expected = value;
    },
  });
  result.catch(() => undefined).finally(() => abort.abort());

  return {
    result,
    submitRedirectedUrl(url: string): void {
      if (expected === undefined) throw new SignInError('paste_invalid', 'The sign-in is not waiting for the browser yet; paste the URL once the browser has been opened.');
      try {
        pastedCode?.(parsePastedCallback(url, expected));
      } catch (error) {
        if (isSignInError(error, 'access_denied', 'authorization_error', 'issuer_mismatch')) pastedError?.(error);
        throw error;
      }
    },
    cancel(): void {
      abort.abort();
    },
  };
}

interface RunControls {
  readonly signal: AbortSignal;
  readonly cancelled: Promise<never>;
  readonly pasted: Promise<string>;
  readonly expect: (value: PastedCallbackExpectation) => void;
}

/** What one sign-in fixed before the browser opens: who it is for and its one-time values. */
interface SignInPlan {
  readonly config: AiriskClientConfig;
  readonly userid: string | undefined;
  readonly state: string;
  readonly issuer: string;
  /** Who it is for, in messages: "user_42 on Staging". */
  readonly subject: string;
  readonly pkce: { readonly verifier: string; readonly challenge: string } | undefined;
  readonly timeoutMs: number;
  /** When waiting for the browser ends (ms since the epoch). */
  readonly deadline: number;
}

async function runSignIn(request: SignInRequest, ports: SignInPorts, controls: RunControls): Promise<SignInResult> {
  const plan = planSignIn(request, ports.now ?? Date.now);
  const notes: string[] = [];
  // Before the browser opens: a port another program holds ends the sign-in here.
  const reception = await receiveCallback(plan, ports);
  const callback = reception.kind === 'listening' ? reception.callback : undefined;
  if (reception.kind === 'paste_only') notes.push(reception.note);
  let handedOff = false;
  try {
    callback?.received.catch(() => undefined);
    const redirectUri = callback?.redirectUri ?? plan.config.redirectUri;
    controls.expect({ redirectUri, state: plan.state, issuer: plan.issuer, subject: plan.subject });
    await openBrowser(plan, redirectUri, { request, ports, controls, listening: callback !== undefined, notes });
    const received = await Promise.race<ReceivedCode>([
      callback?.received ?? pasteOnlyTimeout(plan.timeoutMs, controls.signal),
      // A pasted URL has no browser request waiting for a page: finishing just closes the server.
      controls.pasted.then((code) => ({ code, finish: () => callback?.cancel() })),
      controls.cancelled,
    ]);
    request.onProgress?.({ stage: 'exchanging_code' });
    handedOff = true;
    return await exchangeAndTellBrowser(plan, redirectUri, received, { request, ports, signal: controls.signal });
  } finally {
    if (!handedOff) callback?.cancel();
  }
}

/** Checks the configuration and draws the sign-in's one-time state and PKCE pair. */
function planSignIn(request: SignInRequest, now: () => number): SignInPlan {
  const problems = findClientConfigProblems(request.config);
  if (problems.length > 0) throw new SignInError('invalid_configuration', problems.map((problem) => problem.message).join(' '));
  const userid = request.userid === undefined ? undefined : normaliseUserid(request.userid);
  return {
    config: request.config,
    userid,
    state: createState(),
    issuer: expectedIssuer(request.config),
    subject: signInSubject(userid, request.connectionName ?? new URL(request.config.baseUrl).host),
    pkce: request.usePkce === false ? undefined : createPkcePair(),
    timeoutMs: request.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
    deadline: now() + (request.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS),
  };
}

/** Starts listening for the browser's redirect (with a certificate for an https redirect URI). */
async function receiveCallback(plan: SignInPlan, ports: SignInPorts): Promise<CallbackReception> {
  const redirect = parseLoopbackRedirectUri(plan.config.redirectUri);
  const tls = redirect.protocol === 'https' ? await loadCertificate(ports) : undefined;
  return startCallbackReception({ redirectUri: plan.config.redirectUri, expectedState: plan.state, expectedIssuer: plan.issuer, subject: plan.subject, timeoutMs: plan.timeoutMs, ...(tls === undefined ? {} : { tls }) });
}

/** Builds the authorization URL, opens it in the browser and reports the wait. */
async function openBrowser(
  plan: SignInPlan,
  redirectUri: string,
  context: { request: SignInRequest; ports: SignInPorts; controls: RunControls; listening: boolean; notes: string[] },
): Promise<void> {
  const { config, userid, pkce } = plan;
  const authorizationUrl = buildAuthorizationUrl({
    baseUrl: config.baseUrl,
    authorizePath: config.authorizePath,
    clientId: config.clientId,
    redirectUri,
    state: plan.state,
    ...(pkce === undefined ? {} : { codeChallenge: pkce.challenge }),
    ...(userid === undefined ? {} : { userid }),
    ...(config.scope === undefined ? {} : { scope: config.scope }),
  }).href;
  if (context.controls.signal.aborted) throw new SignInError('cancelled', 'The sign-in was cancelled.');
  context.request.onProgress?.({ stage: 'opening_browser', authorizationUrl });
  await requireSignInPage(config, context);
  try {
    await context.ports.openUrl(authorizationUrl);
  } catch {
    context.notes.push('The browser could not be opened: check the system’s default browser, then open the sign-in page again.');
  }
  context.request.onProgress?.({ stage: 'waiting_for_browser', authorizationUrl, redirectUri, listening: context.listening, notes: context.notes, deadline: plan.deadline });
}

/**
 * Fails fast on a wrong base URL: the sign-in page must answer at all (any HTTP status) within the
 * reach timeout, or the sign-in ends here with one sentence naming the page and the network error,
 * instead of a browser showing "site can't be reached" while the app waits for minutes.
 */
async function requireSignInPage(config: AiriskClientConfig, context: { request: SignInRequest; ports: SignInPorts; controls: RunControls; notes: string[] }): Promise<void> {
  const timeoutMs = context.request.reachTimeoutMs ?? DEFAULT_REACH_TIMEOUT_MS;
  const probe = await probeSignInPage(config, context.ports.fetch ?? globalThis.fetch, timeoutMs, context.controls.signal);
  if (context.controls.signal.aborted) throw new SignInError('cancelled', 'The sign-in was cancelled.');
  if (probe.kind !== 'unreachable') return;
  const sentence = describeReachFailure(probe.error, probe.page, probe.timedOutAfterMs);
  if (isDefiniteReachFailure(probe.error, probe.timedOutAfterMs)) throw new SignInError('authorization_unreachable', sentence, { cause: probe.error });
  context.notes.push(`A quick check of the sign-in page failed, so the browser may not reach it either: ${sentence}`);
}

/** Exchanges the code, then tells the browser tab how it went (which also closes the callback server). */
async function exchangeAndTellBrowser(
  plan: SignInPlan,
  redirectUri: string,
  received: ReceivedCode,
  context: { request: SignInRequest; ports: SignInPorts; signal: AbortSignal },
): Promise<SignInResult> {
  const { config, userid, pkce } = plan;
  const { request, ports } = context;
  try {
    const token = await exchangeCode(
      {
        config,
        redirectUri,
        code: received.code,
        ...(pkce === undefined ? {} : { codeVerifier: pkce.verifier }),
        ...(userid === undefined ? {} : { userid }),
      },
      {
        signal: context.signal,
        ...(ports.fetch === undefined ? {} : { fetch: ports.fetch }),
        ...(ports.now === undefined ? {} : { now: ports.now }),
        ...(request.tokenTimeoutMs === undefined ? {} : { timeoutMs: request.tokenTimeoutMs }),
      },
    );
    // The browser tab learns the outcome on the next turn, after the caller has stored the token.
    setImmediate(() => received.finish({ ok: true, title: 'Signed in', detail: `${userid === undefined ? 'The generic token' : `The token for ${userid}`} is ready in AIRisk Token Tray.` }));
    return { userid, token };
  } catch (error) {
    const detail = error instanceof SignInError ? error.message : 'The sign-in failed.';
    setImmediate(() => received.finish({ ok: false, title: 'Sign-in failed', detail }));
    throw error;
  }
}

async function loadCertificate(ports: SignInPorts): Promise<{ key: string; cert: string }> {
  if (ports.localhostCertificate === undefined) {
    throw new SignInError('invalid_configuration', 'An https redirect URI needs a localhost certificate, which this build cannot provide. Use http://127.0.0.1:8765/callback instead.');
  }
  return ports.localhostCertificate();
}

/** Without a callback server only a paste can finish the sign-in; give up after the same timeout. */
function pasteOnlyTimeout(timeoutMs: number, signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    const timer = setTimeout(() => {
      reject(new SignInError('callback_timeout', `No redirected URL was pasted within ${describeDuration(timeoutMs)}. Start the sign-in again.`));
    }, timeoutMs);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}
