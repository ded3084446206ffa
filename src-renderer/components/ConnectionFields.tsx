import { useId, type ReactElement } from 'react';
import type { ConnectionView } from '../../src-main/contract.ts';
import type { ConnectionEditor } from '../hooks/use-connection-editor.ts';
import { TextField } from './TextField.tsx';

/** Props of {@link ConnectionFields}. */
export interface ConnectionFieldsProps {
  readonly editor: ConnectionEditor;
  /** The saved connection (for whether a secret is set and why it is not used), or null for a new one. */
  readonly connection: ConnectionView | null;
  readonly fieldId: (field: string) => string;
  /** Every field (Settings), or only name, base URL, client id, secret and redirect URI (first-run setup). */
  readonly full: boolean;
}

/** A connection's fields as the editor holds them, each with main's problem next to it; the secret is write-only. */
export function ConnectionFields({ editor, connection, fieldId, full }: ConnectionFieldsProps): ReactElement {
  const { form, set, problems } = editor;
  const encodingId = useId();
  const secretSet = connection?.clientSecretSet === true;
  return (
    <>
      <TextField id={fieldId('name')} label="Name" value={form.name} onChange={set('name')} error={problems.get('name')} hint="Your name for this AIRisk, such as “Production” or “Staging”." />
      <TextField id={fieldId('baseUrl')} label="AIRisk base URL" type="url" inputMode="url" value={form.baseUrl} onChange={set('baseUrl')} error={problems.get('baseUrl')} />
      <TextField id={fieldId('clientId')} label="Client id" value={form.clientId} onChange={set('clientId')} error={problems.get('clientId')} />
      <TextField
        id={fieldId('clientSecret')}
        label={
          connection === null ? (
            'Client secret'
          ) : (
            // "Replace" only when there is one to replace (an imported or duplicated connection has none yet).
            <>
              {secretSet ? 'Replace client secret' : 'Client secret'} <span className={secretSet ? 'secret-state secret-set' : 'secret-state secret-unset'}>(currently {secretSet ? 'set' : 'not set'})</span>
            </>
          )
        }
        type="password"
        autoComplete="new-password"
        value={form.clientSecret}
        onChange={set('clientSecret')}
        error={problems.get('clientSecret')}
        hint={connection === null ? 'Kept encrypted on this computer and never shown again.' : (connection.clientSecretProblem ?? (secretSet ? 'Write-only: the secret is never shown. Leave empty to keep the current one.' : 'Write-only: kept encrypted on this computer and never shown again.'))}
      />
      <TextField
        id={fieldId('redirectUri')}
        label="Redirect URI"
        type="url"
        inputMode="url"
        value={form.redirectUri}
        onChange={set('redirectUri')}
        error={problems.get('redirectUri')}
        hint="Register this address with AIRisk as the app’s redirect URI."
      />
      {full ? (
        <>
          <TextField id={fieldId('authorizePath')} label="Authorization path" value={form.authorizePath} onChange={set('authorizePath')} error={problems.get('authorizePath')} />
          <TextField id={fieldId('tokenPath')} label="Token path" value={form.tokenPath} onChange={set('tokenPath')} error={problems.get('tokenPath')} />
          <fieldset className={problems.has('bodyEncoding') ? 'choice field-invalid' : 'choice'} aria-describedby={problems.has('bodyEncoding') ? `${encodingId}-error` : undefined}>
            <legend className="field-label">Token request body</legend>
            <div className="choice-options">
              <label className="radio">
                <input id={fieldId('bodyEncoding')} type="radio" name={`${encodingId}-bodyEncoding`} value="form" checked={form.bodyEncoding === 'form'} onChange={() => set('bodyEncoding')('form')} />
                Form (x-www-form-urlencoded)
              </label>
              <label className="radio">
                <input type="radio" name={`${encodingId}-bodyEncoding`} value="json" checked={form.bodyEncoding === 'json'} onChange={() => set('bodyEncoding')('json')} />
                JSON
              </label>
            </div>
            {problems.has('bodyEncoding') ? (
              <p id={`${encodingId}-error`} className="field-error">
                {problems.get('bodyEncoding')}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="group">
            <legend>Advanced: standard OAuth 2.0 servers</legend>
            <p className="field-hint">AIRisk needs neither; leave both empty unless your server asks for them.</p>
            <TextField id={fieldId('scope')} label="Scope" value={form.scope} onChange={set('scope')} error={problems.get('scope')} hint="Sent with the sign-in only when set, e.g. “openid profile”." />
            <TextField
              id={fieldId('issuer')}
              label="Issuer"
              type="url"
              inputMode="url"
              value={form.issuer}
              onChange={set('issuer')}
              error={problems.get('issuer')}
              hint="The issuer a sign-in’s iss must name. Empty: the base URL."
            />
          </fieldset>
        </>
      ) : null}
    </>
  );
}

