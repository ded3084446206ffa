import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A key and certificate (PEM) for an https loopback callback server. */
export interface LocalhostCertificate {
  readonly key: string;
  readonly cert: string;
  /** True when this call generated a new certificate (a browser will have to accept it again). */
  readonly created: boolean;
}

/** File name of the private key (PEM) inside the certificate directory. */
export const LOCALHOST_KEY_FILE = 'localhost-key.pem';
/** File name of the certificate (PEM) inside the certificate directory. */
export const LOCALHOST_CERT_FILE = 'localhost-cert.pem';

const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY_DAYS = 365;
const MIN_REMAINING_MS = 7 * DAY_MS;
const isPosix = process.platform !== 'win32';

/** One generation at a time per directory within this process, so key and certificate always match. */
const inProgress = new Map<string, Promise<LocalhostCertificate>>();

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** True when `cert` is for localhost and both loopbacks, matches `key`, and is valid for at least 7 more days. */
function isUsable(key: string, cert: string, now: number): boolean {
  try {
    const x509 = new X509Certificate(cert);
    return (
      x509.validFromDate.getTime() <= now &&
      x509.validToDate.getTime() - now >= MIN_REMAINING_MS &&
      x509.checkHost('localhost') !== undefined &&
      x509.checkIP('127.0.0.1') !== undefined &&
      x509.checkIP('::1') !== undefined &&
      x509.checkPrivateKey(createPrivateKey(key))
    );
  } catch {
    return false; // unreadable or mismatched files are simply replaced
  }
}

/** Writes `content` to `path` readable by the owner only, via a temporary file and a rename. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
    if (isPosix) await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function createCertificate(): Promise<{ key: string; cert: string }> {
  const notBeforeDate = new Date(Date.now() - 60_000); // tolerate a slightly slow clock elsewhere
  const notAfterDate = new Date(notBeforeDate.getTime() + VALIDITY_DAYS * DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

async function loadOrCreate(directory: string): Promise<LocalhostCertificate> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  if (isPosix) await chmod(directory, 0o700);
  const keyPath = join(directory, LOCALHOST_KEY_FILE);
  const certPath = join(directory, LOCALHOST_CERT_FILE);
  const [key, cert] = await Promise.all([readIfPresent(keyPath), readIfPresent(certPath)]);
  if (key !== undefined && cert !== undefined && isUsable(key, cert, Date.now())) {
    if (isPosix) await chmod(keyPath, 0o600);
    return { key, cert, created: false };
  }
  const fresh = await createCertificate();
  await writeAtomically(keyPath, fresh.key);
  await writeAtomically(certPath, fresh.cert);
  return { ...fresh, created: true };
}

/**
 * The self-signed certificate for an https loopback redirect (CN=localhost, SAN localhost,
 * 127.0.0.1 and ::1, EC P-256, valid one year), kept as `localhost-key.pem` + `localhost-cert.pem`
 * in `directory` (0o700; files 0o600, written atomically). Reused while valid for at least 7 more
 * days, otherwise replaced.
 */
export function loadOrCreateLocalhostCertificate(directory: string): Promise<LocalhostCertificate> {
  const running = inProgress.get(directory);
  if (running !== undefined) return running;
  const task = loadOrCreate(directory).finally(() => inProgress.delete(directory));
  inProgress.set(directory, task);
  return task;
}
