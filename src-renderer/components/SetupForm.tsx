import { useState, type FormEvent, type ReactElement } from 'react';
import type { ConnectionFormWords, ConnectionView, SettingsView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useConnectionEditor } from '../hooks/use-connection-editor.ts';
import { useSettingsOnMount } from '../hooks/use-settings-on-mount.ts';
import { formFromConnection, newConnectionForm } from '../lib/connection-form.ts';
import { errorText } from '../lib/error-text.ts';
import { ConnectionFields } from './ConnectionFields.tsx';

/** Props of {@link SetupForm}. */
export interface SetupFormProps {
  /** Called once the connection is saved and sign-in can start. */
  readonly onDone: () => void;
  readonly headingId: string;
}

const fieldId = (field: string): string => `setup-${field}`;

/**
 * First run: the first connection, named "AIRisk" unless the person names it, and the four things
 * AIRisk gave the person (base URL, client id, client secret, redirect URI). When a connection
 * exists already but cannot sign in (its secret is not usable), that one is completed instead.
 * Check connection tries them before any browser opens; main's problems show next to their fields.
 */
export function SetupForm({ onDone, headingId }: SetupFormProps): ReactElement {
  const api = useApi();
  const [settings, setSettings] = useState<SettingsView | string | null>(null);
  useSettingsOnMount(api, setSettings, (error) => setSettings(`Could not load the settings: ${errorText(error)}`));

  return (
    <section className="panel setup" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title" tabIndex={-1}>
        Set up
      </h2>
      {settings === null || typeof settings === 'string' ? (
        <p className={settings === null ? 'lead' : 'inline-error'}>{settings ?? 'Loading…'}</p>
      ) : (
        <SetupBody connection={settings.connections[0] ?? null} words={settings.connectionForm} onDone={onDone} />
      )}
    </section>
  );
}

function SetupBody({ connection, words, onDone }: { readonly connection: ConnectionView | null; readonly words: ConnectionFormWords; readonly onDone: () => void }): ReactElement {
  const api = useApi();
  const editor = useConnectionEditor(api, connection, connection === null ? newConnectionForm(words) : formFromConnection(connection), fieldId, words.fields);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if ((await editor.save()) !== null) onDone();
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="lead">{words.texts.setup}</p>
      <ConnectionFields editor={editor} connection={connection} words={words} fieldId={fieldId} full={false} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={editor.saving}>
          Save and continue
        </button>
      </div>
    </form>
  );
}
