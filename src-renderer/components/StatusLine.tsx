import { useCallback, type ReactElement } from 'react';
import type { StatusNote } from '../hooks/use-copy-actions.ts';
import { useTick } from '../hooks/use-tick.ts';
import { secondsUntilClear } from '../lib/copy-text.ts';

/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  readonly note: StatusNote | null;
}

/**
 * The window's one status line, under the list: "Copied header for user_42 · clipboard clears in
 * 42 s" (counting down on the shared clock), the last failure, or the keyboard tips. Not a live
 * region: the announcements go through the LiveRegion once.
 */
export function StatusLine({ note }: StatusLineProps): ReactElement {
  const clearsAt = note?.clearsAt ?? null;
  // Ticks every second while a clearing is due; otherwise never.
  const steadyFor = useCallback((nowMs: number) => ((secondsUntilClear(clearsAt, nowMs) ?? 0) > 0 ? 1000 : Infinity), [clearsAt]);
  const seconds = useTick((nowMs) => secondsUntilClear(clearsAt, nowMs) ?? -1, steadyFor);
  // Empty, the line shows the keyboard tips (list.css: .status-line:empty).
  const content = note === null || (note.errorOf === null && seconds === 0) ? '' : seconds > 0 ? `${note.text} · clipboard clears in ${seconds} s` : note.text;
  return <p className={note === null || note.errorOf === null ? 'status-line' : 'status-line status-line-error'}>{content}</p>;
}
