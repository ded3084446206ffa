import { Fragment, useEffect, useRef, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import type { AppState, SettingsView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSettingsOnMount } from '../hooks/use-settings-on-mount.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { focusFirstInvalid, otherProblems, problemsByField } from '../lib/form-problems.ts';
import { formFromSettings, updateFromForm, type SettingsFormValues } from '../lib/settings-form.ts';
import { Callout } from './Callout.tsx';
import { ConnectionsSection } from './ConnectionsSection.tsx';
import { Field } from './Field.tsx';
import { StorageInfo } from './StorageInfo.tsx';
import { TerminalSection } from './TerminalSection.tsx';
import { UpdateSection } from './UpdateSection.tsx';

/** Props of {@link SettingsPanel}. */
export interface SettingsPanelProps {
  readonly state: AppState;
  readonly headingId: string;
  /** A field to focus (and so scroll to) once the settings are loaded, e.g. from a warning. */
  readonly focusField?: string | null;
  readonly onFocused?: () => void;
}

const fieldId = (field: string): string => `settings-${field}`;

/**
 * Every setting: the connections (each edited on its own, see ConnectionsSection), then the
 * app-wide ones in main's groups and words (tokens, copying, storage, terminal access, startup).
 * One Save for the app-wide settings; main checks them and its problems show next to their fields.
 */
export function SettingsPanel({ state, headingId, focusField = null, onFocused }: SettingsPanelProps): ReactElement {
  const api = useApi();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [form, setForm] = useState<SettingsFormValues | null>(null);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const show = (loaded: SettingsView): void => {
    setSettings(loaded);
    setForm(formFromSettings(loaded));
    setProblems(new Map());
  };
  useSettingsOnMount(api, show, (error) => setMessage({ kind: 'error', text: `Could not load the settings: ${errorText(error)}` }));

  const loaded = form !== null;
  useEffect(() => {
    if (!loaded || focusField === null) return;
    document.getElementById(fieldId(focusField))?.focus();
    onFocused?.();
  }, [loaded, focusField, onFocused]);
  useEffect(() => focusFirstInvalid(formRef.current), [problems]);

  const panel = (content: ReactNode): ReactElement => (
    <section className="panel settings" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title" tabIndex={-1}>
        Settings
      </h2>
      {content}
    </section>
  );

  if (settings === null || form === null) {
    return panel(<p className={message === null ? 'lead' : 'inline-error'}>{message?.text ?? 'Loading…'}</p>);
  }

  const set = (field: string) => (value: string | boolean): void => {
    setForm({ ...form, [field]: value });
    setMessage(null);
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setMessage(null);
    setSaving(true);
    try {
      const result = await api.updateSettings(updateFromForm(form, settings));
      if (result.ok) {
        show(result.settings);
        announce(result.message);
      } else {
        setProblems(problemsByField(result.problems));
      }
      setMessage({ kind: result.ok ? 'done' : 'error', text: result.message });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  const other = otherProblems(problems, (field) => field in form);
  const groups = settings.groups.map((group) => {
    // Each field in main's words (a number typed in its unit), then main's warning about the saved value.
    const fields = group.fields.map(({ key, kind, label, unit, hint, choices, warning }) => (
      <Fragment key={key}>
        <Field id={fieldId(key)} label={label} choices={choices} kind={kind} suffix={unit} hint={hint ?? undefined} value={form[key] ?? ''} onChange={set(key)} error={problems.get(key)} />
        {warning === null ? null : <Callout>{warning}</Callout>}
      </Fragment>
    ));
    if (group.key === 'terminal') return <TerminalSection key={group.key} terminal={state.terminal} group={group} fields={fields} />;
    return (
      <fieldset key={group.key} className="group">
        <legend>{group.legend}</legend>
        {group.key === 'storage' ? <StorageInfo state={state} /> : null}
        {fields}
      </fieldset>
    );
  });

  return panel(
    <>
      <ConnectionsSection summaries={state.connections} initial={settings.connections} words={settings.connectionForm} />
      <form ref={formRef} className="form" noValidate aria-label="App settings" onSubmit={(event) => void save(event)}>
        {groups}
        <UpdateSection updates={state.updates} />
        {other.length === 0 ? null : <p className="inline-error">{other.join(' ')}</p>}
        {/* Sticky unless a connection is being edited (CSS: that form has its own Save). */}
        <div className="actions actions-sticky">
          <button type="submit" className="button button-primary" disabled={saving}>
            Save settings
          </button>
          <button type="button" className="button button-quiet" onClick={() => show(settings)}>
            Discard changes
          </button>
          {message === null ? null : <p className={message.kind === 'done' ? 'save-note' : 'inline-error'}>{message.text}</p>}
        </div>
      </form>
    </>,
  );
}
