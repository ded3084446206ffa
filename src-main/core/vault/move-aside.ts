import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Why a store file was moved aside: damaged (`corrupt`) or from a newer app version (`newer`). */
export type MoveAsideKind = 'corrupt' | 'newer';

/** `2026-11-28T21:03:26.123Z` → `2026-11-28T21-03-26Z`: sortable and safe on every filesystem. */
export function fileSafeTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

/** `…/airisk-token-tray.json` → `…/airisk-token-tray.<label>-<timestamp>[-n].json`, the first name not taken. */
function freeAsideName(filePath: string, label: string, now: Date): string {
  const extension = extname(filePath);
  const stem = join(dirname(filePath), basename(filePath, extension));
  const base = `${stem}.${label}-${fileSafeTimestamp(now)}`;
  for (let attempt = 1; ; attempt += 1) {
    const target = `${base}${attempt === 1 ? '' : `-${attempt}`}${extension}`;
    if (!existsSync(target)) return target;
  }
}

/**
 * Renames `filePath` (`…/airisk-token-tray.json`) to `…/airisk-token-tray.<kind>-<timestamp>.json`
 * (a `-2`, `-3`… suffix when that name is taken, so nothing is ever overwritten) and returns the
 * new path. The bytes are untouched: a rename, not a copy.
 */
export function moveAside(filePath: string, kind: MoveAsideKind, now: Date): string {
  const target = freeAsideName(filePath, kind, now);
  renameSync(filePath, target);
  return target;
}

/**
 * Copies `filePath` byte for byte to `…/airisk-token-tray.<label>-<timestamp>.json` (mode 0600,
 * never over an existing file) and returns the copy's path; when a `<label>-…` copy with the same
 * bytes exists already, returns that one instead (a copy is made once).
 */
export function copyAside(filePath: string, label: string, now: Date): string {
  const bytes = readFileSync(filePath);
  const existing = filesSetAside(filePath, label).find((path) => readFileSync(path).equals(bytes));
  if (existing !== undefined) return existing;
  const target = freeAsideName(filePath, label, now);
  writeFileSync(target, bytes, { mode: 0o600, flag: 'wx' });
  return target;
}

/** The `…/airisk-token-tray.<label>-<timestamp>[-n].json` files beside `filePath`, newest first. */
export function filesSetAside(filePath: string, label: string): string[] {
  const extension = extname(filePath);
  const prefix = `${basename(filePath, extension)}.${label}-`;
  const directory = dirname(filePath);
  const entries: { path: string; stamp: string; attempt: number }[] = [];
  for (const name of readdirSync(directory)) {
    if (!name.startsWith(prefix) || !name.endsWith(extension)) continue;
    const match = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)(?:-(\d+))?$/.exec(name.slice(prefix.length, name.length - extension.length));
    if (match?.[1] !== undefined) entries.push({ path: join(directory, name), stamp: match[1], attempt: Number(match[2] ?? '1') });
  }
  entries.sort((a, b) => (a.stamp === b.stamp ? b.attempt - a.attempt : a.stamp < b.stamp ? 1 : -1));
  return entries.map((entry) => entry.path);
}
