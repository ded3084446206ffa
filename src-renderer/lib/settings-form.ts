import type { SettingFieldView, SettingsUpdate, SettingsView } from '../../src-main/contract.ts';

/** The app-wide settings form as typed: text for what is typed (a number in its field's unit), flags and choices as they are. */
export type SettingsFormValues = Readonly<Record<string, string | boolean>>;

/** Every app-wide field, in Settings' order. */
const fieldsOf = (settings: SettingsView): SettingFieldView[] => settings.groups.flatMap((group) => group.fields);

/** The form's starting values for `settings` (main's, in each field's unit). */
export function formFromSettings(settings: SettingsView): SettingsFormValues {
  return Object.fromEntries(fieldsOf(settings).map(({ key, value }) => [key, value]));
}

/**
 * The changes from `settings` to `form`, as one update. A number is sent as typed (NaN when it is
 * not one, an empty field too): main checks every rule and names the problem at its field.
 */
export function updateFromForm(form: SettingsFormValues, settings: SettingsView): SettingsUpdate {
  const update: Record<string, unknown> = {};
  for (const { key, kind, scale } of fieldsOf(settings)) {
    const typed = form[key];
    const value = typeof typed === 'string' && kind === 'number' ? (typed.trim() === '' ? NaN : Math.round(Number(typed) * scale * 1e6) / 1e6) : typed;
    if (!Object.is(value, settings[key])) update[key] = value;
  }
  return update;
}
