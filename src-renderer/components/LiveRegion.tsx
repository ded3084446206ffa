import type { ReactElement } from 'react';
import { LIVE_REGION_ID } from '../lib/announcer.ts';

/**
 * The window's one polite live region: "Copied header for user_42 — clears in 60 s", sign-in
 * stages, outcomes. lib/announcer.ts writes its text; React never renders into it.
 */
export function LiveRegion(): ReactElement {
  return <div id={LIVE_REGION_ID} className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" />;
}
