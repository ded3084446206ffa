import type { ConnectionSummary, ConnectionView } from '../../contract.ts';
import type { ConnectionRecord } from '../vault/vault.ts';
import { originOf } from './client-secret-origin.ts';
import { CONNECTION_FORM_WORDS } from './connection-form-words.ts';

/**
 * A connection as Settings sees it: the client secret only as "set or not". A secret that is not
 * usable (saved for another origin, undecryptable, saved before the binding) counts as not set,
 * and `clientSecretProblem` says why.
 */
/**
 * Whether a connection can start a sign-in: a client id and a stored secret. Judged without
 * decrypting, so start-up decrypts nothing; a secret that does not fit shows when it is read.
 */
export function isConfigured(connection: Pick<ConnectionRecord, 'clientId' | 'clientSecretStored'>): boolean {
  return connection.clientId !== '' && connection.clientSecretStored !== 'none';
}

export function connectionView(connection: ConnectionRecord, clientSecretProblem: string | undefined, accountCount: number): ConnectionView {
  const { clientSecretStored, ...fields } = connection;
  const stored = clientSecretStored !== 'none';
  const problem = stored ? (clientSecretProblem ?? null) : null;
  const secretSet = stored && problem === null;
  return {
    ...fields,
    clientSecretSet: secretSet,
    clientSecretProblem: problem,
    accountCount,
    exportFileName: connectionFileName(fields.name),
    tokens: tokenCount(accountCount),
    removeQuestion: removeConnectionQuestion(fields.name, accountCount),
    secretField: secretFieldWords(secretSet, problem),
    badge: problem ?? (isConfigured(connection) ? null : CONNECTION_FORM_WORDS.texts.needsSecret),
    origin: originOf(fields.baseUrl) ?? fields.baseUrl,
  };
}

/** The secret field's words for a saved connection: "Replace" only when there is one to replace, and the hint says why a stored one is not used, or that empty keeps it. */
function secretFieldWords(secretSet: boolean, problem: string | null): ConnectionView['secretField'] {
  const { fields, texts } = CONNECTION_FORM_WORDS;
  const field = fields.find((candidate) => candidate.key === 'clientSecret');
  const hint = field?.hint ?? '';
  return {
    label: secretSet ? texts.replaceSecret : (field?.label ?? ''),
    state: secretSet ? texts.secretSet : texts.secretUnset,
    hint: problem ?? (secretSet ? `${hint} ${texts.keepSecret}` : hint),
  };
}

/** "no tokens", "1 token", "3 tokens". */
export function tokenCount(count: number): string {
  if (count === 0) return 'no tokens';
  return count === 1 ? '1 token' : `${count} tokens`;
}

/**
 * The question before removing a connection: "Remove Staging?" and, when it holds tokens, "This
 * removes its 3 tokens." (`detail` null when it holds none).
 */
export function removeConnectionQuestion(name: string, accountCount: number): ConnectionView['removeQuestion'] {
  return { title: `Remove ${name}?`, detail: accountCount === 0 ? null : `This removes its ${accountCount === 1 ? 'token' : `${accountCount} tokens`}.` };
}

/**
 * The file name an exported connection downloads as: `<name>.airisk-connection.json`, with the
 * characters file systems refuse (and leading dots) replaced, never empty.
 */
export function connectionFileName(name: string): string {
  const safe = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100);
  return `${safe === '' ? 'connection' : safe}.airisk-connection.json`;
}

/**
 * A connection as AppState lists it. `configured` is judged without decrypting (nothing is decrypted
 * at start-up): a client id and a stored secret; whether the secret fits the origin is checked when
 * a sign-in starts, and Settings shows it.
 */
export function connectionSummary(connection: ConnectionRecord, accountCount: number): ConnectionSummary {
  return {
    id: connection.id,
    name: connection.name,
    origin: originOf(connection.baseUrl) ?? connection.baseUrl,
    configured: isConfigured(connection),
    accountCount,
  };
}
