import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useApi } from '../hooks/use-api.ts';
import { errorText } from '../lib/error-text.ts';

/**
 * For when the app cannot receive the browser's redirect: the person pastes the address the
 * browser landed on, and main finishes the sign-in with it (or says, in its words, why not). `label`:
 * main's words (SignInView.paste).
 */
export function PasteRedirectForm({ label }: { readonly label: string }): ReactElement {
  const api = useApi();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setError(null);
    api.submitRedirectedUrl(url).then(
      () => setUrl(''),
      (caught: unknown) => setError(errorText(caught)),
    );
  };

  return (
    <form className="paste-form" onSubmit={submit}>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <div className="field-control">
        <input
          id={inputId}
          className="input"
          autoComplete="off"
          spellCheck={false}
          value={url}
          aria-invalid={error === null ? undefined : true}
          aria-describedby={error === null ? undefined : errorId}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <button type="submit" className="button button-primary">
          Finish sign-in
        </button>
      </div>
      {error === null ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
