import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { errorText } from '../lib/error-text.ts';

/** Props of {@link RenameField}. */
export interface RenameFieldProps {
  /** The label being changed (names the field for screen readers). */
  readonly label: string;
  readonly onSave: (label: string) => Promise<void>;
  /** Called after a save or a cancel; the row then takes focus back. */
  readonly onDone: () => void;
}

/** Inline rename: Enter saves, Escape cancels; main's reason shows under the field if it refuses. */
export function RenameField({ label, onSave, onDone }: RenameFieldProps): ReactElement {
  const [value, setValue] = useState(label);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (value.trim() === label) {
      onDone();
      return;
    }
    setSaving(true);
    try {
      await onSave(value);
      onDone();
    } catch (caught) {
      setError(errorText(caught));
      setSaving(false);
    }
  };

  return (
    <form className="rename" onSubmit={(event) => void submit(event)}>
      <input
        className="input rename-input"
        aria-label={`New name for ${label}`}
        aria-invalid={error === null ? undefined : true}
        aria-describedby={error === null ? undefined : errorId}
        value={value}
        maxLength={64}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onDone();
          }
        }}
      />
      <button type="submit" className="button button-small" disabled={saving}>
        Save
      </button>
      <button type="button" className="button button-small button-quiet" onClick={onDone}>
        Cancel
      </button>
      {error === null ? null : (
        <p id={errorId} className="row-error">
          {error}
        </p>
      )}
    </form>
  );
}
