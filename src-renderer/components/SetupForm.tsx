import { useState, type ReactElement } from 'react';
import type { SettingsView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSettingsOnMount } from '../hooks/use-settings-on-mount.ts';
import { errorText } from '../lib/error-text.ts';
import { ConnectionForm } from './ConnectionForm.tsx';

/** Props of {@link SetupForm}. */
export interface SetupFormProps {
  /** Called once the connection is saved and sign-in can start. */
  readonly onDone: () => void;
  readonly headingId: string;
}

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
        <ConnectionForm connection={settings.connections[0] ?? null} words={settings.connectionForm} note={null} onDone={onDone} setup />
      )}
    </section>
  );
}
