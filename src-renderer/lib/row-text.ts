import type { AccountView } from '../../src-main/contract.ts';
import { shownAsIs } from './terminal-text.ts';

/** Local date and time, short ("1 Dec 2026, 14:32"); built once (the first Intl formatter costs ~10 ms). */
let local: Intl.DateTimeFormat | undefined;

/** `iso` in local time, or "unknown" when it is not a date. */
export function localTime(iso: string): string {
  const ms = Date.parse(iso);
  local ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return Number.isNaN(ms) ? 'unknown' : local.format(ms);
}

/**
 * A row's tooltip and accessible description: the expiry in local time and UTC, and the last
 * terminal read with its local time ("Expires 1 Dec 2026, 14:32 local time, 2026-12-01 13:32:17
 * UTC. Read by a terminal (bash, pid 1234) at 1 Dec 2026, 14:02.").
 */
export function rowTooltip(account: Pick<AccountView, 'expiration' | 'lastTerminalRead'>): string {
  const ms = Date.parse(account.expiration);
  const expiry = Number.isNaN(ms) ? 'Expiration unknown.' : `Expires ${localTime(account.expiration)} local time, ${formatUtc(ms)}.`;
  const read = account.lastTerminalRead;
  return read === null ? expiry : `${expiry} Read by a terminal (${shownAsIs(read.client)}) at ${localTime(read.at)}.`;
}

/** An instant in UTC, written the same everywhere: "2025-03-31 13:12:17 UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
