import { messageOf } from './message-of.ts';

/**
 * The message a main-process handler threw, without the wrapper Electron adds on the way to the
 * renderer (`Error invoking remote method 'airisk:copy': Error: <message>`). Used by the preload so
 * the window sees the same plain message the browser host gives it, and by the window itself for
 * anything that still arrives wrapped.
 */
export function remoteErrorMessage(error: unknown): string {
  return messageOf(error).replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}
