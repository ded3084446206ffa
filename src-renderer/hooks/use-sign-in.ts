import { useCallback, useState } from 'react';
import type { AiriskApi, ErrorView, SignInOutcome } from '../../src-main/contract.ts';
import { announce } from '../lib/announcer.ts';
import { onConnection } from '../lib/connection-text.ts';
import { errorText } from '../lib/error-text.ts';
import { signInSubject } from '../lib/sign-in-text.ts';

/**
 * A sign-in the window started: a new one for a userid (or generic) on a connection, or a renewal
 * of an account. `connectionName` is named in what the window says (null with one connection).
 */
export type SignInAttempt =
  | { readonly kind: 'sign-in'; readonly userid: string | null; readonly connectionId: string | null; readonly connectionName: string | null }
  | { readonly kind: 'renew'; readonly accountId: string; readonly label: string; readonly connectionName: string | null };

/** What the sign-in form asks for. */
export interface SignInRequest {
  readonly userid: string | null;
  /** null: main's default (the active account's connection, else the first). */
  readonly connectionId: string | null;
  readonly connectionName: string | null;
}

/** Starting, renewing and retrying sign-ins, and how the last one the window started ended. */
export interface SignInControl {
  readonly start: (request: SignInRequest) => void;
  readonly renew: (accountId: string, label: string, connectionName: string | null) => void;
  readonly retry: () => void;
  readonly lastAttempt: SignInAttempt | null;
  /** The failure of the window's own last attempt (a rejected call, or a failed outcome). */
  readonly failure: ErrorView | null;
  readonly clearFailure: () => void;
  /** The failure the person dismissed (`at|message`); kept here so it stays dismissed across screens. */
  readonly dismissedKey: string | null;
  readonly dismiss: (key: string | null) => void;
}

function subjectOf(attempt: SignInAttempt): string {
  if (attempt.kind === 'sign-in') return signInSubject(attempt.userid, attempt.connectionName);
  return onConnection(attempt.label, attempt.connectionName);
}

/** "Sign-in failed", or "Sign-in on Staging failed" with two or more connections. */
function failedPrefix(attempt: SignInAttempt): string {
  return attempt.connectionName === null ? 'Sign-in failed' : `Sign-in on ${attempt.connectionName} failed`;
}

function signInArgument(attempt: SignInAttempt & { kind: 'sign-in' }): { connectionId?: string; userid?: string } {
  return { ...(attempt.connectionId === null ? {} : { connectionId: attempt.connectionId }), ...(attempt.userid === null ? {} : { userid: attempt.userid }) };
}

/**
 * Runs sign-ins through the contract and announces how they end. The progress itself comes from
 * `state.signIn` (the same whether the sign-in started here or in the tray).
 */
export function useSignIn(api: AiriskApi): SignInControl {
  const [lastAttempt, setLastAttempt] = useState<SignInAttempt | null>(null);
  const [failure, setFailure] = useState<ErrorView | null>(null);
  const [dismissedKey, dismiss] = useState<string | null>(null);

  const run = useCallback(
    async (attempt: SignInAttempt) => {
      setLastAttempt(attempt);
      setFailure(null);
      let outcome: SignInOutcome;
      try {
        outcome = attempt.kind === 'renew' ? await api.renew(attempt.accountId) : await api.signIn(signInArgument(attempt));
      } catch (error) {
        const message = errorText(error);
        setFailure({ code: 'call_failed', message, at: new Date().toISOString() });
        announce(`${failedPrefix(attempt)}: ${message}`);
        return;
      }
      if (outcome.ok) {
        announce(`Signed in: the token for ${subjectOf(attempt)} is saved.`);
      } else if (outcome.error.code === 'cancelled') {
        announce('Sign-in cancelled.');
      } else {
        setFailure(outcome.error);
        announce(`${failedPrefix(attempt)}: ${outcome.error.message}`);
      }
    },
    [api],
  );

  const start = useCallback((request: SignInRequest) => void run({ kind: 'sign-in', ...request }), [run]);
  const renew = useCallback((accountId: string, label: string, connectionName: string | null) => void run({ kind: 'renew', accountId, label, connectionName }), [run]);
  const retry = useCallback(() => {
    if (lastAttempt !== null) void run(lastAttempt);
  }, [lastAttempt, run]);
  const clearFailure = useCallback(() => setFailure(null), []);

  return { start, renew, retry, lastAttempt, failure, clearFailure, dismissedKey, dismiss };
}
