import type { AiriskMethodName } from './contract.ts';

/**
 * The contract's method names at run time, for binding IPC handlers, the preload and the browser
 * bridge generically. The type check below fails when this list and the contract drift apart.
 */
export const AIRISK_METHOD_NAMES = [
  'getState',
  'signIn',
  'cancelSignIn',
  'openSignInPage',
  'submitRedirectedUrl',
  'renew',
  'renewAll',
  'cancelRenewAll',
  'remove',
  'setActive',
  'rename',
  'copy',
  'tokenDetails',
  'dismissError',
  'getSettings',
  'updateSettings',
  'saveConnection',
  'duplicateConnection',
  'removeConnection',
  'checkConnection',
  'exportConnection',
  'importConnection',
  'answerConsent',
  'revokeTerminalSession',
  'installCommandLineTool',
  'checkForUpdates',
] as const satisfies readonly AiriskMethodName[];

type Missing = Exclude<AiriskMethodName, (typeof AIRISK_METHOD_NAMES)[number]>;
/** Compile-time proof that every contract method is listed (`never` when complete). */
export const everyMethodListed: Missing extends never ? true : Missing = true;
