/**
 * A large AppState for the tray model's size test and benchmark: `count` accounts (one generic,
 * the rest user_N) spread round-robin over `connections` configured connections, a mix of valid,
 * expiring, expired and "sign in again", every third one copied at some point, the last one active.
 */
import type { AccountStatus, AppState, RenewAllView } from '../../src-main/contract.ts';
import { accountView, appState, connectionSummary } from './app-state-fixtures.ts';

const STATUSES: readonly AccountStatus[] = ['valid', 'valid', 'valid', 'expiring', 'expired', 'sign_in_again'];

export function trayBenchState(count: number, connections: number, renewAll: RenewAllView | null): AppState {
  const summaries = Array.from({ length: connections }, (_, index) => connectionSummary(`conn-${index}`, index === 0 ? 'AIRisk' : `Connection ${index + 1}`, { accountCount: Math.ceil(count / connections) }));
  const startMs = Date.UTC(2029, 11, 31, 12);
  const accounts = Array.from({ length: count }, (_, index) => {
    const status = STATUSES[index % STATUSES.length] ?? 'valid';
    return accountView(index === 0 ? 'generic' : `acct-${index}`, {
      connectionId: summaries[index % connections]?.id ?? 'conn-0',
      label: index === 0 ? 'Generic' : `user_${index}`,
      userid: index === 0 ? null : `user_${index}`,
      status,
      secondsLeft: status === 'valid' ? 3000 + index : status === 'expiring' ? 120 : -60 - index,
      active: index === count - 1,
      lastUsedAt: index % 3 === 0 ? new Date(startMs + index * 1000).toISOString() : null,
    });
  });
  return appState(accounts, { connections: summaries, renewAll });
}
