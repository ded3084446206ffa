import type { ReactElement } from 'react';
import type { SettingFieldView } from '../../src-main/contract.ts';
import { Callout } from './Callout.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { FieldNote, noteIds } from './FieldNote.tsx';
import { TextField } from './TextField.tsx';

/** Props of {@link SettingField}. */
export interface SettingFieldProps {
  readonly field: SettingFieldView;
  readonly id: string;
  readonly value: string | boolean;
  readonly onChange: (value: string | boolean) => void;
  /** Main's refusal of the value, shown next to it. */
  readonly error: string | undefined;
}

/** One app-wide setting drawn from main's words: a checkbox, a typed field or a choice, then main's warning about the saved value. */
export function SettingField({ field, id, value, onChange, error }: SettingFieldProps): ReactElement {
  const hint = field.hint ?? undefined;
  let control: ReactElement;
  if (field.kind === 'flag') control = <CheckboxField id={id} label={field.label} checked={value === true} onChange={onChange} error={error} hint={hint} />;
  else if (field.kind === 'text') control = <TextField id={id} label={field.label} type={field.unit === null ? 'text' : 'number'} step="any" suffix={field.unit} value={String(value)} onChange={onChange} error={error} hint={hint} />;
  else {
    control = (
      <div className={error === undefined ? 'field' : 'field field-invalid'}>
        <label htmlFor={id} className="field-label">
          {field.label}
        </label>
        <select id={id} className="input" value={String(value)} aria-invalid={error === undefined ? undefined : true} aria-describedby={noteIds(id, error, hint)} onChange={(event) => onChange(event.currentTarget.value)}>
          {field.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <FieldNote id={id} kind="error" text={error} />
        <FieldNote id={id} kind="hint" text={hint} />
      </div>
    );
  }
  return (
    <>
      {control}
      {field.warning === null ? null : <Callout>{field.warning}</Callout>}
    </>
  );
}
