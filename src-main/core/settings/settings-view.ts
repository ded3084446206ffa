import type { ConnectionView, SettingsView } from '../../contract.ts';
import { COPY_FORMAT_LABELS, COPY_FORMATS } from '../clipboard/copy-format.ts';
import { expiryLeadWarning, type TokenTimes } from './lead-warning.ts';
import type { StoredSettings } from './stored-settings.ts';

/** Every copy format with its words, for Settings' choice of the default one. */
const COPY_FORMAT_CHOICES: SettingsView['copyFormats'] = COPY_FORMATS.map((format) => ({ format, label: COPY_FORMAT_LABELS[format] }));

/**
 * Settings as the window shows them: the stored settings, every connection, and the ready
 * sentences main makes (the lead warning from the stored tokens' lifetimes, the shortcut's problem).
 */
export function settingsView(settings: StoredSettings, connections: readonly ConnectionView[], tokens: readonly TokenTimes[], globalShortcutProblem: string | null): SettingsView {
  return {
    ...settings,
    connections,
    copyFormats: COPY_FORMAT_CHOICES,
    expiryLeadWarning: expiryLeadWarning(settings.expiryLeadSeconds, tokens),
    globalShortcutProblem,
  };
}
