import type { SignInOutcome } from '../../contract.ts';
import type { TerminalAccount, TerminalConnection, TerminalSignIn, TerminalTokenSource, TokenRead } from '../terminal/terminal-ports.ts';
import type { AccountRecord, ConnectionRecord } from '../vault/vault.ts';
import { accountView } from './state-view.ts';

/** What the terminal's view of the app is made from: the vault's records and the service's own rules. */
export interface TerminalSourceParts {
  readonly accounts: () => readonly AccountRecord[];
  readonly connections: () => readonly ConnectionRecord[];
  readonly activeAccountId: () => string | null;
  readonly now: () => number;
  readonly leadMs: () => number;
  /** AppService.readToken: the one rule shared with copying. */
  readonly readToken: (accountId: string) => Promise<TokenRead>;
  readonly signIn: (request: { readonly connectionId: string; readonly userid?: string }) => Promise<SignInOutcome>;
  /** True while a sign-in is under way (the window's or the tray's): a terminal never cancels it. */
  readonly signingIn: () => boolean;
}

/** The app as the terminal access server sees it: accounts without tokens, the read rule, a sign-in. */
export function terminalTokenSource(parts: TerminalSourceParts): TerminalTokenSource {
  return {
    accounts: (): TerminalAccount[] => {
      const names = new Map(parts.connections().map((connection) => [connection.id, connection.name]));
      const now = parts.now();
      const activeId = parts.activeAccountId();
      return parts.accounts().map((record) => {
        const { id, userid, label, connectionId, status, expiration, secondsLeft, active } = accountView(record, activeId, now, parts.leadMs());
        return { id, userid, label, connectionId, connectionName: names.get(connectionId) ?? connectionId, status, expiration, secondsLeft, active };
      });
    },
    connections: (): TerminalConnection[] => parts.connections().map(({ id, name }) => ({ id, name })),
    readToken: (accountId) => parts.readToken(accountId),
    signIn: async ({ connectionId, userid }): Promise<TerminalSignIn> => {
      if (parts.signingIn()) return { ok: false, code: 'signing_in', message: 'A sign-in is already under way in AIRisk Token Tray; finish or cancel it there, then try again.' };
      const outcome = await parts.signIn({ connectionId, ...(userid === null ? {} : { userid }) });
      return outcome.ok ? { ok: true, accountId: outcome.accountId } : { ok: false, message: outcome.error.message };
    },
  };
}
