/** Longest connection name, in characters (code points). */
export const MAX_CONNECTION_NAME_LENGTH = 64;

/** Why `name` (already trimmed) cannot name a connection, or undefined when it can; `taken` are the other connections' names. */
export function connectionNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  const length = [...name].length;
  if (length === 0) return 'Give the connection a name, such as "Production" or "Staging".';
  if (length > MAX_CONNECTION_NAME_LENGTH) return `A connection name has at most ${MAX_CONNECTION_NAME_LENGTH} characters; this one has ${length}.`;
  if (/\p{Cc}/u.test(name)) return 'A connection name cannot contain control characters such as line breaks or tabs.';
  const folded = name.toLowerCase();
  if (taken.some((other) => other.toLowerCase() === folded)) return `There is a connection named "${name}" already; choose another name.`;
  return undefined;
}

/**
 * `base` + `suffix` ("Staging (copy)"), then `suffix 2`, `suffix 3` … until no name in `taken` equals
 * it case-insensitively; `base` itself when `useBase` and it is free. Shortened to fit the length cap.
 */
export function freeConnectionName(base: string, suffix: string, taken: readonly string[], useBase = false): string {
  const folded = new Set(taken.map((name) => name.toLowerCase()));
  if (useBase && !folded.has(base.toLowerCase())) return base;
  for (let index = 1; ; index += 1) {
    const tail = ` (${suffix}${index === 1 ? '' : ` ${index}`})`;
    const room = MAX_CONNECTION_NAME_LENGTH - [...tail].length;
    const candidate = `${[...base].slice(0, room).join('').trimEnd()}${tail}`;
    if (!folded.has(candidate.toLowerCase())) return candidate;
  }
}
