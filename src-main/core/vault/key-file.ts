import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const KEY_BYTES = 32;

/**
 * The 32-byte AES key kept in `path` (raw bytes, mode 0600), created on first use. Creation is
 * atomic and never replaces a key: the key is written to a private temporary file, then hard-linked
 * into place (fails if another process got there first, whose key is then used) — a half-written or
 * overwritten key would make every stored token undecryptable. A key file of the wrong size throws.
 */
export async function loadOrCreateKeyFile(path: string): Promise<Buffer> {
  const existing = await readKey(path);
  if (existing !== undefined) return existing;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(temporary, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx', flush: true });
    try {
      await link(temporary, path);
    } catch (error) {
      if (!isErrorCode(error, 'EEXIST')) throw error;
    }
  } finally {
    await rm(temporary, { force: true });
  }
  const created = await readKey(path);
  if (created === undefined) throw new Error(`The key file ${path} vanished while it was being created.`);
  return created;
}

async function readKey(path: string): Promise<Buffer | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  if (bytes.length !== KEY_BYTES) {
    throw new Error(`The key file ${path} holds ${bytes.length} bytes, not ${KEY_BYTES}; it is left untouched. Move it away to start over (stored tokens will need a new sign-in).`);
  }
  return bytes;
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
