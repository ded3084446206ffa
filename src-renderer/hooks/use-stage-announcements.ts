import { useEffect } from 'react';
import type { SignInView } from '../../src-main/contract.ts';
import { announce } from '../lib/announcer.ts';
import { stageAnnouncement } from '../lib/sign-in-text.ts';

/** Announces each new sign-in stage through the live region, wherever the sign-in was started. */
export function useStageAnnouncements(signIn: SignInView | null): void {
  const userid = signIn?.userid ?? null;
  const stage = signIn?.stage;
  useEffect(() => {
    if (stage !== undefined) announce(stageAnnouncement(userid, stage));
  }, [userid, stage]);
}
