import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Why a store file was moved aside: damaged (`corrupt`) or from a newer app version (`newer`). */
export type MoveAsideKind = 'corrupt' | 'newer';

/** `2026-11-28T21:03:26.123Z` → `2026-11-28T21-03-26Z`: sortable and safe on every filesystem. */
export function fileSafeTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

/**
 * Renames `filePath` (`…/airisk-token-tray.json`) to `…/airisk-token-tray.<kind>-<timestamp>.json`
 * (a `-2`, `-3`… suffix when that name is taken, so nothing is ever overwritten) and returns the
 * new path. The bytes are untouched: a rename, not a copy.
 */
export function moveAside(filePath: string, kind: MoveAsideKind, now: Date): string {
  const extension = extname(filePath);
  const stem = join(dirname(filePath), basename(filePath, extension));
  const base = `${stem}.${kind}-${fileSafeTimestamp(now)}`;
  for (let attempt = 1; ; attempt += 1) {
    const target = `${base}${attempt === 1 ? '' : `-${attempt}`}${extension}`;
    if (existsSync(target)) continue;
    renameSync(filePath, target);
    return target;
  }
}
