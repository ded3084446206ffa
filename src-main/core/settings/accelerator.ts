/*
 * The global shortcut setting, checked against Electron's accelerator grammar (modifiers and one
 * key code joined by `+`, e.g. `CommandOrControl+Shift+A`) before Electron ever sees it.
 */

/** Electron's modifiers, lower-cased (Electron reads accelerators case-insensitively). */
const MODIFIERS: ReadonlySet<string> = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);

/** Electron's named key codes, lower-cased. */
const NAMED_KEYS: ReadonlySet<string> = new Set([
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc',
  'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause', 'printscreen',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]);

/** One character keys: digits, letters and the punctuation Electron names by itself (`+` is `Plus`). */
const CHARACTER_KEY = /^[0-9A-Za-z)!@#$%^&*(:;<=,_\->.?/~`[{\]}\\|'"]$/;
/** F1–F24 and the number pad's num0–num9. */
const NUMBERED_KEY = /^(?:f(?:[1-9]|1[0-9]|2[0-4])|num[0-9])$/i;

/** An accelerator longer than this is no accelerator. */
export const MAX_ACCELERATOR_LENGTH = 100;

const EXAMPLE = 'e.g. CommandOrControl+Shift+A';

function isKeyCode(part: string): boolean {
  return CHARACTER_KEY.test(part) || NUMBERED_KEY.test(part) || NAMED_KEYS.has(part.toLowerCase());
}

/**
 * Why `accelerator` cannot be the global shortcut, in one sentence naming the fix, or undefined
 * when it can ('' turns the shortcut off). It needs one or more distinct modifiers, at least one
 * of them not Shift (Shift+A alone would take every capital A typed anywhere), then exactly one
 * key code, last.
 */
export function acceleratorProblem(accelerator: string): string | undefined {
  if (accelerator === '') return undefined;
  if (accelerator.length > MAX_ACCELERATOR_LENGTH) return `The global shortcut is too long; use a few keys joined by +, ${EXAMPLE}.`;
  if (/[\s\p{C}]/u.test(accelerator)) return `The global shortcut has spaces or invisible characters; write the keys joined by + without spaces, ${EXAMPLE}.`;
  const parts = accelerator.split('+');
  if (parts.some((part) => part === '')) return `The global shortcut has an empty key between its + signs; write the + key as "Plus", e.g. CommandOrControl+Plus.`;
  const key = parts[parts.length - 1] ?? '';
  const modifiers = parts.slice(0, -1);
  const unknown = modifiers.find((part) => !MODIFIERS.has(part.toLowerCase()));
  if (unknown !== undefined) {
    return isKeyCode(unknown)
      ? `The global shortcut has more than one key ("${unknown.slice(0, 20)}" and "${key.slice(0, 20)}"); use modifiers and one key, ${EXAMPLE}.`
      : `"${unknown.slice(0, 20)}" is not a modifier; use Command (Cmd), Control (Ctrl), CommandOrControl (CmdOrCtrl), Alt, Option, AltGr, Shift, Super or Meta, ${EXAMPLE}.`;
  }
  if (MODIFIERS.has(key.toLowerCase())) return `The global shortcut ends with the modifier "${key.slice(0, 20)}"; add the key to press with it, ${EXAMPLE}.`;
  if (!isKeyCode(key)) return `"${key.slice(0, 20)}" is not a key Electron knows; use a letter, a digit, F1–F24, a punctuation mark or a named key such as Space, Up or PageDown, ${EXAMPLE}.`;
  if (modifiers.length === 0) return `The global shortcut needs at least one modifier, ${EXAMPLE}.`;
  const lowered = modifiers.map((part) => part.toLowerCase());
  if (new Set(lowered).size !== lowered.length) return `The global shortcut names a modifier twice; name each once, ${EXAMPLE}.`;
  if (lowered.every((part) => part === 'shift')) return `The global shortcut needs a modifier besides Shift (Shift alone would take that key from every program), ${EXAMPLE}.`;
  return undefined;
}
