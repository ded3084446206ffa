import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useApi } from '../hooks/use-api.ts';
import { errorText } from '../lib/error-text.ts';

/**
 * For when the app cannot receive the browser's redirect: the person pastes the address the
 * browser landed on, and main finishes the sign-in with it.
 */
export function PasteRedirectForm(): ReactElement {
  const api = useApi();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (url.trim() === '') {
      setError('Paste the whole address from the browser’s address bar, starting with http.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await api.submitRedirectedUrl(url.trim());
      setUrl('');
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="paste-form" onSubmit={(event) => void submit(event)}>
      <div className={error === null ? 'field' : 'field field-invalid'}>
        <label htmlFor={inputId} className="field-label">
          Paste the address you were redirected to
        </label>
        <div className="field-control">
          <input
            id={inputId}
            className="input"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={url}
            placeholder="http://127.0.0.1:8765/callback?code=…"
            aria-invalid={error === null ? undefined : true}
            aria-describedby={error === null ? hintId : `${errorId} ${hintId}`}
            onChange={(event) => {
              setUrl(event.currentTarget.value);
              setError(null);
            }}
          />
          <button type="submit" className="button button-primary" disabled={sending}>
            Finish sign-in
          </button>
        </div>
        {error === null ? null : (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
        <p id={hintId} className="field-hint">
          After you approve, copy the whole address from the browser’s address bar — even if the page shows an error — and paste it here.
        </p>
      </div>
    </form>
  );
}
