import { useEffect } from 'react';
import type { ConnectionSummary, SignInView } from '../../src-main/contract.ts';
import { connectionNameToShow } from '../lib/connection-text.ts';
import { announce } from '../lib/announcer.ts';
import { stageAnnouncement } from '../lib/sign-in-text.ts';

/**
 * Announces each new sign-in stage through the live region, wherever the sign-in was started;
 * with two or more connections, naming the connection.
 */
export function useStageAnnouncements(signIn: SignInView | null, connections: readonly ConnectionSummary[]): void {
  const userid = signIn?.userid ?? null;
  const stage = signIn?.stage;
  const connectionName = connectionNameToShow(connections, signIn?.connectionId ?? null);
  useEffect(() => {
    if (stage !== undefined) announce(stageAnnouncement(userid, stage, connectionName));
  }, [userid, stage, connectionName]);
}
