import type { SettingsProblem, SettingsUpdate } from '../../contract.ts';
import { SESSION_MINUTES } from '../terminal/consent-sessions.ts';
import { COPY_FORMATS, isCopyFormat } from '../clipboard/copy-format.ts';
import { acceleratorProblem } from './accelerator.ts';
import type { StoredSettings } from './stored-settings.ts';

/*
 * The app-wide settings' rules. A connection's fields have theirs in connection-validation.ts.
 */

/** Bounds a person could sensibly want; outside them the value is almost certainly a typo. */
export const EXPIRY_LEAD_RANGE = { min: 0, max: 24 * 3600 } as const;
export const CLIPBOARD_CLEAR_RANGE = { min: 0, max: 3600 } as const;
/** The consent sessions' own limits: one rule for the setting and the broker. */
export const TERMINAL_SESSION_MINUTES_RANGE = SESSION_MINUTES;

/** A stored session length the broker accepts; anything else (a hand-edited store) reads as the default. */
export function storedSessionMinutes(minutes: number): number {
  const { min, max } = TERMINAL_SESSION_MINUTES_RANGE;
  return Number.isInteger(minutes) && minutes >= min && minutes <= max ? minutes : TERMINAL_SESSION_MINUTES_RANGE.default;
}

const SETTING_KEYS: readonly string[] = ['expiryLeadSeconds', 'clipboardClearSeconds', 'startAtLogin', 'startHidden', 'allowWeakEncryption', 'allowTerminalAccess', 'terminalSessionMinutes', 'defaultCopyFormat', 'globalShortcut', 'checkForUpdatesAutomatically'];

/**
 * Checks an update of the app-wide settings against every rule and names each problem with its fix.
 * Nothing is applied unless everything is valid.
 */
export function validateSettingsUpdate(current: StoredSettings, update: SettingsUpdate): { ok: true; settings: StoredSettings } | { ok: false; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  for (const key of Object.keys(update)) {
    if (!SETTING_KEYS.includes(key)) {
      const hint = key === 'connections' ? ' Change connections with saveConnection.' : '';
      problems.push({ field: key as keyof SettingsUpdate, message: `"${key}" is not an app-wide setting.${hint}` });
    }
  }
  const flag = (field: 'startAtLogin' | 'startHidden' | 'allowWeakEncryption' | 'allowTerminalAccess' | 'checkForUpdatesAutomatically'): boolean => {
    const value = update[field];
    if (value === undefined) return current[field];
    if (typeof value !== 'boolean') problems.push({ field, message: `${field} must be true or false.` });
    return value === true;
  };
  const whole = (field: 'expiryLeadSeconds' | 'clipboardClearSeconds' | 'terminalSessionMinutes', range: { min: number; max: number }, what: string, unit: string, also = ''): number => {
    const value = update[field];
    if (value === undefined) return current[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      problems.push({ field, message: `${what} must be a whole number of ${unit} from ${range.min} to ${range.max}${also}.` });
      return current[field];
    }
    return value;
  };
  const copyFormat = (): StoredSettings['defaultCopyFormat'] => {
    const value = update.defaultCopyFormat;
    if (value === undefined) return current.defaultCopyFormat;
    if (isCopyFormat(value)) return value;
    problems.push({ field: 'defaultCopyFormat', message: `The default copy format must be one of ${COPY_FORMATS.join(', ')}.` });
    return current.defaultCopyFormat;
  };
  const shortcut = (): string => {
    const value = update.globalShortcut;
    if (value === undefined) return current.globalShortcut;
    const problem = typeof value === 'string' ? acceleratorProblem(value.trim()) : 'The global shortcut must be text, e.g. CommandOrControl+Shift+A ("" turns it off).';
    if (problem === undefined && typeof value === 'string') return value.trim();
    problems.push({ field: 'globalShortcut', message: problem ?? '' });
    return current.globalShortcut;
  };
  const settings: StoredSettings = {
    expiryLeadSeconds: whole('expiryLeadSeconds', EXPIRY_LEAD_RANGE, 'The expiry warning time', 'seconds', ` (${EXPIRY_LEAD_RANGE.min / 60} to ${EXPIRY_LEAD_RANGE.max / 60} minutes; 0 turns it off)`),
    clipboardClearSeconds: whole('clipboardClearSeconds', CLIPBOARD_CLEAR_RANGE, 'The clipboard clear time', 'seconds'),
    startAtLogin: flag('startAtLogin'),
    startHidden: flag('startHidden'),
    allowWeakEncryption: flag('allowWeakEncryption'),
    allowTerminalAccess: flag('allowTerminalAccess'),
    terminalSessionMinutes: whole('terminalSessionMinutes', TERMINAL_SESSION_MINUTES_RANGE, 'A terminal session', 'minutes'),
    defaultCopyFormat: copyFormat(),
    globalShortcut: shortcut(),
    checkForUpdatesAutomatically: flag('checkForUpdatesAutomatically'),
  };
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings };
}

/** The one sentence after Save: saved, nothing to save (an empty update), or how many settings need a change. */
export function saveMessage(outcome: 'saved' | 'unchanged' | readonly SettingsProblem[]): string {
  if (outcome === 'saved') return 'Settings saved.';
  if (outcome === 'unchanged') return 'Nothing to save: no setting was changed.';
  const count = new Set(outcome.map((problem) => problem.field)).size;
  return count === 1 ? 'One setting needs a change; nothing was saved.' : `${count} settings need a change; nothing was saved.`;
}
