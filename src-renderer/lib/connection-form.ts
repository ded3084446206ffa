import type { ConnectionFormWords, ConnectionProblem, ConnectionUpdate, ConnectionView } from '../../src-main/contract.ts';

/**
 * The connection form as typed: every field of a connection update, none optional. The secret
 * field is write-only: it always starts empty, and empty keeps the current secret.
 */
export type ConnectionFormValues = Required<ConnectionUpdate>;

/**
 * The form's starting values: `connection`'s, or a new connection's (main's defaults, named `name`;
 * without it main's "AIRisk", the first-run setup's). Every field main lists; the secret always starts empty.
 */
export function startingForm(words: ConnectionFormWords, connection: ConnectionView | null, name?: string): ConnectionFormValues {
  const from: Readonly<Partial<Record<string, unknown>>> = { ...(connection ?? words.defaults), ...(name === undefined ? {} : { name }), clientSecret: '' };
  return Object.fromEntries(words.fields.map(({ key }) => [key, from[key]])) as ConnectionFormValues;
}

/**
 * The update for saving or checking `form`: every field as typed (main works out what changed, and
 * checks it), the secret only when typed.
 */
export function connectionUpdateFromForm(form: ConnectionFormValues): ConnectionUpdate {
  const { clientSecret, ...fields } = form;
  return clientSecret === '' ? fields : form;
}

/**
 * Problems the window can tell before asking main: the fields main marks `missing` left empty (the
 * secret only where none is stored), each with main's sentence. Main checks everything again (and everything else).
 */
export function localConnectionProblems(form: ConnectionFormValues, connection: ConnectionView | null, fields: ConnectionFormWords['fields']): ConnectionProblem[] {
  return fields.flatMap(({ key, missing }) => (missing === undefined || form[key].trim() !== '' || (key === 'clientSecret' && connection?.clientSecretSet === true) ? [] : [{ field: key, message: missing }]));
}
