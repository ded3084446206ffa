/** Longest account label, in characters (code points). */
export const MAX_LABEL_LENGTH = 64;

/** The label an account gets when it is created: its userid, or "Generic" for the generic account. */
export function defaultLabel(userid: string | null): string {
  if (userid === null) return 'Generic';
  const characters = [...userid];
  return characters.length <= MAX_LABEL_LENGTH ? userid : `${characters.slice(0, MAX_LABEL_LENGTH - 1).join('')}…`;
}

/** Why `label` (already trimmed) is not acceptable, or undefined when it is. */
export function labelProblem(label: string): string | undefined {
  const length = [...label].length;
  if (length === 0) return 'A label cannot be empty.';
  if (length > MAX_LABEL_LENGTH) return `A label has at most ${MAX_LABEL_LENGTH} characters; this one has ${length}.`;
  if (/\p{Cc}/u.test(label)) return 'A label cannot contain control characters such as line breaks or tabs.';
  return undefined;
}

/** The label as it is stored: trimmed and checked. Throws an Error saying what is wrong. */
export function normaliseLabel(raw: string): string {
  const label = raw.trim();
  const problem = labelProblem(label);
  if (problem !== undefined) throw new Error(problem);
  return label;
}
