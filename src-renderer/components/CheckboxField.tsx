import type { ReactElement, ReactNode } from 'react';

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
}

/** A labelled checkbox with an optional hint and inline error. */
export function CheckboxField({ id, label, checked, onChange, hint, error, disabled }: CheckboxFieldProps): ReactElement {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error === undefined ? undefined : errorId, hint === undefined ? undefined : hintId].filter((part) => part !== undefined).join(' ');
  return (
    <div className={error === undefined ? 'check' : 'check field-invalid'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div>
        <label htmlFor={id} className="check-label">
          {label}
        </label>
        {hint === undefined ? null : (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
        {error === undefined ? null : (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
