/**
 * Nothing is lost between versions: a store an older version moved aside as `.newer-…` is put back
 * by this version when its own store is empty, and an older store is copied before it is migrated.
 * Real files in temp dirs, the real vault and AES cipher.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';
import { createAesGcmCipher } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';

const STORE_FILE = 'airisk-token-tray.json';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** 2026-11-28T21:03:26.789Z, so set-aside names are predictable. */
const FIXED_NOW = Date.UTC(2026, 10, 28, 21, 3, 26, 789);
const KEY = randomBytes(32);

async function tempDirectory(t: TestContext): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-round-trip-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

async function openVault(directory: string, cipher: CipherPort = createAesGcmCipher(KEY)): Promise<Vault> {
  const { store, recovered } = openConfDocumentStore({ directory, now: () => FIXED_NOW });
  return Vault.open({ store, cipher, recovered, now: () => FIXED_NOW });
}

/** A v3 store with one connection (and its secret) and one account (and its token). */
async function writeV3Store(directory: string): Promise<void> {
  const vault = await openVault(directory);
  const connection = vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: 'Production', clientId: 'tray' });
  await vault.setClientSecret(connection.id, 'client-secret-1');
  await vault.saveToken({ connectionId: connection.id, userid: null, accessToken: 'token-1', expiration: new Date(FIXED_NOW + 3_600_000), obtainedAt: new Date(FIXED_NOW), clockSkewMs: 0 });
  await vault.flush();
}

/**
 * What the schema-v2 build did with a store it could not read (`git show 38e40f2:src-main/core/vault/conf-document-store.ts`,
 * `moveAside(conf.path, 'newer', now)`): a rename to `<stem>.newer-<YYYY-MM-DDTHH-MM-SSZ>.json`. It then started empty.
 */
async function v2BuildMovesItAside(directory: string, at: Date): Promise<string> {
  const stamp = `${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
  const target = join(directory, `airisk-token-tray.newer-${stamp}.json`);
  await rename(join(directory, STORE_FILE), target);
  return target;
}

test('a v3 store moved aside by a v2 build is restored by the v3 build, with every connection, secret and token, and says so', async (t) => {
  const directory = await tempDirectory(t);
  await writeV3Store(directory);
  const before = await readFile(join(directory, STORE_FILE), 'utf8');
  const movedTo = await v2BuildMovesItAside(directory, new Date(FIXED_NOW - 60_000));

  const vault = await openVault(directory);
  const [connection] = vault.connections();
  assert.equal(connection?.name, 'Production');
  assert.equal((await vault.readClientSecret(connection.id)).secret, 'client-secret-1');
  const [account] = vault.accounts();
  assert.ok(account !== undefined);
  assert.equal(await vault.readToken(account.id), 'token-1');
  assert.equal(vault.activeAccountId, account.id);
  const warning = vault.warnings.find((candidate) => candidate.kind === 'store-recovered');
  assert.equal(warning?.message, `Restored the tokens an older version of AIRisk Token Tray had set aside (${movedTo}).`);
  assert.equal(await readFile(join(directory, STORE_FILE), 'utf8'), before, 'the file is renamed back, byte for byte');
  assert.deepEqual(await readdir(directory), [STORE_FILE], 'the set-aside file is gone: it is the store again');
});

test('an empty store file (no connection, no account) is replaced by the newest readable set-aside store; a newer-schema one is left alone', async (t) => {
  const directory = await tempDirectory(t);
  await writeV3Store(directory);
  await v2BuildMovesItAside(directory, new Date(FIXED_NOW - 120_000));
  const newest = await (async () => {
    await writeFile(join(directory, STORE_FILE), JSON.stringify({ schemaVersion: 3, connections: [{ ...DEFAULT_CONNECTION_FIELDS, id: 'c2', name: 'Newest', clientSecret: null }], accounts: [], activeAccountId: null, settings: {} }));
    return v2BuildMovesItAside(directory, new Date(FIXED_NOW - 60_000));
  })();
  const unreadable = join(directory, 'airisk-token-tray.newer-2026-11-28T21-03-00Z-2.json');
  await writeFile(unreadable, JSON.stringify({ schemaVersion: 9, accounts: [] }));
  await writeFile(join(directory, STORE_FILE), JSON.stringify({ schemaVersion: 3, connections: [], accounts: [], activeAccountId: null, settings: {} }));

  const vault = await openVault(directory);
  assert.deepEqual(vault.connections().map((connection) => connection.name), ['Newest']);
  assert.ok(vault.warnings.some((warning) => warning.kind === 'store-recovered' && warning.message.includes(newest)));
  assert.deepEqual((await readdir(directory)).sort(), [STORE_FILE, 'airisk-token-tray.newer-2026-11-28T21-01-26Z.json', 'airisk-token-tray.newer-2026-11-28T21-03-00Z-2.json'].sort());
});

test('a store that has content is never overwritten by a set-aside store', async (t) => {
  const directory = await tempDirectory(t);
  await writeV3Store(directory);
  const movedTo = await v2BuildMovesItAside(directory, new Date(FIXED_NOW - 60_000));
  const set = await readFile(movedTo, 'utf8');
  const own = await openVault(directory);
  // Restored: now give the store different content, and set aside another copy beside it.
  own.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: 'Second' });
  await own.flush();
  await writeFile(movedTo, set);
  const vault = await openVault(directory);
  assert.deepEqual(vault.connections().map((connection) => connection.name), ['Production', 'Second']);
  assert.ok(!vault.warnings.some((warning) => warning.kind === 'store-recovered'));
  assert.equal(await readFile(movedTo, 'utf8'), set, 'the set-aside file stays where it is');
});

test('a v2 store is copied byte for byte (mode 0600) to airisk-token-tray.v2-<time>.json before it is migrated, and only once', async (t) => {
  const directory = await tempDirectory(t);
  await copyFile(join(FIXTURES, 'store-v2.json'), join(directory, STORE_FILE));
  const key = await readFile(join(FIXTURES, 'store-v2.key'));
  const original = await readFile(join(FIXTURES, 'store-v2.json'));
  const vault = await openVault(directory, createAesGcmCipher(key));
  await vault.flush();
  const copy = join(directory, 'airisk-token-tray.v2-2026-11-28T21-03-26Z.json');
  assert.ok((await readFile(copy)).equals(original), 'the copy holds the same bytes (the same ciphertexts)');
  assert.equal((await stat(copy)).mode & 0o777, 0o600);
  assert.equal((JSON.parse(await readFile(join(directory, STORE_FILE), 'utf8')) as { schemaVersion: number }).schemaVersion, 3);
  await openVault(directory, createAesGcmCipher(key));
  assert.deepEqual((await readdir(directory)).sort(), [copy.slice(directory.length + 1), STORE_FILE].sort(), 'one copy, however often the app starts');
});
