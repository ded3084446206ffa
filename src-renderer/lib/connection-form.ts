import type { ConnectionProblem, ConnectionUpdate, ConnectionView } from '../../src-main/contract.ts';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_BASE_URL, DEFAULT_REDIRECT_URI, DEFAULT_TOKEN_PATH } from '../../src-main/shared/airisk-defaults.ts';

/**
 * The connection form as typed: every field of a connection update, none optional. The secret
 * field is write-only: it always starts empty, and empty keeps the current secret.
 */
export type ConnectionFormValues = Required<ConnectionUpdate>;

/** The text fields a connection form sends as typed (everything but the secret and the encoding). */
const TEXT_FIELDS = ['name', 'baseUrl', 'authorizePath', 'tokenPath', 'clientId', 'redirectUri', 'scope', 'issuer'] as const;

/** The form's starting values for `connection`; the secret field always starts empty. */
export function formFromConnection(connection: ConnectionView): ConnectionFormValues {
  const { name, baseUrl, authorizePath, tokenPath, clientId, redirectUri, bodyEncoding, scope, issuer } = connection;
  return { name, baseUrl, authorizePath, tokenPath, clientId, clientSecret: '', redirectUri, bodyEncoding, scope, issuer };
}

/** A new connection's starting values: the defaults main uses; `name` is "AIRisk" for the first-run setup. */
export function newConnectionForm(name: string): ConnectionFormValues {
  return { name, baseUrl: DEFAULT_BASE_URL, authorizePath: DEFAULT_AUTHORIZE_PATH, tokenPath: DEFAULT_TOKEN_PATH, clientId: '', clientSecret: '', redirectUri: DEFAULT_REDIRECT_URI, bodyEncoding: 'form', scope: '', issuer: '' };
}

/**
 * The update for saving or checking `form`: for an existing connection only what changed, for a
 * new one (`connection` null) every field. The secret is sent only when typed.
 */
export function connectionUpdateFromForm(form: ConnectionFormValues, connection: ConnectionView | null): ConnectionUpdate {
  const update: { -readonly [K in keyof ConnectionUpdate]: ConnectionUpdate[K] } = {};
  for (const field of TEXT_FIELDS) {
    if (connection === null || form[field] !== connection[field]) update[field] = form[field];
  }
  if (connection === null || form.bodyEncoding !== connection.bodyEncoding) update.bodyEncoding = form.bodyEncoding;
  if (form.clientSecret !== '') update.clientSecret = form.clientSecret;
  return update;
}

/**
 * Problems the window can tell before asking main: an empty name or client id, and a missing
 * secret where none is stored. Main checks everything again (and everything else).
 */
export function localConnectionProblems(form: ConnectionFormValues, connection: ConnectionView | null): ConnectionProblem[] {
  const problems: ConnectionProblem[] = [];
  if (form.name.trim() === '') problems.push({ field: 'name', message: 'Enter a name for this connection, such as “Production”.' });
  if (form.clientId.trim() === '') problems.push({ field: 'clientId', message: 'Enter the client id AIRisk gave you.' });
  if (form.clientSecret.trim() === '' && connection?.clientSecretSet !== true) problems.push({ field: 'clientSecret', message: 'Enter the client secret AIRisk gave you.' });
  return problems;
}

/** The fields the first-run setup shows. */
export const SETUP_FIELDS = { name: 1, baseUrl: 1, clientId: 1, clientSecret: 1, redirectUri: 1 } as const;

/** Each connection field in words, to name it where a problem is shown away from its field (an import). */
const CONNECTION_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  baseUrl: 'Base URL',
  authorizePath: 'Authorization path',
  tokenPath: 'Token path',
  clientId: 'Client id',
  clientSecret: 'Client secret',
  redirectUri: 'Redirect URI',
  bodyEncoding: 'Token request body',
  scope: 'Scope',
  issuer: 'Issuer',
};

/** A refused import's problems as lines: the file's own as they are, a field's with the field named. */
export function importProblemLines(problems: readonly ConnectionProblem[]): string[] {
  return problems.map((problem) => (problem.field === 'file' ? problem.message : `${CONNECTION_FIELD_LABELS[problem.field] ?? problem.field}: ${problem.message}`));
}
