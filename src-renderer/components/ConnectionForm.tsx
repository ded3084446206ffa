import { useEffect, useId, type FormEvent, type ReactElement } from 'react';
import type { ConnectionFormWords, ConnectionView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useConnectionEditor } from '../hooks/use-connection-editor.ts';
import { startingForm } from '../lib/connection-form.ts';
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
  /** The first-run setup's form: main's lead instead of a heading, no Advanced fold, "Save and continue" and no Cancel; a new connection is named "AIRisk". */
  readonly setup?: boolean;
}

/**
 * Adds or edits one connection: every field (the secret write-only), Check connection with the
 * unsaved values, Save and Cancel. In Settings focus starts on the name, or on the secret when the
 * note asks for it. The first-run setup is this form for the first connection (see `setup`).
 */
export function ConnectionForm({ connection, words, note, onDone, setup = false }: ConnectionFormProps): ReactElement {
  const headingId = useId();
  const fieldId = (field: string): string => `${setup ? 'setup' : 'connection'}-${field}`;
  const editor = useConnectionEditor(useApi(), connection, startingForm(words, connection, setup || connection !== null ? undefined : ''), fieldId('name'), words.fields);
  const wantsSecret = note !== null;

  useEffect(() => {
    if (!setup) document.getElementById(`connection-${wantsSecret ? 'clientSecret' : 'name'}`)?.focus();
  }, [setup, wantsSecret]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const saved = await editor.save();
    if (saved !== null) onDone(saved);
  };

  return (
    <form className={setup ? 'form' : 'form connection-form'} noValidate aria-labelledby={setup ? undefined : headingId} onSubmit={(event) => void submit(event)}>
      {setup ? (
        <p className="lead">{words.texts.setup}</p>
      ) : (
        <h3 id={headingId} className="subsection-title">
          {connection === null ? 'Add connection' : `Edit ${connection.name}`}
        </h3>
      )}
      {note === null ? null : <p className="callout">{note}</p>}
      <ConnectionFields editor={editor} connection={connection} words={words} fieldId={fieldId} full={!setup} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={editor.saving}>
          {setup ? 'Save and continue' : connection === null ? 'Add connection' : 'Save connection'}
        </button>
        {setup ? null : (
          <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
