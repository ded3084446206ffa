import { useEffect, useId, useState, type ReactElement } from 'react';
import type { ConnectionCheck, ConnectionFormWords } from '../../src-main/contract.ts';
import { announce } from '../lib/announcer.ts';
import { checkAnnouncement, checkSteps, VERDICT_LOOK } from '../lib/check-text.ts';
import { errorText } from '../lib/error-text.ts';
import { Icon } from './Icon.tsx';

/** Props of {@link ConnectionCheckPanel}. */
export interface ConnectionCheckPanelProps {
  /** Runs `checkConnection` with the form's current (unsaved) values. */
  readonly onCheck: () => Promise<ConnectionCheck>;
  /** The values checked: when they change, the result shown no longer describes them and is cleared. */
  readonly values: unknown;
  /** Main's words: the sentence beside the button (checking sends the client credentials to that AIRisk), the steps and verdicts. */
  readonly texts: ConnectionFormWords['texts'];
}

/**
 * "Check connection": the button, the sentence saying that checking sends the client credentials
 * to that AIRisk, and each step's verdict (shape and word) with its sentence. Used by the first-run
 * setup and by the connection form in Settings.
 */
export function ConnectionCheckPanel({ onCheck, values, texts }: ConnectionCheckPanelProps): ReactElement {
  // The check found, or why it did not run (text), or nothing yet; `checking` while it runs.
  const [result, setResult] = useState<ConnectionCheck | string | null>(null);
  const [checking, setChecking] = useState(false);
  const noteId = useId();

  useEffect(() => setResult(null), [values]);

  const run = async (): Promise<void> => {
    setChecking(true);
    setResult(null);
    let said: string;
    try {
      const found = await onCheck();
      setResult(found);
      said = checkAnnouncement(found, texts);
    } catch (failure) {
      said = `The check did not run: ${errorText(failure)}`;
      setResult(said);
    }
    setChecking(false);
    announce(said);
  };

  return (
    <div className="connection-check">
      <div className="actions">
        <button type="button" className="button" disabled={checking} aria-describedby={noteId} onClick={() => void run()}>
          {checking ? 'Checking…' : 'Check connection'}
        </button>
        <p id={noteId} className="field-hint">
          {texts.check}
        </p>
      </div>
      {typeof result === 'string' ? <p className="inline-error">{result}</p> : null}
      {result === null || typeof result === 'string' ? null : (
        <ul className="check-results" aria-label="Check results">
          {checkSteps(result, texts).map(([title, word, step]) => {
            const look = VERDICT_LOOK[step.verdict];
            return (
              <li key={title} className="check-result">
                <span className={`status status-${look}`}>
                  <Icon name={look} />
                  {title}: {word}
                </span>
                <span className="check-message">{step.message}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
