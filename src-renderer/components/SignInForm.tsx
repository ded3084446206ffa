import { useId, useState, type FormEvent, type ReactElement } from 'react';

/** Props of {@link SignInForm}. */
export interface SignInFormProps {
  readonly onStart: (userid: string | null) => void;
}

/** Starts a sign-in: the generic token with an empty field, or a user-specific one for a userid. */
export function SignInForm({ onStart }: SignInFormProps): ReactElement {
  const [userid, setUserid] = useState('');
  const inputId = useId();
  const hintId = useId();
  const trimmed = userid.trim();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onStart(trimmed === '' ? null : trimmed);
    setUserid('');
  };

  return (
    <form className="sign-in-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          User id <span className="optional">(optional)</span>
        </label>
        <div className="field-control">
          <input
            id={inputId}
            className="input"
            value={userid}
            placeholder="e.g. user_42"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            onChange={(event) => setUserid(event.currentTarget.value)}
          />
          <button type="submit" className="button button-primary">
            Sign in
          </button>
        </div>
        <p id={hintId} className="field-hint">
          {trimmed === '' ? 'Leave empty for the generic token. Your browser opens AIRisk’s sign-in page.' : `Gets a token for ${trimmed}. Your browser opens AIRisk’s sign-in page.`}
        </p>
      </div>
    </form>
  );
}
