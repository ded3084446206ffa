import { useEffect } from 'react';
import type { SignInView } from '../../src-main/contract.ts';
import { announce } from '../lib/announcer.ts';

/** Announces each new sign-in stage, in main's words, wherever the sign-in was started. */
export function useStageAnnouncements(signIn: SignInView | null): void {
  const message = signIn?.message;
  useEffect(() => {
    if (message !== undefined) announce(message);
  }, [message]);
}
