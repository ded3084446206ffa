/**
 * What the polite live region says next. Any component calls {@link announce}; the one
 * LiveRegion component shows the text. Repeating the same words still gets announced: each message
 * carries a counter, and the region alternates a trailing invisible character.
 */

/** One announcement; `seq` grows with each call. */
export interface Announcement {
  readonly text: string;
  readonly seq: number;
}

const listeners = new Set<() => void>();
let current: Announcement = { text: '', seq: 0 };

/** Says `text` through the live region, politely (after what the screen reader is saying). */
export function announce(text: string): void {
  current = { text, seq: current.seq + 1 };
  for (const listener of [...listeners]) listener();
}

/** Subscription for `useSyncExternalStore`. */
export function subscribeAnnouncements(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The latest announcement. */
export function currentAnnouncement(): Announcement {
  return current;
}
