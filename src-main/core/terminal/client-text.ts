/**
 * The words naming a program that asks through terminal access, built in main and sent ready. Never
 * overstates who asked: a pid the kernel did not confirm is what the caller "claims".
 */
import { shownAsIs } from '../../shared/shown-as-is.ts';
import type { TerminalClientView } from './terminal-views.ts';

/** The program's name, or "an unknown program" when it gave none. */
function clientName(client: TerminalClientView): string {
  return client.name.trim() === '' ? 'an unknown program' : shownAsIs(client.name);
}

/** "(pid 1234, /dev/pts/3)", "(pid 1234)", or "" when neither is known. */
export function clientDetails(client: Pick<TerminalClientView, 'pid' | 'tty'>): string {
  const parts = [client.pid === null ? '' : `pid ${client.pid}`, shownAsIs(client.tty ?? '')].filter((part) => part !== '');
  return parts.length === 0 ? '' : `(${parts.join(', ')})`;
}

/** The prompt's question in one line: "bash (pid 1234, /dev/pts/3) asks for the token of user_42 on Staging". */
export function consentQuestion(client: TerminalClientView, accountName: string): string {
  const who = [client.proven ? '' : 'A program that claims to be', clientName(client), clientDetails(client)].filter((part) => part !== '').join(' ');
  return `${who} asks for the token of ${accountName}`;
}

/** "bash, pid 1234" for a session's list entry ("… (claimed)" when the kernel did not confirm it). */
export function sessionClient(client: TerminalClientView): string {
  const name = clientName(client);
  return client.pid === null ? name : `${name}, pid ${client.pid}${client.proven ? '' : ' (claimed)'}`;
}

