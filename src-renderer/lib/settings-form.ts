import type { SettingsProblem, SettingsUpdate, SettingsView } from '../../src-main/contract.ts';

/** The app-wide settings form as typed: text for the numbers a person types, booleans for switches. */
export interface SettingsFormValues {
  readonly expiryLeadMinutes: string;
  readonly clipboardClearSeconds: string;
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
  readonly allowWeakEncryption: boolean;
  readonly allowTerminalAccess: boolean;
  readonly terminalSessionMinutes: string;
}

/** The app-wide form's starting values for `settings`. */
export function formFromSettings(settings: SettingsView): SettingsFormValues {
  return {
    expiryLeadMinutes: String(settings.expiryLeadSeconds / 60),
    clipboardClearSeconds: String(settings.clipboardClearSeconds),
    startAtLogin: settings.startAtLogin,
    startHidden: settings.startHidden,
    allowWeakEncryption: settings.allowWeakEncryption,
    allowTerminalAccess: settings.allowTerminalAccess,
    terminalSessionMinutes: String(settings.terminalSessionMinutes),
  };
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The changes from `settings` to `form`, as one app-wide update. Numbers that are not numbers
 * become problems here (main checks ranges and every other rule); untouched fields are left out.
 */
export function updateFromForm(form: SettingsFormValues, settings: SettingsView): { update: SettingsUpdate; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const update: { -readonly [K in keyof SettingsUpdate]: SettingsUpdate[K] } = {};
  for (const field of ['startAtLogin', 'startHidden', 'allowWeakEncryption', 'allowTerminalAccess'] as const) {
    if (form[field] !== settings[field]) update[field] = form[field];
  }
  const leadMinutes = parseNumber(form.expiryLeadMinutes);
  if (leadMinutes === undefined) {
    problems.push({ field: 'expiryLeadSeconds', message: 'Enter a number of minutes, such as 5 (0 turns the warning off).' });
  } else if (Math.round(leadMinutes * 60) !== settings.expiryLeadSeconds) {
    update.expiryLeadSeconds = Math.round(leadMinutes * 60);
  }
  const clearSeconds = parseNumber(form.clipboardClearSeconds);
  if (clearSeconds === undefined) {
    problems.push({ field: 'clipboardClearSeconds', message: 'Enter a number of seconds, such as 60 (0 never clears the clipboard).' });
  } else if (clearSeconds !== settings.clipboardClearSeconds) {
    update.clipboardClearSeconds = clearSeconds;
  }
  const sessionMinutes = parseNumber(form.terminalSessionMinutes);
  if (sessionMinutes === undefined) {
    problems.push({ field: 'terminalSessionMinutes', message: 'Enter a number of minutes from 1 to 120, such as 10.' });
  } else if (sessionMinutes !== settings.terminalSessionMinutes) {
    update.terminalSessionMinutes = sessionMinutes;
  }
  return { update, problems };
}

/** Problems keyed by field, several messages for one field joined into one text (settings and connection forms). */
export function problemsByField(problems: readonly { readonly field: string; readonly message: string }[]): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const earlier = byField.get(problem.field);
    byField.set(problem.field, earlier === undefined ? problem.message : `${earlier} ${problem.message}`);
  }
  return byField;
}

/** The problems of fields a form does not show (`shown`), to show together under it. */
export function otherProblems(problems: ReadonlyMap<string, string>, shown: ReadonlySet<string>): string[] {
  return [...problems].filter(([field]) => !shown.has(field)).map(([, text]) => text);
}

/** The order fields appear in the forms (connection fields first), to focus the first one with a problem. */
export const FIELD_ORDER: readonly string[] = [
  'file',
  'name',
  'baseUrl',
  'clientId',
  'clientSecret',
  'redirectUri',
  'authorizePath',
  'tokenPath',
  'bodyEncoding',
  'scope',
  'issuer',
  'expiryLeadSeconds',
  'clipboardClearSeconds',
  'startAtLogin',
  'startHidden',
  'allowWeakEncryption',
  'allowTerminalAccess',
  'terminalSessionMinutes',
];

/** The first field of `problems` in form order, or undefined. */
export function firstProblemField(problems: ReadonlyMap<string, string>): string | undefined {
  return FIELD_ORDER.find((field) => problems.has(field)) ?? [...problems.keys()][0];
}
