import type { ReactElement } from 'react';

/** The shapes the window draws. Status icons differ in shape, not only colour. */
export type IconName = 'valid' | 'expiring' | 'expired' | 'sign_in_again' | 'active' | 'more' | 'warning' | 'check';

const dot = (x: number): string => `M${x + 1.4} 8a1.4 1.4 0 1 1-2.8 0 1.4 1.4 0 0 1 2.8 0Z`;

/** Each icon: a filled shape (currentColor) and an optional mark drawn on top in the background colour. */
const SHAPES: Readonly<Record<IconName, { shape?: string; outline?: string; mark?: string }>> = {
  valid: { shape: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Z', mark: 'M4.6 8.2l2.3 2.3 4.6-4.8' },
  expiring: { shape: 'M8 1.2l7.2 13.3H.8Z', mark: 'M8 5.6v4.3M8 11.5v1' },
  expired: { shape: 'M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1Z', mark: 'M5.6 5.6l4.8 4.8m0-4.8-4.8 4.8' },
  sign_in_again: { shape: 'M8 .8 15.2 8 8 15.2.8 8Z', mark: 'M4.8 8h5.6M8.2 5.6 10.6 8l-2.4 2.4' },
  active: { shape: 'M8 1.2l2.05 4.3 4.7.55-3.47 3.23.92 4.67L8 11.62l-4.2 2.33.92-4.67L1.25 6.05l4.7-.55Z' },
  more: { shape: `${dot(3)}${dot(8)}${dot(13)}` },
  warning: { shape: 'M8 1.2l7.2 13.3H.8Z', mark: 'M8 5.6v4.3M8 11.5v1' },
  check: { outline: 'M3 8.5l3.2 3.2L13 4.8' },
};

/** A small decorative SVG icon; hidden from assistive technology (the text next to it says it). */
export function Icon({ name }: { readonly name: IconName }): ReactElement {
  const { shape, outline, mark } = SHAPES[name];
  return (
    <svg className={`icon icon-${name}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {shape === undefined ? null : <path className="icon-shape" d={shape} />}
      {outline === undefined ? null : <path className="icon-outline" d={outline} />}
      {mark === undefined ? null : <path className="icon-mark" d={mark} />}
    </svg>
  );
}
