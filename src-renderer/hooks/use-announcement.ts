import { useSyncExternalStore } from 'react';
import { currentAnnouncement, subscribeAnnouncements, type Announcement } from '../lib/announcer.ts';

/** The latest live-region announcement (see lib/announcer.ts). */
export function useAnnouncement(): Announcement {
  return useSyncExternalStore(subscribeAnnouncements, currentAnnouncement);
}
