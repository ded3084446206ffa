import { useState, type FormEvent, type ReactElement } from 'react';
import type { ConnectionView } from '../../src-main/contract.ts';
import { DEFAULT_CONNECTION_NAME } from '../../src-main/shared/airisk-defaults.ts';
import { useApi } from '../hooks/use-api.ts';
import { useConnectionEditor } from '../hooks/use-connection-editor.ts';
import { useSettingsOnMount } from '../hooks/use-settings-on-mount.ts';
import { formFromConnection, newConnectionForm } from '../lib/connection-form.ts';
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
  const [existing, setExisting] = useState<ConnectionView | null>(null);

  // The defaults stay in the fields when the settings cannot be read.
  useSettingsOnMount(
    api,
    (loaded) => {
      const first = loaded.connections[0];
      if (first !== undefined) setExisting(first);
    },
    () => undefined,
  );

  return <SetupBody key={existing?.id ?? 'new'} connection={existing} onDone={onDone} headingId={headingId} />;
}

function SetupBody({ connection, onDone, headingId }: SetupFormProps & { readonly connection: ConnectionView | null }): ReactElement {
  const api = useApi();
  const editor = useConnectionEditor(api, connection, connection === null ? newConnectionForm(DEFAULT_CONNECTION_NAME) : formFromConnection(connection), fieldId);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if ((await editor.save()) !== null) onDone();
  };

  return (
    <section className="panel setup" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title" tabIndex={-1}>
        Set up
      </h2>
      <p className="lead">Enter the details AIRisk gave you when you registered this app. You can change them later in Settings, and add more AIRisk environments there.</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ConnectionFields editor={editor} connection={connection} fieldId={fieldId} full={false} />
                  <div className="actions">
          <button type="submit" className="button button-primary" disabled={editor.saving}>
            Save and continue
          </button>
        </div>
      </form>
    </section>
  );
}
