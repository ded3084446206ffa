/**
 * The per-install access key every terminal request must carry: 32 random bytes as hex in
 * `<dataDir>/terminal/access-key` (mode 0600). Created once, exclusively (`wx`), and kept; a file
 * with the wrong mode, owner or content is replaced, with a warning that never quotes it.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readFile, rm, writeFile } from 'node:fs/promises';
import { ACCESS_KEY_PATTERN, accessKeyPath, keyFromFileText } from './terminal-paths.ts';
import { errnoCode } from '../oauth/callback-port-error.ts';

/** Receives one-line warnings (no secret in them). */
export type TerminalWarn = (message: string) => void;

/**
 * Returns the key of `dataDir`'s terminal folder (which must already exist, see
 * ensurePrivateDirectory), creating or replacing the file as needed.
 */
export async function loadOrCreateAccessKey(dataDir: string, warn: TerminalWarn, platform: NodeJS.Platform = process.platform): Promise<string> {
  const path = accessKeyPath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    const problem = await keyFileProblem(path, platform);
    if (problem === null) return await readKey(path);
    if (problem !== 'missing') {
      warn(`Replacing the terminal access key file ${path}: it ${problem}. Terminal clients pick up the new key by themselves.`);
      await rm(path, { force: true });
    }
    try {
      await writeFile(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx', flush: true });
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
      // Another instance created it first: check and use that one.
    }
  }
  throw new Error(`The terminal access key file ${path} keeps changing while it is being created; stop other copies of AIRisk Token Tray and try again.`);
}

/** What is wrong with the key file, 'missing', or null when it is fine. */
async function keyFileProblem(path: string, platform: NodeJS.Platform): Promise<string | null> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  if (!stats.isFile()) return 'is not a regular file';
  if (platform !== 'win32') {
    const uid = process.getuid?.();
    if (uid !== undefined && stats.uid !== uid) return `belongs to another user (uid ${stats.uid})`;
    if ((stats.mode & 0o777) !== 0o600) return `has mode ${(stats.mode & 0o777).toString(8)}, not 600`;
  }
  if (!ACCESS_KEY_PATTERN.test(await readKey(path))) return 'does not hold a 64-character hex key';
  return null;
}

async function readKey(path: string): Promise<string> {
  return keyFromFileText(await readFile(path, 'utf8'));
}
