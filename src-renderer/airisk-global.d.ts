import type { AiriskApi } from '../src-main/contract.ts';

declare global {
  interface Window {
    /** The contract, put there by the preload (Electron) or the browser host's bridge (tests). */
    readonly airisk: AiriskApi;
  }
}

export {};
