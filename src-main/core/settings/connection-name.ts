/*
 * The one set of connection name rules: Settings, duplicate, import (connection-file.ts) and the
 * vault all go through connectionNameProblem and compare names with connectionNameKey.
 */

/** Longest connection name, in characters (code points). */
export const MAX_CONNECTION_NAME_LENGTH = 64;

/** Control and format (invisible: zero-width, bidi) characters, and the line and paragraph separators. */
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** What two names are compared by: NFKC-normalised and lower-cased, so "ＳＡＮＤＢＯＸ b" and "Sandbox B" are the same name. */
export function connectionNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/**
 * Why `name` cannot name a connection, or undefined when it can; `taken` are the other connections'
 * names. The name is judged trimmed (callers store it trimmed): 1 to 64 code points, no control,
 * invisible or line-separator characters, no lone surrogate, unique by {@link connectionNameKey}.
 */
export function connectionNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  if (length === 0) return 'Give the connection a name, such as "Production" or "Staging".';
  if (length > MAX_CONNECTION_NAME_LENGTH) return `A connection name has at most ${MAX_CONNECTION_NAME_LENGTH} characters; this one has ${length}.`;
  if (UNSAFE_NAME_CHARACTERS.test(trimmed) || !trimmed.isWellFormed()) {
    return 'A connection name cannot contain control or invisible characters (line breaks, tabs, zero-width or text-direction characters); remove them.';
  }
  const key = connectionNameKey(trimmed);
  if (taken.some((other) => connectionNameKey(other) === key)) return `There is a connection named "${trimmed}" already; choose another name.`;
  return undefined;
}

/**
 * `base` + `suffix` ("Staging (copy)"), then `suffix 2`, `suffix 3` … until no name in `taken` is
 * the same name ({@link connectionNameKey}); `base` itself when `useBase` and it is free. Shortened to fit the length cap.
 */
export function freeConnectionName(base: string, suffix: string, taken: readonly string[], useBase = false): string {
  const keys = new Set(taken.map(connectionNameKey));
  if (useBase && !keys.has(connectionNameKey(base))) return base;
  for (let index = 1; ; index += 1) {
    const tail = ` (${suffix}${index === 1 ? '' : ` ${index}`})`;
    const room = MAX_CONNECTION_NAME_LENGTH - [...tail].length;
    const candidate = `${[...base].slice(0, room).join('').trimEnd()}${tail}`;
    if (!keys.has(connectionNameKey(candidate))) return candidate;
  }
}
