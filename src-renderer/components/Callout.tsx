import type { ReactElement, ReactNode } from 'react';
import { Icon } from './Icon.tsx';

/** A warning inside a section (weak storage, terminal access not listening, Node.js missing). */
export function Callout({ children }: { readonly children: ReactNode }): ReactElement {
  return (
    <p className="callout">
      <Icon name="warning" />
      <span>{children}</span>
    </p>
  );
}
