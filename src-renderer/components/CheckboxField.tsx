import type { ReactElement, ReactNode } from 'react';
import { FieldNote, noteIds } from './FieldNote.tsx';

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
  return (
    <div className={error === undefined ? 'check' : 'check field-invalid'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={noteIds(id, error, hint)}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div>
        <label htmlFor={id} className="check-label">
          {label}
        </label>
        <FieldNote id={id} kind="hint" text={hint} />
        <FieldNote id={id} kind="error" text={error} />
      </div>
    </div>
  );
}
