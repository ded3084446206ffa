/**
 * Stands in for AppService (which the lead wires later) as the terminal access server's
 * TerminalTokenSource: real sandbox-signed JWTs in memory, accounts on two connections, and
 * sign-ins that mint a new token. readToken applies the app's rule (expired or gone → refused).
 * Every read is logged, so tests can check what was read.
 */
import { createSigningSecret, createTokenId, signJwt } from '../sandbox/jwt.ts';
import type { TerminalAccount, TerminalConnection, TerminalSignIn, TerminalTokenSource, TokenRead } from '../../src-main/core/terminal/terminal-ports.ts';

interface Held {
  account: TerminalAccount;
  token: string | null;
}

/** The stand-in, with handles for the test. */
export interface FixtureSource extends TerminalTokenSource {
  /** Every token it ever handed out (to grep outputs for). */
  readonly issued: string[];
  readonly reads: string[];
  /** The next sign-in's outcome (default: a new token). */
  nextSignIn: TerminalSignIn | null;
  tokenOf(accountId: string): string;
}

const secret = createSigningSecret();

function mint(userid: string | null): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ sub: userid, client_id: 'tray-test', iat: now, exp: now + 3600, jti: createTokenId() }, secret);
}

/** user_42 on Staging (active), user_42 on Production, Generic on Staging, user_7 on Production (expired). */
export function fixtureSource(): FixtureSource {
  const connections: TerminalConnection[] = [
    { id: 'c-staging', name: 'Staging' },
    { id: 'c-prod', name: 'Production' },
    { id: 'c-empty', name: 'Sandbox' },
  ];
  const expiration = new Date(Date.now() + 3_600_000).toISOString();
  const account = (id: string, userid: string | null, connection: TerminalConnection, extra: Partial<TerminalAccount> = {}): TerminalAccount => ({
    id,
    userid,
    label: userid ?? 'Generic',
    connectionId: connection.id,
    connectionName: connection.name,
    status: 'valid',
    expiration,
    secondsLeft: 3600,
    active: false,
    ...extra,
  });
  const [staging, prod] = connections as [TerminalConnection, TerminalConnection, TerminalConnection];
  const held = new Map<string, Held>();
  const issued: string[] = [];
  const hold = (entry: TerminalAccount, live: boolean): void => {
    const token = mint(entry.userid);
    issued.push(token);
    held.set(entry.id, { account: entry, token: live ? token : null });
  };
  hold(account('a-42-staging', 'user_42', staging, { active: true }), true);
  hold(account('a-42-prod', 'user_42', prod), true);
  hold(account('a-generic-staging', null, staging), true);
  hold(account('a-7-prod', 'user_7', prod, { status: 'expired', secondsLeft: -180, expiration: new Date(Date.now() - 180_000).toISOString() }), true);
  const source: FixtureSource = {
    issued,
    reads: [],
    nextSignIn: null,
    accounts: () => [...held.values()].map((entry) => entry.account),
    connections: () => connections,
    tokenOf: (id) => held.get(id)?.token ?? '',
    async readToken(accountId): Promise<TokenRead> {
      source.reads.push(accountId);
      const entry = held.get(accountId);
      if (entry === undefined || entry.token === null) return { ok: false, code: 'unavailable', message: 'That token is gone; sign in again.' };
      // The app's rule (AppService.readToken): an expired token is never handed out.
      if (Date.parse(entry.account.expiration) <= Date.now()) return { ok: false, code: 'expired', message: `The token for ${entry.account.label} expired; renew it first.` };
      return { ok: true, token: entry.token, expiration: entry.account.expiration };
    },
    async signIn({ connectionId, userid }): Promise<TerminalSignIn> {
      if (source.nextSignIn !== null) return source.nextSignIn;
      const connection = connections.find((candidate) => candidate.id === connectionId);
      if (connection === undefined) return { ok: false, message: 'No such connection.' };
      const existing = [...held.values()].find((entry) => entry.account.connectionId === connectionId && entry.account.userid === userid);
      const id = existing?.account.id ?? `a-${userid ?? 'generic'}-${connectionId}`;
      hold(account(id, userid, connection, { active: existing?.account.active ?? false }), true);
      return { ok: true, accountId: id };
    },
  };
  return source;
}
