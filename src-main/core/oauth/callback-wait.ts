import type { ServerResponse } from 'node:http';
import type { CallbackConnections } from './callback-connections.ts';
import { CALLBACK_PAGE_HEADERS, callbackPages, renderCallbackPage } from './callback-pages.ts';
import type { CallbackPage } from './callback-pages.ts';
import type { CallbackParameters } from './callback-parameters.ts';
import { describeDuration } from './duration-text.ts';
import { SignInError } from './sign-in-error.ts';

/** How the sign-in ended, told to the person in the browser. */
export type CallbackFinish =
  | { readonly ok: true; readonly title: string; readonly detail: string }
  | { readonly ok: false; readonly title: string; readonly detail: string };

/** The authorization code from the browser, and the way to answer the browser's request. */
export interface ReceivedCode {
  readonly code: string;
  /** Tell the person in the browser how the sign-in ended; the callback response is held until then (or finishTimeoutMs). */
  finish(outcome: CallbackFinish): void;
}

/**
 * The life of one wait for the browser: `waiting` until the first valid callback (or an error,
 * the timeout, a cancel), then `received` while the browser's request is held for `finish`, then
 * `ended`. Every ending closes the connections; every timer is cleared by then.
 */
export class CallbackWait {
  readonly #connections: CallbackConnections;
  readonly #received = Promise.withResolvers<ReceivedCode>();
  readonly #finishTimeoutMs: number;
  #phase: 'waiting' | 'received' | 'ended' = 'waiting';
  #codeDelivered = false;
  #held: ServerResponse | undefined;
  #waitTimer: NodeJS.Timeout | undefined;
  #finishTimer: NodeJS.Timeout | undefined;

  constructor(connections: CallbackConnections, finishTimeoutMs: number) {
    this.#connections = connections;
    this.#finishTimeoutMs = finishTimeoutMs;
    this.#received.promise.catch(() => undefined); // a cancel nobody awaits must not crash the process
  }

  /** Resolves with the first valid code; rejects with SignInError. */
  get received(): Promise<ReceivedCode> {
    return this.#received.promise;
  }

  /** Starts counting `timeoutMs` for the browser to come back. */
  startTimer(timeoutMs: number): void {
    this.#waitTimer = setTimeout(() => {
      if (this.#phase !== 'waiting') return;
      this.#fail(
        new SignInError(
          'callback_timeout',
          `No answer came back from the browser within ${describeDuration(timeoutMs)}, so the sign-in was stopped. ` +
            'You can start again from AIRisk Token Tray.',
        ),
      );
      this.#shutdown();
    }, timeoutMs);
  }

  /** Forgets a held browser request that went away: there is nothing left to tell it. */
  watch(response: ServerResponse): void {
    response.on('close', () => {
      if (response === this.#held && this.#phase === 'received') this.#held = undefined;
    });
  }

  /** Answers one request with a page (Connection: close once the wait is over). */
  send(response: ServerResponse, page: CallbackPage, extraHeaders: Record<string, string> = {}): void {
    if (response.headersSent || response.destroyed) return;
    const body = renderCallbackPage(page);
    const headers: Record<string, string | number> = { ...CALLBACK_PAGE_HEADERS, ...extraHeaders, 'Content-Length': Buffer.byteLength(body) };
    if (this.#connections.closing || this.#phase === 'ended') headers['Connection'] = 'close';
    response.writeHead(page.status, headers);
    response.end(body);
  }

  /** What a GET on the redirect path means for this wait, given its parameters. */
  answer(response: ServerResponse, parameters: CallbackParameters): void {
    if (parameters.kind === 'wrong_state') {
      this.send(response, callbackPages.wrongState());
      return;
    }
    if (this.#phase !== 'waiting') {
      this.send(response, this.#codeDelivered ? callbackPages.alreadyCompleted() : callbackPages.ended());
      return;
    }
    switch (parameters.kind) {
      case 'no_code':
        this.send(response, callbackPages.noCode());
        return;
      case 'error':
        this.#fail(parameters.error);
        this.send(
          response,
          parameters.error.code === 'access_denied'
            ? callbackPages.refused(parameters.description)
            : callbackPages.authorizationError(parameters.oauthError, parameters.description),
        );
        this.#shutdown();
        return;
      case 'wrong_issuer':
        this.#fail(parameters.error);
        this.send(response, callbackPages.wrongIssuer());
        this.#shutdown();
        return;
      case 'code':
        this.#deliver(parameters.code, response);
        return;
    }
  }

  /** A listening socket failed after the start: the wait cannot go on. */
  serverFailed(error: SignInError): void {
    this.#fail(error);
    this.#answerHeld(callbackPages.finishUnknown());
    this.#shutdown();
  }

  /** Ends the wait (rejects `received` with 'cancelled' if still pending) and closes. Idempotent. */
  cancel(reason?: string): void {
    if (this.#connections.closing) return;
    this.#fail(new SignInError('cancelled', reason ?? 'The sign-in was cancelled before the browser came back.'));
    this.#answerHeld(callbackPages.cancelledWhileFinishing());
    this.#phase = 'ended';
    this.#shutdown();
  }

  #fail(error: SignInError): void {
    if (this.#phase !== 'waiting') return;
    this.#phase = 'ended';
    this.#received.reject(error);
  }

  #deliver(code: string, response: ServerResponse): void {
    this.#phase = 'received';
    this.#codeDelivered = true;
    clearTimeout(this.#waitTimer);
    this.#held = response;
    this.#finishTimer = setTimeout(() => this.#answerHeld(callbackPages.finishUnknown()), this.#finishTimeoutMs);
    this.#received.resolve({ code, finish: (outcome) => this.#answerHeld(callbackPages.finished(outcome)) });
  }

  /** Ends a wait whose code was delivered: answers the held browser request (if still there) and closes. */
  #answerHeld(page: CallbackPage): void {
    if (this.#phase !== 'received') return;
    this.#phase = 'ended';
    const response = this.#held;
    this.#held = undefined;
    if (response !== undefined) this.send(response, page);
    this.#shutdown();
  }

  #shutdown(): void {
    clearTimeout(this.#waitTimer);
    clearTimeout(this.#finishTimer);
    this.#connections.close();
  }
}
