/**
 * Reads the app's answers (terminal contract: TokenAnswer, AccountBrief, status) into the few
 * fields the CLI prints. An answer that does not fit is an AccessFailure, so nothing half-read
 * reaches stdout. Text the app chose goes through serverText before a terminal shows it.
 */
import { serverText } from '../core/oauth/server-text.ts';
import { isJsonObject } from '../shared/json-object.ts';
import { AccessFailure } from './access-client.ts';
import { EXIT_FAILED } from './exit-codes.ts';

/** A token the app handed out. */
export interface TokenRead {
  readonly accessToken: string;
  readonly expiration: string;
  readonly userid: string | null;
  readonly connection: string;
}

/** One account in brief (never its token). */
export interface AccountBrief {
  readonly userid: string | null;
  readonly name: string;
  readonly connection: string;
  readonly status: string;
  readonly expiration: string;
  readonly secondsLeft: number;
  readonly active: boolean;
}

/** GET /v1/status. */
export interface AppStatus {
  readonly app: string;
  readonly version: string;
  readonly accounts: readonly AccountBrief[];
}

const TEXT_CAP = 200;

function unreadable(what: string): AccessFailure {
  return new AccessFailure(EXIT_FAILED, 'unreadable_answer', `AIRisk Token Tray's answer has no valid ${what}; update airisk-token to the app's version, or restart the app.`);
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw unreadable(what);
  return serverText(value, TEXT_CAP);
}

function useridOf(value: unknown): string | null {
  return value === null ? null : text(value, 'userid');
}

/** POST /v1/token and /v1/login: `{ access_token, token_type: "Bearer", expiration, userid, connection }`. */
export function readTokenAnswer(body: Record<string, unknown>): TokenRead {
  // Only the token itself is not passed through serverText: it is checked whole where it is printed (copy-format.ts).
  if (typeof body.access_token !== 'string' || body.access_token === '') throw unreadable('token');
  if (body.token_type !== 'Bearer') throw unreadable('token type');
  return { accessToken: body.access_token, expiration: text(body.expiration, 'expiration'), userid: useridOf(body.userid), connection: text(body.connection, 'connection') };
}

/** One AccountBrief, only its documented fields (a token the app might add is never even read). */
function readAccountBrief(value: unknown): AccountBrief {
  if (!isJsonObject(value)) throw unreadable('account');
  const secondsLeft = typeof value.secondsLeft === 'number' && Number.isFinite(value.secondsLeft) ? value.secondsLeft : Number.NaN;
  if (Number.isNaN(secondsLeft)) throw unreadable('time left');
  return {
    userid: useridOf(value.userid),
    name: text(value.name, 'account name'),
    connection: text(value.connection, 'connection'),
    status: text(value.status, 'status'),
    expiration: text(value.expiration, 'expiration'),
    secondsLeft,
    active: value.active === true,
  };
}

/** `{ accounts: AccountBrief[] }` (GET /v1/accounts, and inside GET /v1/status). */
export function readAccounts(body: Record<string, unknown>): readonly AccountBrief[] {
  if (!Array.isArray(body.accounts)) throw unreadable('account list');
  return body.accounts.map(readAccountBrief);
}

/** GET /v1/status. */
export function readStatus(body: Record<string, unknown>): AppStatus {
  return { app: text(body.app, 'app name'), version: text(body.version, 'version'), accounts: readAccounts(body) };
}
