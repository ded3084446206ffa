/**
 * The one rule for the folders terminal access keeps its key and socket in: a real directory,
 * owned by this user, mode 0700. A looser mode is tightened; a symlink or another owner is refused,
 * because whoever controls the folder could swap the socket or read the key.
 */
import { chmod, lstat, mkdir } from 'node:fs/promises';
import { errnoCode } from '../oauth/callback-port-error.ts';
import { TerminalSetupError } from './terminal-setup-error.ts';

/** Creates `path` (and missing parents) or checks the existing one; throws TerminalSetupError `terminal_directory_unsafe`. */
export async function ensurePrivateDirectory(path: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  try {
    await mkdir(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST') throw unsafe(path, `cannot be created (${errnoCode(error) ?? 'error'})`, error);
  }
  const stats = await lstat(path);
  if (stats.isSymbolicLink()) throw unsafe(path, 'is a symbolic link');
  if (!stats.isDirectory()) throw unsafe(path, 'is not a folder');
  if (platform === 'win32') return;
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) throw unsafe(path, `belongs to another user (uid ${stats.uid})`);
  if ((stats.mode & 0o777) !== 0o700) await chmod(path, 0o700);
}

function unsafe(path: string, what: string, cause?: unknown): TerminalSetupError {
  return new TerminalSetupError(
    'terminal_directory_unsafe',
    `The terminal access folder ${path} ${what}; remove it (the app creates a private one) and turn terminal access on again.`,
    cause === undefined ? undefined : { cause },
  );
}
