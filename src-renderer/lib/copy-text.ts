/** Seconds until `clearsAt` (an ISO instant) at `nowMs`, rounded; null when it never clears. */
export function secondsUntilClear(clearsAt: string | null, nowMs: number): number | null {
  if (clearsAt === null) return null;
  const ms = Date.parse(clearsAt);
  if (Number.isNaN(ms)) return null;
  return Math.max(0, Math.round((ms - nowMs) / 1000));
}

/** "60 s", "90 s", "5 min": seconds up to two minutes, whole minutes beyond. */
export function formatClearDelay(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** The confirmation next to the button: "Copied — clears in 60 s", or "Copied" when never cleared. */
export function copiedText(clearsAt: string | null, nowMs: number): string {
  const seconds = secondsUntilClear(clearsAt, nowMs);
  return seconds === null ? 'Copied' : `Copied — clears in ${formatClearDelay(seconds)}`;
}

/** The live-region announcement: "Copied header for user_42 — clears in 60 s"; `copied` is main's `CopyOutcome.copied`. */
export function copiedAnnouncement(copied: string, label: string, clearsAt: string | null, nowMs: number): string {
  const seconds = secondsUntilClear(clearsAt, nowMs);
  const base = `Copied ${copied} for ${label}`;
  return seconds === null ? base : `${base} — clears in ${formatClearDelay(seconds)}`;
}
