/**
 * The one order for names shown in a list (tray, window): numbers compare as numbers, so `user_2`
 * comes before `user_10`; case and accents do not split names apart. One collator, built once.
 */
const NATURAL = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Compares two names in natural order (for `Array.prototype.sort`). */
export function compareNatural(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

/** The active account first (the token the person uses most), then by name in natural order. */
export function compareActiveThenName(a: { readonly active: boolean; readonly label: string }, b: { readonly active: boolean; readonly label: string }): number {
  return Number(b.active) - Number(a.active) || compareNatural(a.label, b.label);
}
