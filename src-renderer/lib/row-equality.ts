import type { AccountView } from '../../src-main/contract.ts';

/**
 * Whether two views of an account draw the same row. `secondsLeft` is left out on purpose: it
 * changes with every state update although the deadline it implies does not (the row's countdown
 * gets a stable deadline instead), and `obtainedAt` / `lastUsedAt` are not shown.
 */
export function sameRowContent(a: AccountView, b: AccountView): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.label === b.label &&
      a.userid === b.userid &&
      a.status === b.status &&
      a.expiration === b.expiration &&
      a.active === b.active &&
      a.stored === b.stored &&
      a.lastTerminalRead?.at === b.lastTerminalRead?.at &&
      a.lastTerminalRead?.client === b.lastTerminalRead?.client)
  );
}

/**
 * Deadlines that move by less than `toleranceMs` keep their earlier value: main rounds
 * `secondsLeft` down, so the deadline it implies jitters by up to a second from one state to the
 * next. Returns the new map of deadlines by account id; `previous` is not changed.
 */
export function stableDeadlines(next: ReadonlyMap<string, number>, previous: ReadonlyMap<string, number>, toleranceMs = 1500): Map<string, number> {
  const result = new Map<string, number>();
  for (const [id, deadline] of next) {
    const earlier = previous.get(id);
    result.set(id, earlier !== undefined && Math.abs(earlier - deadline) < toleranceMs ? earlier : deadline);
  }
  return result;
}
