import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { ConsentAnswer, ConsentRequestView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useTick } from '../hooks/use-tick.ts';
import { errorText } from '../lib/error-text.ts';
import { answerWithin, secondsUntil, shownAsIs } from '../lib/terminal-text.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Allow stays disabled this long after the prompt appears, so a click or key meant for what was under it cannot approve. */
const ARM_DELAY_MS = 1000;

/**
 * The consent prompt of terminal access (a modal above any screen). Focus starts on Deny, Escape
 * denies; Allow approves this terminal session for the session length, or, with "Don't ask again",
 * this account for good. Mount it with `key={request.id}`: each request starts fresh.
 */
export function TerminalConsent({ request, minutes }: { readonly request: ConsentRequestView; readonly minutes: number }): ReactElement {
  const api = useApi();
  const [always, setAlways] = useState(false);
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = useTick(useCallback((nowMs: number) => answerWithin(request.expiresAt, nowMs), [request.expiresAt]));
  const timeUp = useTick(useCallback((nowMs: number) => secondsUntil(request.expiresAt, nowMs) === 0, [request.expiresAt]));
  useEffect(() => {
    const timer = window.setTimeout(() => setArmed(true), ARM_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);

  const answer = (value: ConsentAnswer): void => {
    setError(null);
    api.answerConsent(request.id, value).catch((failure: unknown) => setError(errorText(failure)));
  };
  const { client } = request;
  const allowText = always ? 'Allow, don’t ask again' : `Allow for ${minutes} minute${minutes === 1 ? '' : 's'}`;

  return (
    <ConfirmDialog
      title="A terminal asks for a token"
      cancelText="Deny"
      confirmText={allowText}
      confirmClass="button button-primary"
      confirmDisabled={!armed || timeUp}
      onCancel={() => answer('deny')}
      onConfirm={() => answer(always ? 'always' : 'allow')}
    >
      <p className="consent-question">{shownAsIs(request.question)}.</p>
      {client.proven ? null : <p className="field-hint">The app could not confirm which program asked; this is what it says about itself.</p>}
      {client.chain.length === 0 ? null : (
        <>
          <p id="consent-chain" className="field-hint">
            Process chain, the asking program first
          </p>
          <ol className="consent-chain" aria-labelledby="consent-chain">
            {client.chain.map((link, index) => (
              <li key={`${index}|${link}`}>{shownAsIs(link)}</li>
            ))}
          </ol>
        </>
      )}
      <p className="consent-left" role="timer">
        {left[0]?.toUpperCase()}
        {left.slice(1)}; no answer denies it.
      </p>
      <CheckboxField
        id="consent-always"
        label="Don’t ask again for this account"
        checked={always}
        onChange={setAlways}
        hint="Any program on this computer running as you could then read this token without asking."
      />
      {error === null ? null : <p className="inline-error">{error}</p>}
    </ConfirmDialog>
  );
}
