import type { ReactElement } from 'react';

/** The shapes the window draws (styles/icons.css). Status icons differ in shape, not only colour. */
export type IconName = 'valid' | 'expiring' | 'expired' | 'sign_in_again' | 'active' | 'more' | 'warning' | 'check';

/** A small decorative icon drawn by CSS; hidden from assistive technology (the text next to it says it). */
export function Icon({ name }: { readonly name: IconName }): ReactElement {
  return <span className={`icon icon-${name}`} aria-hidden="true" />;
}
