import { useState, type FormEvent, type ReactElement } from 'react';
import type { SettingsProblem, SettingsView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSettingsOnMount } from '../hooks/use-settings-on-mount.ts';
import { errorText } from '../lib/error-text.ts';
import { firstProblemField, problemsByField } from '../lib/settings-form.ts';
import { DEFAULT_BASE_URL, DEFAULT_REDIRECT_URI } from '../../src-main/shared/airisk-defaults.ts';
import { TextField } from './TextField.tsx';

/** Props of {@link SetupForm}. */
export interface SetupFormProps {
  /** Called once the settings are saved and sign-in can start. */
  readonly onDone: () => void;
  readonly headingId: string;
}

const fieldId = (field: string): string => `setup-${field}`;

/**
 * First run: the four things AIRisk gave the person (base URL, client id, client secret, redirect
 * URI). Main checks them; each of its problems shows next to its field.
 */
export function SetupForm({ onDone, headingId }: SetupFormProps): ReactElement {
  const api = useApi();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [baseUrl, setBaseUrl] = useState<string>(DEFAULT_BASE_URL);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [redirectUri, setRedirectUri] = useState<string>(DEFAULT_REDIRECT_URI);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [callError, setCallError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The defaults stay in the fields when the settings cannot be read.
  useSettingsOnMount(
    api,
    (loaded) => {
      setSettings(loaded);
      setBaseUrl(loaded.baseUrl);
      setClientId(loaded.clientId);
      setRedirectUri(loaded.redirectUri);
    },
    () => undefined,
  );

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const local: SettingsProblem[] = [];
    if (clientId.trim() === '') local.push({ field: 'clientId', message: 'Enter the client id AIRisk gave you.' });
    if (clientSecret.trim() === '' && settings?.clientSecretSet !== true) local.push({ field: 'clientSecret', message: 'Enter the client secret AIRisk gave you.' });
    setSaving(true);
    setCallError(null);
    try {
      const result = await api.updateSettings({ baseUrl, clientId, redirectUri, ...(clientSecret.trim() === '' ? {} : { clientSecret }) });
      const all = problemsByField([...(result.ok ? [] : result.problems), ...local]);
      setProblems(all);
      if (all.size === 0) {
        setClientSecret('');
        onDone();
        return;
      }
      const first = firstProblemField(all);
      if (first !== undefined) document.getElementById(fieldId(first))?.focus();
    } catch (error) {
      setCallError(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const general = [...problems].filter(([field]) => !['baseUrl', 'clientId', 'clientSecret', 'redirectUri'].includes(field)).map(([, message]) => message);

  return (
    <section className="panel setup" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title" tabIndex={-1}>
        Set up
      </h2>
      <p className="lead">Enter the details AIRisk gave you when you registered this app. You can change them later in Settings.</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={fieldId('baseUrl')} label="AIRisk base URL" type="url" inputMode="url" value={baseUrl} onChange={setBaseUrl} error={problems.get('baseUrl')} />
        <TextField id={fieldId('clientId')} label="Client id" value={clientId} onChange={setClientId} error={problems.get('clientId')} />
        <TextField
          id={fieldId('clientSecret')}
          label="Client secret"
          type="password"
          autoComplete="new-password"
          value={clientSecret}
          onChange={setClientSecret}
          error={problems.get('clientSecret')}
          hint={settings?.clientSecretSet === true ? 'A secret is already set; leave this empty to keep it.' : 'Kept encrypted on this computer and never shown again.'}
        />
        <TextField
          id={fieldId('redirectUri')}
          label="Redirect URI"
          type="url"
          inputMode="url"
          value={redirectUri}
          onChange={setRedirectUri}
          error={problems.get('redirectUri')}
          hint="Register this address with AIRisk as the app’s redirect URI."
        />
        {general.length === 0 && callError === null ? null : <p className="inline-error">{[...general, ...(callError === null ? [] : [callError])].join(' ')}</p>}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            Save and continue
          </button>
        </div>
      </form>
    </section>
  );
}
