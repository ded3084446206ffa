/**
 * The words of terminal access's consent prompt and of its sessions, built in main and sent ready.
 * Never overstates who asked: a pid the kernel did not confirm is what the caller "claims".
 */
import type { ConsentWords } from '../../contract.ts';
import { shownAsIs } from '../../shared/shown-as-is.ts';
import type { TerminalClientView } from './terminal-views.ts';

/** The prompt's fixed words (the window shows them as they are). */
export const CONSENT_WORDS: ConsentWords = {
  title: 'A terminal asks for a token',
  chain: 'Process chain, the asking program first',
  noAnswer: '; no answer denies it.',
  always: 'Don’t ask again for this account',
  alwaysHint: 'Any program on this computer running as you could then read this token without asking.',
  allowAlways: 'Allow, don’t ask again',
};

/** Under the question when the kernel did not confirm the pid; null when it did. */
export function claimNote(client: Pick<TerminalClientView, 'proven'>): string | null {
  return client.proven ? null : 'The app could not confirm which program asked; this is what it says about itself.';
}

/** The Allow button: "Allow for 10 minutes", "Allow for 1 minute". */
export function allowText(minutes: number): string {
  return `Allow for ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

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

