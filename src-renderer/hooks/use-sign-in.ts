import { useCallback, useState } from 'react';
import type { AiriskApi, ErrorView, SignInOutcome } from '../../src-main/contract.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';

/** What the sign-in sheet asks for. */
export interface SignInRequest {
  readonly userid: string | null;
  /** null: main's default (the active account's connection, else the first). */
  readonly connectionId: string | null;
}

/** Starting sign-ins and renewals from the window, and a call that failed outright. */
export interface SignInControl {
  readonly start: (request: SignInRequest) => void;
  /** Renews the account's token (main names the account in the announcement). */
  readonly renew: (accountId: string) => void;
  /** The window's own call rejected (main's failures arrive as `state.lastError`). */
  readonly failure: ErrorView | null;
  readonly clearFailure: () => void;
}

/**
 * Runs sign-ins through the contract and announces how they end, in main's words. The progress
 * and main's failures come from the state (the same whether the sign-in started here or in the tray).
 */
export function useSignIn(api: AiriskApi): SignInControl {
  const [failure, setFailure] = useState<ErrorView | null>(null);

  const run = useCallback(async (call: () => Promise<SignInOutcome>) => {
    setFailure(null);
    try {
      announce((await call()).message);
    } catch (error) {
      const message = errorText(error);
      setFailure({ code: 'call_failed', message, at: new Date().toISOString() });
      announce(`Sign-in failed: ${message}`);
    }
  }, []);

  const start = ({ userid, connectionId }: SignInRequest): void => void run(() => api.signIn({ ...(connectionId === null ? {} : { connectionId }), ...(userid === null ? {} : { userid }) }));
  const renew = useCallback((accountId: string) => void run(() => api.renew(accountId)), [api, run]);
  const clearFailure = (): void => setFailure(null);
  return { start, renew, failure, clearFailure };
}
