import { useId, type ReactElement } from 'react';
import type { ConnectionView } from '../../src-main/contract.ts';
import type { ConnectionEditor } from '../hooks/use-connection-editor.ts';
import { CONNECTION_FIELDS, SETUP_FIELDS } from '../lib/connection-form.ts';
import { otherProblems } from '../lib/settings-form.ts';
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
 * A connection's fields as the editor holds them, each with main's problem next to it (the secret
 * write-only); then Check connection, and the problems no field shows with a failed call's error.
 */
export function ConnectionFields({ editor, connection, fieldId, full }: ConnectionFieldsProps): ReactElement {
  const { form, set, problems } = editor;
  const encodingId = useId();
  const secretSet = connection?.clientSecretSet === true;
  const encodingError = problems.get('bodyEncoding');
  const errors = otherProblems(problems, full ? CONNECTION_FIELDS : SETUP_FIELDS);
  if (editor.callError !== null) errors.push(editor.callError);
  const field = (key: TextKey, label: string, hint?: string, url?: boolean): ReactElement => (
    <TextField id={fieldId(key)} label={label} type={url ? 'url' : undefined} inputMode={url ? 'url' : undefined} value={form[key]} onChange={set(key)} error={problems.get(key)} hint={hint} />
  );
  const radio = (value: 'form' | 'json', label: string): ReactElement => (
    <label className="radio">
      <input id={value === 'form' ? fieldId('bodyEncoding') : undefined} type="radio" name={`${encodingId}-bodyEncoding`} value={value} checked={form.bodyEncoding === value} onChange={() => set('bodyEncoding')(value)} />
      {label}
    </label>
  );
  return (
    <>
      {field('name', 'Name', 'Your name for this AIRisk, such as “Production” or “Staging”.')}
      {field('baseUrl', 'AIRisk base URL', undefined, true)}
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
        type="password"
        autoComplete="new-password"
        value={form.clientSecret}
        onChange={set('clientSecret')}
        error={problems.get('clientSecret')}
        hint={connection === null ? 'Kept encrypted on this computer and never shown again.' : (connection.clientSecretProblem ?? (secretSet ? 'Write-only: the secret is never shown. Leave empty to keep the current one.' : 'Write-only: kept encrypted on this computer and never shown again.'))}
      />
      {field('redirectUri', 'Redirect URI', 'Register this address with AIRisk as the app’s redirect URI.', true)}
      {full ? (
        <>
          {field('authorizePath', 'Authorization path')}
          {field('tokenPath', 'Token path')}
          <fieldset className={encodingError === undefined ? 'choice' : 'choice field-invalid'} aria-describedby={noteIds(encodingId, encodingError, undefined)}>
            <legend className="field-label">Token request body</legend>
            <div className="choice-options">
              {radio('form', 'Form (x-www-form-urlencoded)')}
              {radio('json', 'JSON')}
            </div>
            <FieldNote id={encodingId} kind="error" text={encodingError} />
          </fieldset>
          <fieldset className="group">
            <legend>Advanced: standard OAuth 2.0 servers</legend>
            <p className="field-hint">AIRisk needs neither; leave both empty unless your server asks for them.</p>
            {field('scope', 'Scope', 'Sent with the sign-in only when set, e.g. “openid profile”.')}
            {field('issuer', 'Issuer', 'The issuer a sign-in’s iss must name. Empty: the base URL.', true)}
          </fieldset>
        </>
      ) : null}
      <ConnectionCheckPanel onCheck={editor.check} values={form} />
      {errors.length === 0 ? null : <p className="inline-error">{errors.join(' ')}</p>}
    </>
  );
}
