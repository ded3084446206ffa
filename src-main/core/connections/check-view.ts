import type { ConnectionCheck, ConnectionCheckView } from '../../contract.ts';
import { CONNECTION_FORM_WORDS } from '../settings/connection-form-words.ts';

/** A verdict's look: `status-<look>` and the icon of that name, beside its word (never colour alone). */
const VERDICT_LOOK = { ok: 'valid', warning: 'expiring', failed: 'expired', skipped: 'sign_in_again' } as const;

/**
 * "Check connection"'s answer ready to show: the two steps in order, each with its heading, verdict
 * word and look, and one sentence for screen readers ("Authorization endpoint: OK. … Token endpoint
 * and client: Failed. …").
 */
export function checkView(check: ConnectionCheck): ConnectionCheckView {
  const { texts } = CONNECTION_FORM_WORDS;
  const lines = (['authorization', 'token'] as const).map((key) => ({ title: texts[key], word: texts.verdicts[check[key].verdict], look: VERDICT_LOOK[check[key].verdict], message: check[key].message }));
  return { ...check, lines, said: lines.map(({ title, word, message }) => `${title}: ${word}. ${message}`).join(' ') };
}
