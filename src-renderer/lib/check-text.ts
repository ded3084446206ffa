import type { ConnectionCheck, ConnectionCheckStep, ConnectionFormWords } from '../../src-main/contract.ts';

/** A verdict's look: `status-<look>` and the icon of that name, beside main's word (never colour alone). */
export const VERDICT_LOOK: Readonly<Record<ConnectionCheckStep['verdict'], 'valid' | 'expiring' | 'expired' | 'sign_in_again'>> = {
  ok: 'valid',
  warning: 'expiring',
  failed: 'expired',
  skipped: 'sign_in_again',
};

/** The two steps of a check in the order shown, each with its heading and verdict in main's words. */
export function checkSteps(check: ConnectionCheck, texts: ConnectionFormWords['texts']): readonly (readonly [title: string, word: string, step: ConnectionCheckStep])[] {
  return (['authorization', 'token'] as const).map((key) => [texts[key], texts.verdicts[check[key].verdict], check[key]]);
}

/** One sentence for the live region: "Authorization endpoint: OK. … Token endpoint and client: Failed. …". */
export function checkAnnouncement(check: ConnectionCheck, texts: ConnectionFormWords['texts']): string {
  return checkSteps(check, texts)
    .map(([title, word, step]) => `${title}: ${word}. ${step.message}`)
    .join(' ');
}
