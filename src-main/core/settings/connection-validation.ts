import type { ConnectionProblem, ConnectionUpdate } from '../../contract.ts';
import { findClientConfigProblems } from '../oauth/client-config.ts';
import { parseLoopbackRedirectUri } from '../oauth/redirect-uri.ts';
import { issuerProblem, scopeProblem } from '../oauth/standard-oauth-settings.ts';
import { isSignInError } from '../oauth/sign-in-error.ts';
import { connectionNameProblem } from './connection-name.ts';
import type { ConnectionFields } from './stored-settings.ts';

/** A connection after an accepted update, with the secret (if any) to store separately. */
export interface AcceptedConnection {
  readonly fields: ConnectionFields;
  readonly clientSecret: string | undefined;
}

/** The fields a {@link ConnectionUpdate} may carry. */
export const CONNECTION_UPDATE_KEYS: readonly (keyof ConnectionUpdate)[] = ['name', 'baseUrl', 'authorizePath', 'tokenPath', 'clientId', 'clientSecret', 'redirectUri', 'bodyEncoding', 'scope', 'issuer'];

type TextField = 'name' | 'baseUrl' | 'authorizePath' | 'tokenPath' | 'clientId' | 'redirectUri' | 'scope' | 'issuer';

/**
 * Checks an update of a connection (`current`: its fields now, or a new one's defaults) against every
 * rule — the name's (unique among `takenNames`, case-insensitively), the origin rule for the paths,
 * the transport rule, the redirect URI's — and names each problem with its fix. Nothing is applied
 * unless everything is valid, so a half-saved form never leaves a connection misconfigured. The
 * client id may be blank while setting up (a sign-in then asks for it).
 */
export function validateConnectionUpdate(
  current: ConnectionFields,
  update: ConnectionUpdate,
  takenNames: readonly string[],
): { ok: true; accepted: AcceptedConnection } | { ok: false; problems: ConnectionProblem[] } {
  const problems: ConnectionProblem[] = [];
  for (const key of Object.keys(update)) {
    if (!(CONNECTION_UPDATE_KEYS as readonly string[]).includes(key)) problems.push({ field: key as keyof ConnectionUpdate, message: `"${key}" is not a connection setting.` });
  }
  const text = (field: TextField): string => {
    const value = update[field];
    if (value === undefined) return current[field];
    if (typeof value !== 'string') {
      problems.push({ field, message: `${field} must be text.` });
      return current[field];
    }
    return value.trim();
  };
  const fields: ConnectionFields = {
    name: text('name'),
    baseUrl: text('baseUrl').replace(/\/+$/, ''),
    authorizePath: text('authorizePath'),
    tokenPath: text('tokenPath'),
    clientId: text('clientId'),
    redirectUri: text('redirectUri'),
    bodyEncoding: update.bodyEncoding ?? current.bodyEncoding,
    scope: text('scope'),
    issuer: text('issuer'),
  };
  const nameProblem = connectionNameProblem(fields.name, takenNames);
  if (nameProblem !== undefined) problems.push({ field: 'name', message: nameProblem });
  if (fields.bodyEncoding !== 'form' && fields.bodyEncoding !== 'json') {
    problems.push({ field: 'bodyEncoding', message: 'The token request body must be form or json.' });
  }
  for (const [field, problem] of [['scope', scopeProblem(fields.scope)], ['issuer', issuerProblem(fields.issuer)]] as const) {
    if (problem !== undefined) problems.push({ field, message: problem });
  }
  const clientSecret = update.clientSecret;
  if (clientSecret !== undefined && (typeof clientSecret !== 'string' || clientSecret.trim() === '')) {
    problems.push({ field: 'clientSecret', message: 'The client secret cannot be empty; paste the one AIRisk gave you.' });
  }
  // Reuse the sign-in's own checks for URLs and paths; credentials may legitimately be blank while setting up.
  problems.push(...findClientConfigProblems({ ...fields, clientId: 'set', clientSecret: 'set' }));
  try {
    parseLoopbackRedirectUri(fields.redirectUri);
  } catch (error) {
    problems.push({ field: 'redirectUri', message: isSignInError(error) ? error.message : 'The redirect URI is not valid.' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, accepted: { fields, clientSecret: clientSecret?.trim() } };
}

/** Each connection field in words, to name it where a problem is shown away from its field (an import). */
export const CONNECTION_FIELD_LABELS: Readonly<Partial<Record<ConnectionProblem['field'], string>>> = {
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

/** True when going from `before` to `after` changes where a sign-in goes or who it is for (a sign-in under way must stop). */
export function changesSignIn(before: ConnectionFields, after: ConnectionFields): boolean {
  const keys = ['baseUrl', 'authorizePath', 'tokenPath', 'clientId', 'redirectUri', 'bodyEncoding', 'scope', 'issuer'] as const;
  return keys.some((key) => before[key] !== after[key]);
}
