import type { ConnectionCheck } from '../../contract.ts';
import type { AiriskClientConfig } from '../oauth/client-config.ts';
import type { FetchPort } from '../oauth/fetch-port.ts';

/** Placeholder until the r4-conn-check branch is merged: "Check connection" for `config`. */
export function checkConnection(_config: AiriskClientConfig, _ports: { fetch?: FetchPort; now?: () => number; timeoutMs?: number }): Promise<ConnectionCheck> {
  return Promise.reject(new Error('not merged yet'));
}
