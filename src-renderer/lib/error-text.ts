import { remoteErrorMessage } from '../../src-main/shared/remote-error-message.ts';

/**
 * The message of a rejected call, as a person reads it: bridges reject with plain messages, and
 * Electron's "Error invoking remote method 'x': Error: …" wrapper is dropped (remoteErrorMessage).
 */
export function errorText(error: unknown): string {
  const message = error instanceof Error || typeof error === 'string' ? remoteErrorMessage(error).trim() : '';
  return message === '' ? 'Something went wrong. Try again.' : message;
}
