import type { AppState } from '../../src-main/contract.ts';

/**
 * The more recent of two states by `generatedAt`. `getState()` at start and the first
 * `onStateChange` event can arrive in either order; an older answer must not overwrite a newer one.
 * On a tie the incoming state wins (it was sent later).
 */
export function newerState(current: AppState | null, incoming: AppState): AppState {
  if (current === null) return incoming;
  const currentAt = Date.parse(current.generatedAt);
  const incomingAt = Date.parse(incoming.generatedAt);
  return incomingAt < currentAt ? current : incoming;
}
