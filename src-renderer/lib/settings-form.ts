import type { SettingsProblem, SettingsUpdate, SettingsView } from '../../src-main/contract.ts';

/** The settings form as typed: text for every field a person types into, booleans for switches. */
export interface SettingsFormValues {
  readonly baseUrl: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  readonly clientId: string;
  /** A replacement secret; empty keeps the current one. */
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly bodyEncoding: 'form' | 'json';
  readonly expiryLeadMinutes: string;
  readonly clipboardClearSeconds: string;
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
  readonly allowWeakEncryption: boolean;
  /** Standard OAuth 2.0 servers only; empty = unset. */
  readonly scope: string;
  readonly issuer: string;
}

/** The form's starting values for `settings`; the secret field always starts empty. */
export function formFromSettings(settings: SettingsView): SettingsFormValues {
  return {
    baseUrl: settings.baseUrl,
    authorizePath: settings.authorizePath,
    tokenPath: settings.tokenPath,
    clientId: settings.clientId,
    clientSecret: '',
    redirectUri: settings.redirectUri,
    bodyEncoding: settings.bodyEncoding,
    expiryLeadMinutes: String(settings.expiryLeadSeconds / 60),
    clipboardClearSeconds: String(settings.clipboardClearSeconds),
    startAtLogin: settings.startAtLogin,
    startHidden: settings.startHidden,
    allowWeakEncryption: settings.allowWeakEncryption,
    scope: settings.scope,
    issuer: settings.issuer,
  };
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The changes from `settings` to `form`, as one update. Numbers that are not numbers become
 * problems here (main checks ranges and every other rule); untouched fields are left out.
 */
export function updateFromForm(form: SettingsFormValues, settings: SettingsView): { update: SettingsUpdate; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const update: Record<string, unknown> = {};
  for (const field of ['baseUrl', 'authorizePath', 'tokenPath', 'clientId', 'redirectUri', 'bodyEncoding', 'startAtLogin', 'startHidden', 'allowWeakEncryption', 'scope', 'issuer'] as const) {
    if (form[field] !== settings[field]) update[field] = form[field];
  }
  if (form.clientSecret !== '') update['clientSecret'] = form.clientSecret;

  const leadMinutes = parseNumber(form.expiryLeadMinutes);
  if (leadMinutes === undefined) {
    problems.push({ field: 'expiryLeadSeconds', message: 'Enter a number of minutes, such as 5 (0 turns the warning off).' });
  } else if (Math.round(leadMinutes * 60) !== settings.expiryLeadSeconds) {
    update['expiryLeadSeconds'] = Math.round(leadMinutes * 60);
  }
  const clearSeconds = parseNumber(form.clipboardClearSeconds);
  if (clearSeconds === undefined) {
    problems.push({ field: 'clipboardClearSeconds', message: 'Enter a number of seconds, such as 60 (0 never clears the clipboard).' });
  } else if (clearSeconds !== settings.clipboardClearSeconds) {
    update['clipboardClearSeconds'] = clearSeconds;
  }
  return { update: update as SettingsUpdate, problems };
}

/** Problems keyed by field, several messages for one field joined into one text. */
export function problemsByField(problems: readonly SettingsProblem[]): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const earlier = byField.get(problem.field);
    byField.set(problem.field, earlier === undefined ? problem.message : `${earlier} ${problem.message}`);
  }
  return byField;
}

/** The order fields appear in the forms, to focus the first one with a problem. */
export const FIELD_ORDER: readonly string[] = [
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
];

/** The first field of `problems` in form order, or undefined. */
export function firstProblemField(problems: ReadonlyMap<string, string>): string | undefined {
  return FIELD_ORDER.find((field) => problems.has(field)) ?? [...problems.keys()][0];
}
