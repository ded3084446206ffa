/**
 * Where the running app's terminal access listens, and the key it wants: read from the files of
 * the terminal contract (`<dataDir>/terminal/access-key`, `…/endpoint` or `…/access.sock`, the
 * Windows pipe name from the data folder).
 *
 * TO BE REPLACED by H1's `readAccessCoordinates(dataDir)` in src-main/core/terminal/terminal-paths.ts
 * at merge: this is a minimal stand-in reader of the same files, so the CLI could be built beside it.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/** The endpoint (socket path or pipe name) and the access key. */
export interface AccessCoordinates {
  readonly endpoint: string;
  readonly key: string;
}

/** The terminal folder exists but is not ours alone: nothing in it is trusted. */
export class UnsafeTerminalFolder extends Error {
  override readonly name = 'UnsafeTerminalFolder';
}

const KEY = /^[0-9a-f]{64}$/;

/**
 * The coordinates, or null when there are none to read (the app never turned terminal access on,
 * or the key file is missing or malformed): the CLI then says the app is not running or access is
 * off. Throws UnsafeTerminalFolder when the folder is a symlink or belongs to another user.
 */
export async function readAccessCoordinates(dataDir: string, platform: NodeJS.Platform = process.platform): Promise<AccessCoordinates | null> {
  const directory = join(dataDir, 'terminal');
  const folder = await lstat(directory).catch(() => null);
  if (folder === null) return null;
  const uid = process.getuid?.();
  if (!folder.isDirectory() || (uid !== undefined && platform !== 'win32' && folder.uid !== uid)) {
    throw new UnsafeTerminalFolder(`${directory} is not a folder of your own (a symlink, or another user's); quit AIRisk Token Tray, remove that folder, and start the app again.`);
  }
  const key = (await readFile(join(directory, 'access-key'), 'utf8').catch(() => '')).trim();
  if (!KEY.test(key)) return null;
  if (platform === 'win32') {
    return { endpoint: `\\\\.\\pipe\\airisk-token-tray-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`, key };
  }
  const written = (await readFile(join(directory, 'endpoint'), 'utf8').catch(() => '')).trim();
  return { endpoint: written !== '' && isAbsolute(written) ? written : join(directory, 'access.sock'), key };
}
