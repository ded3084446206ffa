import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The temporary files `atomically` (conf's writer, and our background writer) names
 * `<store file>.tmp-<10 timestamp digits><6 hex digits>` in the store's folder (atomically's
 * `Temp.create`). A killed writer leaves one behind, holding an older copy of the store: encrypted
 * tokens, removed ones included.
 */
function tempFilePattern(storeFileName: string): RegExp {
  const escaped = storeFileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}\\.tmp-\\d{10}[0-9a-f]{6}$`);
}

/**
 * Deletes stale temporary copies of the store file `storeFileName` (e.g. `airisk-token-tray.json`)
 * in `directory`, and nothing else. Call it before the store is opened, while this process is its
 * only writer (single-instance lock). Returns the names removed; a file that cannot be removed is
 * left (it is retried on the next start).
 */
export function removeStaleTempFiles(directory: string, storeFileName: string): string[] {
  const pattern = tempFilePattern(storeFileName);
  const removed: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isFile() || !pattern.test(entry.name)) continue;
    try {
      rmSync(join(directory, entry.name));
      removed.push(entry.name);
    } catch {
      // Still there next time; the store itself is unaffected.
    }
  }
  return removed;
}
