/**
 * Where terminal access lives on disk, and how a client finds it. Kept free of heavy imports:
 * the command-line tool imports {@link readAccessCoordinates} from here.
 *
 * - `<dataDir>/terminal/` (0700): `access-key` (64 hex + "\n", 0600) and, on macOS/Linux,
 *   `access.sock`. A socket path longer than {@link MAX_SOCKET_PATH_BYTES} goes to
 *   `<tmpdir>/airisk-token-tray-<uid>/<hash>.sock` instead, and `<dir>/endpoint` names it.
 * - Windows: the named pipe `\\.\pipe\airisk-token-tray-<16 hex of sha256(dataDir)>`.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { errnoCode } from '../oauth/callback-port-error.ts';

/** Unix socket paths must fit `sun_path` (104 bytes on macOS, 108 on Linux); we stay below both. */
export const MAX_SOCKET_PATH_BYTES = 100;

/** A valid access key: 32 random bytes as lower-case hex. */
export const ACCESS_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** The key a key file holds: its text without the one trailing newline the app writes. */
export function keyFromFileText(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** The request header that carries the key. */
export const ACCESS_KEY_HEADER = 'X-AIRisk-Key';

/** The request header in which a client declares who it is: `{"pid":1234}`. */
export const CLIENT_HEADER = 'X-AIRisk-Client';

/** `<dataDir>/terminal`. */
export function terminalDirectory(dataDir: string): string {
  return join(dataDir, 'terminal');
}

/** `<dataDir>/terminal/access-key`. */
export function accessKeyPath(dataDir: string): string {
  return join(terminalDirectory(dataDir), 'access-key');
}

/** `<dataDir>/terminal/endpoint`: written only when the socket lives in the temp folder. */
export function endpointFilePath(dataDir: string): string {
  return join(terminalDirectory(dataDir), 'endpoint');
}

/** Where the server listens, and whether clients must be told through the endpoint file. */
export interface EndpointPlan {
  readonly endpoint: string;
  /** The private folder holding the socket when it is not the terminal directory (long paths). */
  readonly fallbackDirectory: string | null;
}

/** What the plan depends on besides the data folder (tests vary it). */
export interface EndpointEnvironment {
  readonly platform: NodeJS.Platform;
  readonly tmpdir: string;
  readonly uid: number | null;
}

/** The running process's platform, temp folder and uid. */
export function currentEndpointEnvironment(): EndpointEnvironment {
  return { platform: process.platform, tmpdir: tmpdir(), uid: typeof process.getuid === 'function' ? process.getuid() : null };
}

function dataDirHash(dataDir: string): string {
  return createHash('sha256').update(dataDir, 'utf8').digest('hex').slice(0, 16);
}

/** The socket path or pipe name for `dataDir` (see the file comment). */
export function planEndpoint(dataDir: string, environment: EndpointEnvironment = currentEndpointEnvironment()): EndpointPlan {
  if (environment.platform === 'win32') return { endpoint: `\\\\.\\pipe\\airisk-token-tray-${dataDirHash(dataDir)}`, fallbackDirectory: null };
  const inFolder = join(terminalDirectory(dataDir), 'access.sock');
  if (Buffer.byteLength(inFolder, 'utf8') <= MAX_SOCKET_PATH_BYTES) return { endpoint: inFolder, fallbackDirectory: null };
  const fallbackDirectory = join(environment.tmpdir, `airisk-token-tray-${environment.uid ?? 'user'}`);
  return { endpoint: join(fallbackDirectory, `${dataDirHash(dataDir)}.sock`), fallbackDirectory };
}

/** Where a client reaches the app and the key it must send, or why it cannot. */
export type AccessCoordinates =
  | { readonly ok: true; readonly endpoint: string; readonly key: string }
  | { readonly ok: false; readonly problem: 'not_set_up' | 'bad_key_file' | 'unsafe_endpoint'; readonly message: string };

/**
 * Reads the endpoint and the key a client needs, without touching either. `not_set_up`: terminal
 * access was never turned on for this data folder; `bad_key_file`: the key file is damaged (the
 * app replaces it on its next start); `unsafe_endpoint`: the socket's folder is not this user's
 * private folder (in the shared temp folder another user could have made it, to receive the key),
 * so the client must not send the key there. A socket folder that does not exist (the temp folder
 * was cleared by a reboot) is `not_set_up` too: nothing listens there, and were the client to
 * connect anyway, another user could create the folder and socket in between and receive the key.
 * Messages never contain the key.
 */
export async function readAccessCoordinates(dataDir: string, environment: EndpointEnvironment = currentEndpointEnvironment()): Promise<AccessCoordinates> {
  const keyText = await readIfPresent(accessKeyPath(dataDir));
  if (keyText === undefined) {
    return { ok: false, problem: 'not_set_up', message: `Terminal access is not set up for ${dataDir}; turn on Settings → Allow terminal access in AIRisk Token Tray.` };
  }
  const key = keyFromFileText(keyText);
  if (!ACCESS_KEY_PATTERN.test(key)) {
    return { ok: false, problem: 'bad_key_file', message: `The access key file ${accessKeyPath(dataDir)} is damaged; restart AIRisk Token Tray to replace it.` };
  }
  const written = await readIfPresent(endpointFilePath(dataDir));
  const endpoint = written?.trim() || planEndpoint(dataDir, environment).endpoint;
  const unsafe = environment.platform === 'win32' ? null : await unsafeSocketFolder(endpoint, environment.uid);
  if (unsafe === 'missing') {
    return { ok: false, problem: 'not_set_up', message: `AIRisk Token Tray is not listening: its socket folder ${dirname(endpoint)} does not exist; start the app with Settings → Allow terminal access turned on.` };
  }
  if (unsafe !== null) {
    return { ok: false, problem: 'unsafe_endpoint', message: `The socket folder ${dirname(endpoint)} ${unsafe}, so the key is not sent there; restart AIRisk Token Tray (it refuses such a folder and says what to do).` };
  }
  return { ok: true, endpoint, key };
}

/** What is wrong with the folder of a Unix socket ('missing' when there is none), or null when it is a 0700 folder of `uid`. */
async function unsafeSocketFolder(endpoint: string, uid: number | null): Promise<string | null> {
  let stats;
  try {
    stats = await lstat(dirname(endpoint));
  } catch (error) {
    const code = errnoCode(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : `cannot be checked (${code ?? 'error'})`;
  }
  if (!stats.isDirectory()) return 'is not a folder';
  if (uid !== null && stats.uid !== uid) return `belongs to another user (uid ${stats.uid})`;
  if ((stats.mode & 0o077) !== 0) return `is open to other users (mode ${(stats.mode & 0o777).toString(8)})`;
  return null;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}
