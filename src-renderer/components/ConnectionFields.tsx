import { Fragment, useState, type ReactElement } from 'react';
import type { ConnectionFormWords, ConnectionView } from '../../src-main/contract.ts';
import type { ConnectionEditor } from '../hooks/use-connection-editor.ts';
import { otherProblems } from '../lib/form-problems.ts';
import { ConnectionCheckPanel } from './ConnectionCheckPanel.tsx';
import { Field } from './Field.tsx';

/** Props of {@link ConnectionFields}. */
export interface ConnectionFieldsProps {
  readonly editor: ConnectionEditor;
  /** The saved connection (for whether a secret is set and why it is not used), or null for a new one. */
  readonly connection: ConnectionView | null;
  /** The fields' words, in order (main's). */
  readonly words: ConnectionFormWords;
  readonly fieldId: (field: string) => string;
  /** Every field (Settings, the advanced ones in a fold), or only the others (first-run setup). */
  readonly full: boolean;
}

/**
 * A connection's fields in main's words, as the editor holds them, each with main's problem next to
 * it; the secret write-only (shown while typed only when asked), the advanced fields in a fold; then
 * Check connection, and the problems no field shows with a failed call's error.
 */
export function ConnectionFields({ editor, connection, words, fieldId, full }: ConnectionFieldsProps): ReactElement {
  const { form, set, problems } = editor;
  const { texts } = words;
  const [showSecret, setShowSecret] = useState(false);
  const secretSet = connection?.clientSecretSet === true;
  const shown = words.fields.filter((field) => full || !field.advanced);
  const errors = otherProblems(problems, (key) => shown.some((field) => field.key === key));
  if (editor.callError !== null) errors.push(editor.callError);

  const draw = ({ key, label, hint, choices }: ConnectionFormWords['fields'][number]): ReactElement => {
    const error = problems.get(key);
    const secret = key === 'clientSecret';
    // A saved connection's secret field in main's words ("Replace client secret (currently set)"); a new one's as listed.
    const saved = secret ? connection?.secretField : undefined;
    return (
      <Fragment key={key}>
        <Field
          id={fieldId(key)}
          kind={choices === undefined ? (secret && !showSecret ? 'password' : 'text') : 'choice'}
          choices={choices}
          label={
            saved === undefined ? (
              label
            ) : (
              <>
                {saved.label} <span className={`secret-state secret-${secretSet ? 'set' : 'unset'}`}>{saved.state}</span>
              </>
            )
          }
          autoComplete={secret ? 'new-password' : 'off'}
          value={form[key]}
          onChange={set(key) as (value: string) => void}
          error={error}
          hint={saved?.hint ?? hint ?? undefined}
        />
        {secret ? <Field id={fieldId('showSecret')} kind="flag" label={texts.showSecret} value={showSecret} onChange={setShowSecret} /> : null}
      </Fragment>
    );
  };

  return (
    <>
      {shown.filter((field) => !field.advanced).map(draw)}
      {full ? (
        <details className="advanced">
          <summary>{texts.advanced}</summary>
          <div className="form">{shown.filter((field) => field.advanced).map(draw)}</div>
        </details>
      ) : null}
      <ConnectionCheckPanel onCheck={editor.check} values={form} note={texts.check} />
      {errors.length === 0 ? null : <p className="inline-error">{errors.join(' ')}</p>}
    </>
  );
}
