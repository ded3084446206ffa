import type { ConnectionCheck, ConnectionCheckStep } from '../../src-main/contract.ts';
import type { IconName } from '../components/Icon.tsx';

/** A check step's verdict as a word, a shape and a colour class (never colour alone). */
export const VERDICT_LOOK: Readonly<Record<ConnectionCheckStep['verdict'], { readonly word: string; readonly icon: IconName; readonly className: string }>> = {
  ok: { word: 'OK', icon: 'valid', className: 'status-valid' },
  warning: { word: 'Warning', icon: 'expiring', className: 'status-expiring' },
  failed: { word: 'Failed', icon: 'expired', className: 'status-expired' },
  skipped: { word: 'Not checked', icon: 'sign_in_again', className: 'status-sign_in_again' },
};

/** The two steps of a check in the order shown, each with its heading. */
export function checkSteps(check: ConnectionCheck): readonly { readonly key: string; readonly title: string; readonly step: ConnectionCheckStep }[] {
  return [
    { key: 'authorization', title: 'Authorization endpoint', step: check.authorization },
    { key: 'token', title: 'Token endpoint and client', step: check.token },
  ];
}

/** One sentence for the live region: "Check connection: authorization endpoint OK, token endpoint failed. …". */
export function checkAnnouncement(check: ConnectionCheck): string {
  return checkSteps(check)
    .map(({ title, step }) => `${title}: ${VERDICT_LOOK[step.verdict].word}. ${step.message}`)
    .join(' ');
}
