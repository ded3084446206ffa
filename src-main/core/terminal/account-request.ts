/**
 * The body of `POST /v1/token` and `POST /v1/login`: which account, checked strictly (unknown
 * fields, wrong types and contradictions are 400 `bad_request`).
 */
import { isJsonObject } from '../../shared/json-object.ts';
import { AccessError } from './access-error.ts';

/** Which account a request means; nothing set = the active one. */
export interface AccountSelector {
  readonly userid: string | null;
  readonly generic: boolean;
  readonly connection: string | null;
}

/** A token request: the selector and whether to sign in again first. */
export interface TokenRequest extends AccountSelector {
  readonly renew: boolean;
}

function bad(message: string): AccessError {
  return new AccessError(400, 'bad_request', message);
}

/** Checks a parsed body; `allowRenew` is true for `/v1/token` only. */
export function parseAccountRequest(body: unknown, allowRenew: boolean): TokenRequest {
  if (!isJsonObject(body)) throw bad('The request body must be a JSON object such as {"userid":"user_42"}.');
  const known = allowRenew ? ['userid', 'generic', 'connection', 'renew'] : ['userid', 'generic', 'connection'];
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw bad(`Unknown field ${JSON.stringify(unknown[0])}; the fields are ${known.join(', ')}.`);
  const { userid, generic, connection, renew } = body;
  if (userid !== undefined && (typeof userid !== 'string' || userid.trim() === '')) throw bad('"userid" must be a non-empty string such as "user_42".');
  if (generic !== undefined && generic !== true) throw bad('"generic" may only be true (leave it out otherwise).');
  if (connection !== undefined && (typeof connection !== 'string' || connection.trim() === '')) throw bad('"connection" must be a connection name such as "Staging".');
  if (renew !== undefined && typeof renew !== 'boolean') throw bad('"renew" must be true or false.');
  if (userid !== undefined && generic !== undefined) throw bad('Send either "userid" or "generic", not both.');
  return {
    userid: typeof userid === 'string' ? userid.trim() : null,
    generic: generic === true,
    connection: typeof connection === 'string' ? connection.trim() : null,
    renew: renew === true,
  };
}
