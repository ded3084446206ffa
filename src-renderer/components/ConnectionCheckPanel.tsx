import { useEffect, useId, useState, type ReactElement } from 'react';
import type { ConnectionCheckView } from '../../src-main/contract.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { Icon } from './Icon.tsx';

/** Props of {@link ConnectionCheckPanel}. */
export interface ConnectionCheckPanelProps {
  /** Runs `checkConnection` with the form's current (unsaved) values. */
  readonly onCheck: () => Promise<ConnectionCheckView>;
  /** The values checked: when they change, the result shown no longer describes them and is cleared. */
  readonly values: unknown;
  /** Main's sentence beside the button: checking sends the client credentials to that AIRisk. */
  readonly note: string;
}

/**
 * "Check connection": the button, the sentence saying that checking sends the client credentials
 * to that AIRisk, and each step's verdict (shape and word) with its sentence, all in main's words.
 * Used by the first-run setup and by the connection form in Settings.
 */
export function ConnectionCheckPanel({ onCheck, values, note }: ConnectionCheckPanelProps): ReactElement {
  // The check found, or why it did not run (text), or nothing yet; `checking` while it runs.
  const [result, setResult] = useState<ConnectionCheckView | string | null>(null);
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
      said = found.said;
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
          {note}
        </p>
      </div>
      {typeof result === 'string' ? <p className="inline-error">{result}</p> : null}
      {result === null || typeof result === 'string' ? null : (
        <ul className="check-results" aria-label="Check results">
          {result.lines.map(({ title, word, look, message }) => (
            <li key={title} className="check-result">
              <span className={`status status-${look}`}>
                <Icon name={look} />
                {title}: {word}
              </span>
              <span className="check-message">{message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
