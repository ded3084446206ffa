import type { ReactElement, ReactNode } from 'react';
import { Field } from './Field.tsx';

/** A labelled checkbox with an optional hint (a {@link Field} of kind `flag`). */
export function CheckboxField({ checked, ...field }: { readonly id: string; readonly label: ReactNode; readonly checked: boolean; readonly onChange: (checked: boolean) => void; readonly hint?: ReactNode }): ReactElement {
  return <Field kind="flag" value={checked} {...field} />;
}
