/**
 * What the polite live region says next. Any component calls {@link announce}; the one live region
 * (index.html's #live-region, always in the window) shows the text, written straight into it (no render). Repeating the
 * same words still gets announced: the text alternates a trailing invisible character.
 */

/** The id of the live region in index.html. */
const LIVE_REGION_ID = 'live-region';

let seq = 0;

/** Says `text` through the live region, politely (after what the screen reader is saying). */
export function announce(text: string): void {
  const region = document.getElementById(LIVE_REGION_ID);
  if (region !== null) region.textContent = ++seq % 2 === 0 ? text : `${text}\u200b`;
}
