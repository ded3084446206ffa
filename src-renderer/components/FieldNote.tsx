import type { ReactElement, ReactNode } from 'react';

/** The ids of a field's error and hint (see {@link FieldNote}) for its aria-describedby; undefined when it has neither. */
export function noteIds(id: string, error: unknown, hint: unknown): string | undefined {
  const ids = [error === undefined ? '' : `${id}-error`, hint === undefined ? '' : `${id}-hint`].filter((part) => part !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** A field's error or hint, with the id `${id}-${kind}` that its control's aria-describedby names; nothing without text. */
export function FieldNote({ id, kind, text }: { readonly id: string; readonly kind: 'error' | 'hint'; readonly text: ReactNode }): ReactElement | null {
  return text === undefined ? null : (
    <p id={`${id}-${kind}`} className={`field-${kind}`}>
      {text}
    </p>
  );
}
