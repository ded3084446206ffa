import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { generate } from 'selfsigned';
import {
  LOCALHOST_CERT_FILE,
  LOCALHOST_KEY_FILE,
  loadOrCreateLocalhostCertificate,
} from '../../src-main/core/oauth/localhost-certificate.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const posix = process.platform !== 'win32';

let root = '';
let counter = 0;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'airisk-localhost-cert-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh, not yet existing directory (nested, to check that parents are created). */
function freshDirectory(): string {
  counter += 1;
  return join(root, `case-${counter}`, 'tls');
}

/** A localhost certificate that ends `days` from now, to plant in a directory. */
async function certificateEndingIn(days: number): Promise<{ key: string; cert: string }> {
  const notBeforeDate = new Date(Date.now() - 300 * DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(Date.now() + days * DAY_MS),
    extensions: [
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

async function plant(directory: string, pems: { key: string; cert: string }): Promise<void> {
  await loadOrCreateLocalhostCertificate(directory); // creates the directory
  await writeFile(join(directory, LOCALHOST_KEY_FILE), pems.key, { mode: 0o600 });
  await writeFile(join(directory, LOCALHOST_CERT_FILE), pems.cert, { mode: 0o600 });
}

/** GET / over TLS with the certificate as the only trusted CA. */
function getTrusting(ca: string, host: string, port: number, servername?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: '/', ca, agent: false, ...(servername === undefined ? {} : { servername }) }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loadOrCreateLocalhostCertificate', () => {
  test('creates a certificate for CN=localhost with SAN localhost, 127.0.0.1 and ::1, valid about a year', async () => {
    const result = await loadOrCreateLocalhostCertificate(freshDirectory());
    assert.equal(result.created, true);
    const x509 = new X509Certificate(result.cert);
    assert.equal(x509.subject, 'CN=localhost');
    assert.equal(x509.checkHost('localhost'), 'localhost');
    assert.equal(x509.checkIP('127.0.0.1'), '127.0.0.1');
    assert.ok(x509.checkIP('::1') !== undefined, 'SAN holds ::1');
    assert.match(x509.subjectAltName ?? '', /DNS:localhost/);
    const lifetimeDays = (x509.validToDate.getTime() - Date.now()) / DAY_MS;
    assert.ok(lifetimeDays > 360 && lifetimeDays < 370, `valid for ${lifetimeDays} days`);
    assert.ok(x509.validFromDate.getTime() <= Date.now());
    const key = createPrivateKey(result.key);
    assert.ok(x509.checkPrivateKey(key));
    const details = key.asymmetricKeyDetails;
    assert.ok(
      (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1') ||
        (key.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) >= 2048),
    );
  });

  test('stores the key and certificate as 0o600 files in a 0o700 directory', async (t: TestContext) => {
    if (!posix) {
      t.skip('file modes are POSIX');
      return;
    }
    const directory = freshDirectory();
    const result = await loadOrCreateLocalhostCertificate(directory);
    assert.equal((await stat(directory)).mode & 0o777, 0o700);
    assert.equal((await stat(join(directory, LOCALHOST_KEY_FILE))).mode & 0o777, 0o600);
    assert.equal((await stat(join(directory, LOCALHOST_CERT_FILE))).mode & 0o777, 0o600);
    assert.equal(await readFile(join(directory, LOCALHOST_KEY_FILE), 'utf8'), result.key);
    assert.equal(await readFile(join(directory, LOCALHOST_CERT_FILE), 'utf8'), result.cert);
  });

  test('leaves only the two files behind (temporary files are renamed into place)', async () => {
    const directory = freshDirectory();
    await loadOrCreateLocalhostCertificate(directory);
    assert.deepEqual((await readdir(directory)).sort(), [LOCALHOST_CERT_FILE, LOCALHOST_KEY_FILE].sort());
  });

  test('reuses the stored certificate on later calls', async () => {
    const directory = freshDirectory();
    const first = await loadOrCreateLocalhostCertificate(directory);
    const second = await loadOrCreateLocalhostCertificate(directory);
    assert.equal(second.created, false);
    assert.equal(second.cert, first.cert);
    assert.equal(second.key, first.key);
  });

  test('concurrent calls for one directory agree on one certificate', async () => {
    const directory = freshDirectory();
    const [a, b] = await Promise.all([loadOrCreateLocalhostCertificate(directory), loadOrCreateLocalhostCertificate(directory)]);
    assert.equal(a.cert, b.cert);
    const stored = await loadOrCreateLocalhostCertificate(directory);
    assert.equal(stored.created, false);
    assert.equal(stored.cert, a.cert);
  });

  test('reuses a certificate still valid for at least 7 days', async () => {
    const directory = freshDirectory();
    const planted = await certificateEndingIn(8);
    await plant(directory, planted);
    const result = await loadOrCreateLocalhostCertificate(directory);
    assert.equal(result.created, false);
    assert.equal(result.cert, planted.cert);
  });

  test('regenerates a certificate that expires within 7 days', async () => {
    const directory = freshDirectory();
    const planted = await certificateEndingIn(6);
    await plant(directory, planted);
    const result = await loadOrCreateLocalhostCertificate(directory);
    assert.equal(result.created, true);
    assert.notEqual(result.cert, planted.cert);
    assert.equal(await readFile(join(directory, LOCALHOST_CERT_FILE), 'utf8'), result.cert);
    assert.ok(new X509Certificate(result.cert).validToDate.getTime() - Date.now() > 360 * DAY_MS);
  });

  test('regenerates when the files are damaged or the key does not match', async () => {
    const directory = freshDirectory();
    const original = await loadOrCreateLocalhostCertificate(directory);
    await writeFile(join(directory, LOCALHOST_CERT_FILE), 'not a certificate');
    const repaired = await loadOrCreateLocalhostCertificate(directory);
    assert.equal(repaired.created, true);
    const other = await certificateEndingIn(200);
    await writeFile(join(directory, LOCALHOST_KEY_FILE), other.key);
    const rematched = await loadOrCreateLocalhostCertificate(directory);
    assert.equal(rematched.created, true);
    assert.ok(new X509Certificate(rematched.cert).checkPrivateKey(createPrivateKey(rematched.key)));
    assert.notEqual(rematched.cert, original.cert);
  });

  test('tightens a key file left readable by others', async (t: TestContext) => {
    if (!posix) {
      t.skip('file modes are POSIX');
      return;
    }
    const directory = freshDirectory();
    await loadOrCreateLocalhostCertificate(directory);
    await chmod(join(directory, LOCALHOST_KEY_FILE), 0o644);
    await chmod(directory, 0o755);
    await loadOrCreateLocalhostCertificate(directory);
    assert.equal((await stat(join(directory, LOCALHOST_KEY_FILE))).mode & 0o777, 0o600);
    assert.equal((await stat(directory)).mode & 0o777, 0o700);
  });

  test('serves https to a client that trusts the certificate as its CA', async () => {
    const { key, cert } = await loadOrCreateLocalhostCertificate(freshDirectory());
    const server = createServer({ key, cert }, (_request, response) => response.end('hello over tls'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (server.address() as AddressInfo).port;
      assert.equal(await getTrusting(cert, '127.0.0.1', port, 'localhost'), 'hello over tls');
      assert.equal(await getTrusting(cert, '127.0.0.1', port), 'hello over tls', 'the IP SAN matches too');
      await assert.rejects(getTrusting(cert, '127.0.0.1', port, 'example.com'), /altnames|Hostname\/IP does not match/i);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
