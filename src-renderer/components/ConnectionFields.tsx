import { useId, useState, type ReactElement } from 'react';
import type { ConnectionView } from '../../src-main/contract.ts';
import type { ConnectionEditor } from '../hooks/use-connection-editor.ts';
import { SETUP_FIELDS } from '../lib/connection-form.ts';
import { otherProblems } from '../lib/form-problems.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { ConnectionCheckPanel } from './ConnectionCheckPanel.tsx';
import { FieldNote, noteIds } from './FieldNote.tsx';
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

type TextKey = Exclude<keyof ConnectionEditor['form'], 'bodyEncoding' | 'clientSecret'>;

/**
 * A connection's fields as the editor holds them, each with main's problem next to it; the secret
 * write-only (shown while typed only when asked), paths, body encoding, scope and issuer in an
 * Advanced fold; then Check connection, and the problems no field shows with a failed call's error.
 */
export function ConnectionFields({ editor, connection, fieldId, full }: ConnectionFieldsProps): ReactElement {
  const { form, set, problems } = editor;
  const encodingId = useId();
  const [showSecret, setShowSecret] = useState(false);
  const secretSet = connection?.clientSecretSet === true;
  const encodingError = problems.get('bodyEncoding');
  const errors = otherProblems(problems, full ? form : SETUP_FIELDS);
  if (editor.callError !== null) errors.push(editor.callError);
  const field = (key: TextKey, label: string, hint?: string): ReactElement => (
    <TextField id={fieldId(key)} label={label} value={form[key]} onChange={set(key)} error={problems.get(key)} hint={hint} />
  );
  return (
    <>
      {field('name', 'Name', 'Your name for this AIRisk, such as “Production” or “Staging”.')}
      {field('baseUrl', 'AIRisk base URL')}
      {field('clientId', 'Client id')}
      <TextField
        id={fieldId('clientSecret')}
        label={
          connection === null ? (
            'Client secret'
          ) : (
            // "Replace" only when there is one to replace (an imported or duplicated connection has none yet).
            <>
              {secretSet ? 'Replace client secret' : 'Client secret'} <span className={`secret-state secret-${secretSet ? 'set' : 'unset'}`}>(currently {secretSet ? 'set' : 'not set'})</span>
            </>
          )
        }
        type={showSecret ? 'text' : 'password'}
        autoComplete="new-password"
        value={form.clientSecret}
        onChange={set('clientSecret')}
        error={problems.get('clientSecret')}
        hint={connection?.clientSecretProblem ?? `Write-only: kept encrypted on this computer and never shown again.${secretSet ? ' Leave empty to keep the current one.' : ''}`}
      />
      <CheckboxField id={fieldId('showSecret')} label="Show what I type" checked={showSecret} onChange={setShowSecret} />
      {field('redirectUri', 'Redirect URI', 'Register this address with AIRisk as the app’s redirect URI.')}
      {full ? (
        <details className="advanced">
          <summary>Advanced: paths, token request body, scope and issuer</summary>
          <div className="form">
            {field('authorizePath', 'Authorization path')}
            {field('tokenPath', 'Token path')}
            <fieldset className={encodingError === undefined ? 'choice' : 'choice field-invalid'} aria-describedby={noteIds(encodingId, encodingError, undefined)}>
              <legend className="field-label">Token request body</legend>
              <div className="choice-options">
                {(['form', 'json'] as const).map((value) => (
                  <label key={value} className="radio">
                    <input id={value === 'form' ? fieldId('bodyEncoding') : undefined} type="radio" name={`${encodingId}-bodyEncoding`} checked={form.bodyEncoding === value} aria-invalid={encodingError === undefined ? undefined : true} onChange={() => set('bodyEncoding')(value)} />
                    {value === 'form' ? 'Form (x-www-form-urlencoded)' : 'JSON'}
                  </label>
                ))}
              </div>
              <FieldNote id={encodingId} kind="error" text={encodingError} />
            </fieldset>
            <p className="field-hint">Standard OAuth 2.0 servers only; AIRisk needs neither, leave both empty unless your server asks for them.</p>
            {field('scope', 'Scope', 'Sent with the sign-in only when set, e.g. “openid profile”.')}
            {field('issuer', 'Issuer', 'The issuer a sign-in’s iss must name. Empty: the base URL.')}
          </div>
        </details>
      ) : null}
      <ConnectionCheckPanel onCheck={editor.check} values={form} />
      {errors.length === 0 ? null : <p className="inline-error">{errors.join(' ')}</p>}
    </>
  );
}
