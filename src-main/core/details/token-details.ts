import { serverText } from '../oauth/server-text.ts';
import type { TokenDetails } from '../../contract.ts';
import type { AccountRecord, ConnectionRecord } from '../vault/vault.ts';
import { COPY_FORMAT_LABELS, COPY_FORMATS, copyFormatProblem } from '../clipboard/copy-format.ts';
import { decodeJwt } from './jwt-decode.ts';

/** Options of {@link tokenDetails}. */
export interface DetailsOptions {
  /** The zone local times are written in (default the system's). */
  readonly timeZone?: string;
  /** Why no copy is handed out now (the token expired), for every format; main's copy rule says it. */
  readonly copyRefusal?: string;
  /** The last time a terminal read this token, and who (the program's own words). */
  readonly lastTerminalRead?: { readonly at: string; readonly client: string } | null;
}

/** How much of a terminal's own description of itself the facts quote. */
const MAX_TERMINAL_CLIENT_LENGTH = 80;

/** AIRisk's `expiration` and the JWT's own `exp` may differ by this much before the details warn. */
export const EXPIRY_DISAGREEMENT_MS = 60_000;

/**
 * The details panel's facts about one account's token: its times (in local time and UTC),
 * connection and userid, the decoded JWT when it is one (`token` undefined: it cannot be read any
 * more), and the copy formats with why each cannot be used. Never the token.
 */
export function tokenDetails(account: AccountRecord, connection: ConnectionRecord | undefined, token: string | undefined, options: DetailsOptions = {}): TokenDetails {
  const { timeZone, copyRefusal, lastTerminalRead } = options;
  const base = {
    accountId: account.id,
    label: account.label,
    connectionId: account.connectionId,
    connectionName: connection?.name ?? '',
    userid: account.userid,
    obtainedAt: account.obtainedAt,
    lastUsedAt: account.lastUsedAt,
    expiration: account.expiration,
  };
  const read = lastTerminalRead ?? null;
  // The client's words are the program's own: through the one sanitizer, so nothing reorders or hides text.
  const terminalFact = read === null ? [] : [{ label: 'Last read by a terminal', value: `${when(read.at, timeZone)}\n${serverText(read.client, MAX_TERMINAL_CLIENT_LENGTH)}` }];
  const facts = [...factsOf(base, connection?.name ?? '', timeZone), ...terminalFact];
  if (token === undefined) {
    const note = 'The token can no longer be read (it was kept in memory only, or cannot be decrypted); sign in again.';
    return { ...base, kind: 'unavailable', jwt: null, note, facts, warnings: [], copyFormats: copyFormats(() => note) };
  }
  const target = connection === undefined ? undefined : { baseUrl: connection.baseUrl };
  const formats = copyFormats((format) => copyRefusal ?? copyFormatProblem(token, format, target));
  const reading = decodeJwt(token);
  if (reading.kind === 'opaque') return { ...base, kind: 'opaque', jwt: null, note: reading.reason, facts, warnings: [], copyFormats: formats };
  const { jwt } = reading;
  return {
    ...base,
    kind: 'jwt',
    jwt,
    note: `Decoded, not verified: the app holds no key to check the signature.${jwt.truncated ? ' Some claims were too large and are cut short.' : ''}`,
    facts: [...facts, { label: 'JWT issued (iat)', value: when(jwt.issuedAt, timeZone) }, { label: 'JWT expires (exp)', value: when(jwt.expiresAt, timeZone) }],
    warnings: expiryWarnings(jwt.expiresAt, account.expiration),
    copyFormats: formats,
  };
}

/** An instant in local time and, on a line of its own, in UTC ("1/12/2030, 1:00:00 PM\n2030-01-12 12:00:00 UTC"), or "never". */
export function when(iso: string | null, timeZone?: string): string {
  const ms = iso === null ? NaN : Date.parse(iso);
  if (Number.isNaN(ms)) return 'never';
  return `${new Date(ms).toLocaleString(undefined, timeZone === undefined ? {} : { timeZone })}\n${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function factsOf(base: Pick<TokenDetails, 'userid' | 'obtainedAt' | 'lastUsedAt' | 'expiration'>, connectionName: string, timeZone: string | undefined): TokenDetails['facts'] {
  return [
    { label: 'Connection', value: connectionName },
    { label: 'User id', value: base.userid ?? 'none (the generic token)' },
    { label: 'Obtained', value: when(base.obtainedAt, timeZone) },
    { label: 'Last copied', value: when(base.lastUsedAt, timeZone) },
    { label: 'Expires', value: when(base.expiration, timeZone) },
  ];
}

/** Every format with its words and `problem` of it. */
function copyFormats(problem: (format: (typeof COPY_FORMATS)[number]) => string | null): TokenDetails['copyFormats'] {
  return COPY_FORMATS.map((format) => ({ format, label: COPY_FORMAT_LABELS[format], problem: problem(format) }));
}

/** A warning when the JWT's `exp` and AIRisk's `expiration` disagree by more than a minute. */
function expiryWarnings(expiresAt: string | null, expiration: string): string[] {
  if (expiresAt === null) return [];
  const apart = Date.parse(expiresAt) - Date.parse(expiration);
  if (!Number.isFinite(apart) || Math.abs(apart) <= EXPIRY_DISAGREEMENT_MS) return [];
  const minutes = Math.round(Math.abs(apart) / 60_000);
  const by = minutes >= 1 ? `${minutes} min` : `${Math.round(Math.abs(apart) / 1000)} s`;
  return [
    `The token's own expiry (exp ${expiresAt}) is ${by} ${apart < 0 ? 'earlier' : 'later'} than AIRisk's expiration (${expiration}). ` +
      `The app counts AIRisk's, so ${apart < 0 ? 'requests may be refused before the app says the token expired' : 'the token may still work after the app says it expired'}.`,
  ];
}
