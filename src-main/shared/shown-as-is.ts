/**
 * Text a program chose about itself (its name, a process chain entry, its tty), with control and
 * invisible format characters (bidi overrides, zero-width) shown as "�": it cannot reorder or hide
 * parts of the prompt. Main applies it when it builds the words, and the window again before the DOM.
 */
export function shownAsIs(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
}
