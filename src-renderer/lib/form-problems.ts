/** Problems keyed by field, several messages for one field joined into one text (settings and connection forms). */
export function problemsByField(problems: readonly { readonly field: string; readonly message: string }[]): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const { field, message } of problems) byField.set(field, byField.has(field) ? `${byField.get(field)} ${message}` : message);
  return byField;
}

/** The texts of problems of fields the form does not show (`shows` false), to show together under it. */
export function otherProblems(problems: ReadonlyMap<string, string>, shows: (field: string) => boolean): string[] {
  return [...problems].filter(([field]) => !shows(field)).map(([, text]) => text);
}

/** Focuses the first field marked invalid inside `root`, opening the fold (`<details>`) it sits in. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const field = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.closest('details')?.setAttribute('open', '');
  field?.focus();
}
