import { useEffect, useState, type ReactElement } from 'react';
import type { ConsentAnswer, ConsentRequestView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useTick } from '../hooks/use-tick.ts';
import { errorText } from '../lib/error-text.ts';
import { answerWithin, shownAsIs, TIME_UP } from '../lib/terminal-text.ts';
import { Field } from './Field.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** Allow stays disabled this long after the prompt appears, so a click or key meant for what was under it cannot approve. */
const ARM_DELAY_MS = 1000;

/**
 * The consent prompt of terminal access (a modal above any screen), in main's words. Focus starts
 * on Deny, Escape denies; Allow approves this terminal session for the session length, or, with
 * "Don't ask again", this account for good. Mount it with `key={request.id}`: each request starts fresh.
 */
export function TerminalConsent({ request }: { readonly request: ConsentRequestView; readonly minutes?: number }): ReactElement {
  const api = useApi();
  const [always, setAlways] = useState(false);
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = useTick((nowMs) => answerWithin(request.expiresAt, nowMs));
  useEffect(() => {
    const timer = window.setTimeout(() => setArmed(true), ARM_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);

  const answer = (value: ConsentAnswer): void => {
    setError(null);
    api.answerConsent(request.id, value).catch((failure: unknown) => setError(errorText(failure)));
  };
  const { client, words } = request;

  return (
    <ConfirmDialog
      title={words.title}
      cancelText="Deny"
      confirmText={always ? words.allowAlways : request.allow}
      confirmClass="button button-primary"
      confirmDisabled={!armed || left === TIME_UP}
      onCancel={() => answer('deny')}
      onConfirm={() => answer(always ? 'always' : 'allow')}
    >
      <p className="consent-question">{shownAsIs(request.question)}.</p>
      {request.claimNote === null ? null : <p className="field-hint">{request.claimNote}</p>}
      {client.chain.length === 0 ? null : (
        <>
          <p id="consent-chain" className="field-hint">
            {words.chain}
          </p>
          <ol className="consent-chain" aria-labelledby="consent-chain">
            {client.chain.map((link, index) => (
              <li key={`${index}|${link}`}>{shownAsIs(link)}</li>
            ))}
          </ol>
        </>
      )}
      <p className="consent-left" role="timer">
        {left}
        {words.noAnswer}
      </p>
      <Field id="consent-always" kind="flag" label={words.always} value={always} onChange={setAlways} hint={words.alwaysHint} />
      {error === null ? null : <p className="inline-error">{error}</p>}
    </ConfirmDialog>
  );
}
