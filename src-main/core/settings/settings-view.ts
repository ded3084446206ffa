import type { ConnectionView, SettingFieldView, SettingsGroupView, SettingsView } from '../../contract.ts';
import { COPY_FORMAT_LABELS, COPY_FORMATS } from '../clipboard/copy-format.ts';
import { CONNECTION_FORM_WORDS } from './connection-form-words.ts';
import { expiryLeadWarning, type TokenTimes } from './lead-warning.ts';
import type { StoredSettings } from './stored-settings.ts';

/*
 * Settings' words: every app-wide setting's label, hint and unit, in the groups and order the window
 * shows them, with main's warnings about the saved values. The window only draws them.
 */

type Field = Pick<SettingFieldView, 'key' | 'kind' | 'label'> & Partial<Omit<SettingFieldView, 'key' | 'kind' | 'label' | 'value'>>;

/** A saved value as its field starts: a number as text in the field's unit (`scale` stored units each), anything else as it is. */
const formValue = (value: StoredSettings[Field['key']], scale: number): string | boolean => (typeof value === 'number' ? String(value / scale) : value);

const flag = (key: Field['key'], label: string, hint?: string): Field => ({ key, kind: 'flag', label, ...(hint === undefined ? {} : { hint }) });
/** A typed setting: a number when it has a unit, else text. */
const typed = (key: Field['key'], label: string, unit: string | null, hint?: string, scale = 1): Field => ({ key, kind: unit === null ? 'text' : 'number', label, unit, scale, ...(hint === undefined ? {} : { hint }) });

const GROUPS: readonly (Omit<SettingsGroupView, 'fields' | 'notes'> & { readonly fields: readonly Field[]; readonly notes?: SettingsGroupView['notes'] })[] = [
  {
    key: 'tokens',
    legend: 'Tokens',
    fields: [
      typed('expiryLeadSeconds', 'Warn before a token expires', 'minutes', 'A token shows as “Expiring” and you get a notice this long before it expires.', 60),
      typed('clipboardClearSeconds', 'Clear the clipboard after', 'seconds', 'Only if it still holds what this app copied. 0 never clears it.'),
    ],
  },
  {
    key: 'copying',
    legend: 'Copying',
    fields: [
      {
        key: 'defaultCopyFormat',
        kind: 'choice',
        label: 'Copy puts on the clipboard',
        hint: 'The one-click Copy, the tray’s first item and the global shortcut use it; the row menu offers every format.',
        choices: COPY_FORMATS.map((format) => ({ value: format, label: COPY_FORMAT_LABELS[format] })),
      },
      typed('globalShortcut', 'Global shortcut', null, 'Copies the active account’s token from any program, e.g. CommandOrControl+Shift+A. Empty: off.'),
    ],
  },
  {
    key: 'storage',
    legend: 'Storage',
    fields: [
      flag(
        'allowWeakEncryption',
        'Store tokens on disk even with weak encryption',
        'Off: where only weak protection exists, tokens stay in memory and are gone when the app quits. On: they survive restarts, but anyone who can read your files can read them.',
      ),
    ],
  },
  {
    key: 'terminal',
    legend: 'Terminal access',
    fields: [
      flag('allowTerminalAccess', 'Allow terminal access', 'Scripts and shells on this computer may then ask this app for a token; you approve each new terminal session here.'),
      typed('terminalSessionMinutes', 'An approved terminal session ends after', 'minutes unused'),
    ],
    notes: {
      socket: 'Scripts call it with curl --unix-socket, sending the key from the app’s terminal/access-key file.',
      noSessions: 'No terminal is approved right now.',
      revokedAll: 'Every terminal session was revoked.',
    },
  },
  {
    key: 'startup',
    legend: 'Startup',
    fields: [flag('startAtLogin', 'Start at login'), flag('startHidden', 'Start hidden in the tray', 'When started at login, stay in the tray without opening this window.')],
  },
  {
    key: 'updates',
    legend: 'Updates',
    fields: [flag('checkForUpdatesAutomatically', 'Check for updates automatically', 'A minute after start, then daily.')],
  },
];

/** What main says about a saved value besides refusing it. */
export interface SettingsWarnings {
  /** The stored tokens' times, for the lead warning. */
  readonly tokens: readonly TokenTimes[];
  /** Why the global shortcut is not registered, or null. */
  readonly globalShortcutProblem: string | null;
}

/** Settings as the window shows them: the stored settings, every connection, and the groups of fields with main's words and warnings. */
export function settingsView(settings: StoredSettings, connections: readonly ConnectionView[], warnings: SettingsWarnings): SettingsView {
  const warningOf: Partial<Record<Field['key'], string | null>> = {
    expiryLeadSeconds: expiryLeadWarning(settings.expiryLeadSeconds, warnings.tokens),
    globalShortcut: warnings.globalShortcutProblem,
  };
  const groups = GROUPS.map((group) => ({
    notes: {},
    ...group,
    fields: group.fields.map((field) => ({ hint: null, unit: null, scale: 1, choices: [], ...field, warning: warningOf[field.key] ?? null, value: formValue(settings[field.key], field.scale ?? 1) })),
  }));
  return { ...settings, connections, groups, connectionForm: CONNECTION_FORM_WORDS };
}
