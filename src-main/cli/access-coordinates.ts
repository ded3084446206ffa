/**
 * Where the running app's terminal access listens, and the key it wants: read from the files of
 * the terminal contract (`<dataDir>/terminal/access-key`, `…/endpoint` or `…/access.sock`, the
 * Windows pipe name from the data folder).
 *
 * TO BE REPLACED by H1's `readAccessCoordinates(dataDir)` in src-main/core/terminal/terminal-paths.ts
 * at merge: a minimal stand-in reader of the same files with the same signature and answer shape
 * (H1's branch term-core, commit 2015fa7), so the swap is an import. It does not plan the
 * long-path fallback socket: the endpoint file names that one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a client reaches the app and the key it must send, or why it cannot. */
export type AccessCoordinates =
  | { readonly ok: true; readonly endpoint: string; readonly key: string }
  | { readonly ok: false; readonly problem: 'not_set_up' | 'bad_key_file'; readonly message: string };

const KEY = /^[0-9a-f]{64}$/;

/**
 * Reads the endpoint and the key a client needs. `not_set_up`: no key file (terminal access was
 * never turned on for this data folder); `bad_key_file`: the key file is damaged. Messages never
 * contain the key. Other read errors (EACCES) are thrown.
 */
export async function readAccessCoordinates(dataDir: string, platform: NodeJS.Platform = process.platform): Promise<AccessCoordinates> {
  const directory = join(dataDir, 'terminal');
  const keyText = await readIfPresent(join(directory, 'access-key'));
  if (keyText === undefined) {
    return { ok: false, problem: 'not_set_up', message: `Terminal access is not set up for ${dataDir}; turn on Settings → Allow terminal access in AIRisk Token Tray.` };
  }
  const key = keyText.endsWith('\n') ? keyText.slice(0, -1) : keyText;
  if (!KEY.test(key)) return { ok: false, problem: 'bad_key_file', message: `The access key file ${join(directory, 'access-key')} is damaged; restart AIRisk Token Tray to replace it.` };
  if (platform === 'win32') return { ok: true, endpoint: `\\\\.\\pipe\\airisk-token-tray-${createHash('sha256').update(dataDir, 'utf8').digest('hex').slice(0, 16)}`, key };
  const written = (await readIfPresent(join(directory, 'endpoint')))?.trim();
  return { ok: true, endpoint: written !== undefined && written !== '' ? written : join(directory, 'access.sock'), key };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
