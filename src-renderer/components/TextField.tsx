import type { HTMLInputTypeAttribute, ReactElement, ReactNode } from 'react';
import { FieldNote, noteIds } from './FieldNote.tsx';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  /** The input's id; its hint and error get ids derived from it. */
  readonly id: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: ReactNode;
  /** The problem to show next to the field (main's message, word for word). */
  readonly error?: string | undefined;
  readonly type?: HTMLInputTypeAttribute | undefined;
  readonly inputMode?: 'text' | 'url' | 'numeric' | 'decimal' | undefined;
  readonly autoComplete?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number | 'any';
  /** Extra text after the input (a unit such as "seconds"). */
  readonly suffix?: string | null | undefined;
}

/** A labelled text input with an optional hint and an inline error, both tied to it for screen readers. */
export function TextField({ id, label, value, onChange, hint, error, type = 'text', inputMode, autoComplete = 'off', placeholder, required, min, max, step, suffix }: TextFieldProps): ReactElement {
  return (
    <div className={error === undefined ? 'field' : 'field field-invalid'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field-control">
        <input
          id={id}
          className="input"
          type={type}
          value={value}
          inputMode={inputMode}
          autoComplete={autoComplete}
          placeholder={placeholder}
          spellCheck={false}
          required={required}
          min={min}
          max={max}
          step={step}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={noteIds(id, error, hint)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
        {suffix ? <span className="field-suffix">{suffix}</span> : null}
      </div>
      <FieldNote id={id} kind="error" text={error} />
      <FieldNote id={id} kind="hint" text={hint} />
    </div>
  );
}
