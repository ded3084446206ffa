import { serverText } from '../oauth/server-text.ts';
import { messageOf } from '../../shared/message-of.ts';

/** The longest updater message Settings quotes. */
export const MAX_UPDATER_TEXT_LENGTH = 160;

/**
 * An updater error as one short sentence a person reads. electron-updater's messages quote the
 * server (a whole HTTP response, headers, the feed's address with its signed query string): the
 * first line only, every URL without its query and fragment, then the one sanitizer for
 * server-chosen text (control and bidi characters out, capped).
 */
export function updaterText(error: unknown): string {
  const line = messageOf(error).split('\n')[0] ?? '';
  const withoutQueries = line.replace(/\b(https?:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi, '$1');
  const text = serverText(withoutQueries, MAX_UPDATER_TEXT_LENGTH);
  if (text === '') return 'The updater gave no reason.';
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
