import type { AiriskMethodName } from '../../contract.ts';

/** The event channel: main pushes the whole AppState on every change. */
export const STATE_CHANNEL = 'airisk:state';

/** `airisk:<method>`: the invoke channel of one contract method. */
export function channelFor<M extends AiriskMethodName>(method: M): `airisk:${M}` {
  return `airisk:${method}`;
}
