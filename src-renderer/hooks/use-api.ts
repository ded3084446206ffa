import { createContext, useContext } from 'react';
import type { AiriskApi } from '../../src-main/contract.ts';

/** The contract object the whole window talks to; provided once by the app root. */
export const ApiContext = createContext<AiriskApi | null>(null);

/** The `window.airisk` API. Only used below the app root, which renders nothing without it. */
export function useApi(): AiriskApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi used outside ApiContext');
  return api;
}
