import { useCallback, type ReactElement } from 'react';
import type { AccountView } from '../../src-main/contract.ts';
import { useTick } from '../hooks/use-tick.ts';
import { agoSteadyFor, terminalReadText } from '../lib/terminal-text.ts';

/** "read by a terminal (bash, pid 1234) 2 min ago" under an account's status, live; nothing when no terminal read it. */
export function TerminalReadNote({ read }: { readonly read: NonNullable<AccountView['lastTerminalRead']> }): ReactElement {
  const steadyFor = useCallback((nowMs: number) => agoSteadyFor(read.at, nowMs), [read.at]);
  const text = useTick(useCallback((nowMs: number) => terminalReadText(read, nowMs) ?? '', [read]), steadyFor);
  return <span className="row-audit">{text}</span>;
}
