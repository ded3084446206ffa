import type { ConnectionCheck, ConnectionCheckStep } from '../../src-main/contract.ts';

/** A check step's verdict as a word and its look (`status-<look>` and the icon of that name: never colour alone). */
export const VERDICT_LOOK: Readonly<Record<ConnectionCheckStep['verdict'], readonly [word: string, look: 'valid' | 'expiring' | 'expired' | 'sign_in_again']>> = {
  ok: ['OK', 'valid'],
  warning: ['Warning', 'expiring'],
  failed: ['Failed', 'expired'],
  skipped: ['Not checked', 'sign_in_again'],
};

/** The two steps of a check in the order shown, each with its heading. */
export function checkSteps(check: ConnectionCheck): readonly (readonly [title: string, step: ConnectionCheckStep])[] {
  return [
    ['Authorization endpoint', check.authorization],
    ['Token endpoint and client', check.token],
  ];
}

/** One sentence for the live region: "Authorization endpoint: OK. … Token endpoint and client: Failed. …". */
export function checkAnnouncement(check: ConnectionCheck): string {
  return checkSteps(check)
    .map(([title, step]) => `${title}: ${VERDICT_LOOK[step.verdict][0]}. ${step.message}`)
    .join(' ');
}
