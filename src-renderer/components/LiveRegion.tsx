import type { ReactElement } from 'react';
import { useAnnouncement } from '../hooks/use-announcement.ts';

/**
 * The window's one polite live region: "Copied header for user_42 — clears in 60 s", sign-in
 * stages, outcomes. A repeated message alternates a trailing zero-width space so it is spoken again.
 */
export function LiveRegion(): ReactElement {
  const { text, seq } = useAnnouncement();
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {seq % 2 === 0 ? text : `${text}\u200b`}
    </div>
  );
}
