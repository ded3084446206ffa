import { useEffect, useId, type FormEvent, type ReactElement } from 'react';
import type { ConnectionFormWords, ConnectionView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useConnectionEditor } from '../hooks/use-connection-editor.ts';
import { formFromConnection, newConnectionForm } from '../lib/connection-form.ts';
import { ConnectionFields } from './ConnectionFields.tsx';

/** Props of {@link ConnectionForm}. */
export interface ConnectionFormProps {
  /** The connection to edit, or null to add one. */
  readonly connection: ConnectionView | null;
  readonly words: ConnectionFormWords;
  /** A note above the fields (after a duplicate or an import: "Enter the client secret for …"). */
  readonly note: string | null;
  /** Saved (with the connection as saved) or cancelled (null). */
  readonly onDone: (saved: ConnectionView | null) => void;
}

const fieldId = (field: string): string => `connection-${field}`;

/**
 * Adds or edits one connection: every field (the secret write-only), Check connection with the
 * unsaved values, Save and Cancel. Focus starts on the name, or on the secret when the note asks
 * for it.
 */
export function ConnectionForm({ connection, words, note, onDone }: ConnectionFormProps): ReactElement {
  const api = useApi();
  const headingId = useId();
  const editor = useConnectionEditor(api, connection, connection === null ? newConnectionForm(words, '') : formFromConnection(connection), fieldId, words.fields);
  const wantsSecret = note !== null;

  useEffect(() => {
    document.getElementById(fieldId(wantsSecret ? 'clientSecret' : 'name'))?.focus();
  }, [wantsSecret]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const saved = await editor.save();
    if (saved !== null) onDone(saved);
  };

  return (
    <form className="form connection-form" noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId} className="subsection-title">
        {connection === null ? 'Add connection' : `Edit ${connection.name}`}
      </h3>
      {note === null ? null : <p className="callout">{note}</p>}
      <ConnectionFields editor={editor} connection={connection} words={words} fieldId={fieldId} full />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={editor.saving}>
          {connection === null ? 'Add connection' : 'Save connection'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
