import { useEffect, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import type { AppState, SettingsView } from '../../src-main/contract.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSettingsOnMount } from '../hooks/use-settings-on-mount.ts';
import { announce } from '../lib/announcer.ts';
import { errorText } from '../lib/error-text.ts';
import { firstProblemField, formFromSettings, otherProblems, problemsByField, updateFromForm, type SettingsFormValues } from '../lib/settings-form.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { ConnectionsSection } from './ConnectionsSection.tsx';
import { StorageInfo } from './StorageInfo.tsx';
import { TerminalSection } from './TerminalSection.tsx';
import { TextField } from './TextField.tsx';
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
const SHOWN_FIELDS = new Set(['expiryLeadSeconds', 'clipboardClearSeconds', 'startAtLogin', 'startHidden', 'allowWeakEncryption', 'allowTerminalAccess', 'terminalSessionMinutes']);

/**
 * Every setting: the connections (each edited on its own, see ConnectionsSection), then the
 * app-wide ones: tokens (expiry warning, clipboard clearing), storage and its strength, startup.
 * One Save for the app-wide settings; main's problems show next to their fields.
 */
export function SettingsPanel({ state, headingId, focusField = null, onFocused }: SettingsPanelProps): ReactElement {
  const api = useApi();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [form, setForm] = useState<SettingsFormValues | null>(null);
  // While a connection is edited it has its own Save; the app-wide one then stays at the page's end.
  const [editingConnection, setEditingConnection] = useState(false);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useSettingsOnMount(
    api,
    (loaded) => {
      setSettings(loaded);
      setForm(formFromSettings(loaded));
    },
    (error) => setMessage({ kind: 'error', text: `Could not load the settings: ${errorText(error)}` }),
  );

  const loaded = form !== null;
  useEffect(() => {
    if (!loaded || focusField === null) return;
    document.getElementById(fieldId(focusField))?.focus();
    onFocused?.();
  }, [loaded, focusField, onFocused]);

  const panel = (content: ReactNode): ReactElement => (
    <section className="panel settings" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title" tabIndex={-1}>
        Settings
      </h2>
      {content}
    </section>
  );

  if (settings === null || form === null) {
    return panel(<p className={message === null ? 'lead' : 'inline-error'}>{message === null ? 'Loading…' : message.text}</p>);
  }

  const set = <K extends keyof SettingsFormValues>(field: K) => (value: SettingsFormValues[K]): void => {
    setForm({ ...form, [field]: value });
    setMessage(null);
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const { update, problems: local } = updateFromForm(form, settings);
    setMessage(null);
    if (local.length === 0 && Object.keys(update).length === 0) {
      setProblems(new Map());
      setMessage({ kind: 'done', text: 'Nothing to save: no setting was changed.' });
      return;
    }
    setSaving(true);
    try {
      const result = local.length > 0 ? { ok: false as const, problems: local } : await api.updateSettings(update);
      if (result.ok) {
        setSettings(result.settings);
        setForm(formFromSettings(result.settings));
        setProblems(new Map());
        setMessage({ kind: 'done', text: 'Settings saved.' });
        announce('Settings saved.');
      } else {
        const byField = problemsByField(result.problems);
        setProblems(byField);
        const count = byField.size;
        setMessage({ kind: 'error', text: count === 1 ? 'One setting needs a change; nothing was saved.' : `${count} settings need a change; nothing was saved.` });
        const first = firstProblemField(byField);
        if (first !== undefined) document.getElementById(fieldId(first))?.focus();
      }
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  const other = otherProblems(problems, SHOWN_FIELDS);
  const storageWarnings = state.warnings.filter((warning) => warning.kind === 'weak-encryption' || warning.kind === 'tokens-in-memory-only');

  const check = (field: 'allowWeakEncryption' | 'startAtLogin' | 'startHidden' | 'allowTerminalAccess', label: string, hint?: string): ReactElement => (
    <CheckboxField id={fieldId(field)} label={label} checked={form[field]} onChange={set(field)} error={problems.get(field)} hint={hint} />
  );

  // A number typed as text (the form field), checked against the setting `problem` names; a whole number when the step is 1.
  const number = (field: 'expiryLeadMinutes' | 'clipboardClearSeconds' | 'terminalSessionMinutes', problem: 'expiryLeadSeconds' | 'clipboardClearSeconds' | 'terminalSessionMinutes', label: string, [min, max, step]: readonly [number, number, number | 'any'], suffix: string, hint?: string): ReactElement => (
    <TextField id={fieldId(problem)} label={label} type="number" inputMode={step === 1 ? 'numeric' : 'decimal'} min={min} max={max} step={step} suffix={suffix} value={form[field]} onChange={set(field)} error={problems.get(problem)} hint={hint} />
  );

  return panel(
    <>
      <ConnectionsSection summaries={state.connections} initial={settings.connections} onEditingChange={setEditingConnection} />
      <form className="form" noValidate aria-label="App settings" onSubmit={(event) => void save(event)}>
        <fieldset className="group">
          <legend>Tokens</legend>
          {number('expiryLeadMinutes', 'expiryLeadSeconds', 'Warn before a token expires', [0, 1440, 'any'], 'minutes', 'A token shows as “Expiring” and you get a notice this long before it expires.')}
          {number('clipboardClearSeconds', 'clipboardClearSeconds', 'Clear the clipboard after', [0, 3600, 1], 'seconds', 'Only if it still holds what this app copied. 0 never clears it.')}
        </fieldset>

        <fieldset className="group">
          <legend>Storage</legend>
          <StorageInfo storage={state.storage} warnings={storageWarnings} />
          {check(
            'allowWeakEncryption',
            'Store tokens on disk even with weak encryption',
            'Off: where only weak protection exists, tokens stay in memory and are gone when the app quits. On: they survive restarts, but anyone who can read your files can read them.',
          )}
        </fieldset>

        <TerminalSection
          terminal={state.terminal}
          fields={
            <>
              {check('allowTerminalAccess', 'Allow terminal access', 'Scripts and shells on this computer may then ask this app for a token; you approve each new terminal session here.')}
              {number('terminalSessionMinutes', 'terminalSessionMinutes', 'An approved terminal session ends after', [1, 120, 1], 'minutes unused')}
            </>
          }
        />

        <fieldset className="group">
          <legend>Startup</legend>
          {check('startAtLogin', 'Start at login')}
          {check('startHidden', 'Start hidden in the tray', 'When started at login, stay in the tray without opening this window.')}
        </fieldset>
        <UpdateSection updates={state.updates} automatic={settings.checkForUpdatesAutomatically} />

        {other.length === 0 ? null : <p className="inline-error">{other.join(' ')}</p>}
        <div className={editingConnection ? 'actions' : 'actions actions-sticky'}>
          <button type="submit" className="button button-primary" disabled={saving}>
            Save settings
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setForm(formFromSettings(settings));
              setProblems(new Map());
              setMessage(null);
            }}
          >
            Discard changes
          </button>
          {message === null ? null : <p className={message.kind === 'done' ? 'save-note' : 'inline-error'}>{message.text}</p>}
        </div>
      </form>
    </>,
  );
}
