import type { ChangeEvent, ReactElement, ReactNode } from 'react';

/** Props of {@link Field}. */
export interface FieldProps {
  /** The control's id; its hint and error get `${id}-hint` / `${id}-error`, named by its aria-describedby. */
  readonly id: string;
  /** `flag`: a checkbox; `choice`: a select of `choices`; else the input's type (text, number, password). */
  readonly kind: 'flag' | 'choice' | 'text' | 'number' | 'password';
  readonly label: ReactNode;
  readonly value: string | boolean;
  readonly onChange: (value: string & boolean) => void;
  readonly hint?: ReactNode;
  /** The problem to show next to the field (main's message, word for word). */
  readonly error?: string | undefined;
  /** Extra text after a typed input (a unit such as "seconds"). */
  readonly suffix?: string | null;
  readonly choices?: readonly { readonly value: string; readonly label: string }[] | undefined;
  readonly autoComplete?: string;
}

/**
 * One labelled control (a typed input, a checkbox or a select) with its hint and inline error, both
 * tied to it for screen readers. Every form of Settings, the connection form and the first-run setup draws its fields with it.
 */
export function Field({ id, kind, label, value, onChange, hint, error, suffix, choices = [], autoComplete = 'off' }: FieldProps): ReactElement {
  const invalid = error !== undefined;
  const errorNote = invalid ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
  const hintNote =
    hint === undefined ? null : (
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    );
  const control = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': [invalid ? `${id}-error` : '', hint === undefined ? '' : `${id}-hint`].join(' ').trim() || undefined,
    // A checkbox's value is its `checked`; the others' their text.
    onChange: (event: ChangeEvent<HTMLInputElement & HTMLSelectElement>) => onChange((kind === 'flag' ? event.currentTarget.checked : event.currentTarget.value) as string & boolean),
  };
  if (kind === 'flag') {
    return (
      <div className="check">
        <input {...control} type="checkbox" checked={value === true} />
        <div>
          <label htmlFor={id} className="check-label">
            {label}
          </label>
          {hintNote}
          {errorNote}
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {kind === 'choice' ? (
        <select {...control} className="input" value={String(value)}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <div className="field-control">
          <input {...control} className="input" type={kind} step="any" value={String(value)} autoComplete={autoComplete} spellCheck={false} />
          {suffix ? <span className="field-suffix">{suffix}</span> : null}
        </div>
      )}
      {errorNote}
      {hintNote}
    </div>
  );
}
