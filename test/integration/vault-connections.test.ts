/** The vault's connections, on real store files in temp dirs with the real AES-GCM cipher. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';
import { createAesGcmCipher } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { UNDECRYPTABLE_CLIENT_SECRET, Vault } from '../../src-main/core/vault/vault.ts';

const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);
const STORE_FILE = 'airisk-token-tray.json';

async function tempDirectory(t: TestContext): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-vault-connections-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}

async function openVault(directory: string, cipher: CipherPort = createAesGcmCipher(KEY_A)): Promise<Vault> {
  return Vault.open({ store: openConfDocumentStore({ directory }).store, cipher });
}

/** A vault with two connections, "Production" and "Staging" (different origins). */
async function twoConnections(directory: string): Promise<{ vault: Vault; production: string; staging: string }> {
  const vault = await openVault(directory);
  const production = vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: 'Production', baseUrl: 'https://api.airisk.example.com' }).id;
  const staging = vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: 'Staging', baseUrl: 'https://staging.airisk.example.com' }).id;
  return { vault, production, staging };
}

function token(connectionId: string, userid: string | null, accessToken: string): Parameters<Vault['saveToken']>[0] {
  return { connectionId, userid, accessToken, expiration: new Date('2030-01-01T00:00:00Z'), obtainedAt: new Date('2029-12-31T23:00:00Z'), clockSkewMs: 0 };
}

test('a first-run store has no connection until one is added', async (t) => {
  const vault = await openVault(await tempDirectory(t));
  assert.deepEqual(vault.connections(), []);
});

test('user_42 on Staging and user_42 on Production are two accounts with two tokens', async (t) => {
  const directory = await tempDirectory(t);
  const { vault, production, staging } = await twoConnections(directory);
  const onProduction = await vault.saveToken(token(production, 'user_42', 'tok-prod'));
  const onStaging = await vault.saveToken(token(staging, 'user_42', 'tok-staging'));
  assert.notEqual(onProduction.id, onStaging.id);
  const again = await vault.saveToken(token(staging, 'user_42', 'tok-staging-2'));
  assert.equal(again.id, onStaging.id, 'a new token for the same (connection, userid) replaces that account\'s token');
  const reopened = await openVault(directory);
  assert.deepEqual(
    reopened.accounts().map((account) => [account.connectionId, account.userid]),
    [
      [production, 'user_42'],
      [staging, 'user_42'],
    ],
  );
  assert.equal(await reopened.readToken(onProduction.id), 'tok-prod');
  assert.equal(await reopened.readToken(onStaging.id), 'tok-staging-2');
});

test('connection names are unique case-insensitively, trimmed and checked, on add and on rename', async (t) => {
  const { vault, staging } = await twoConnections(await tempDirectory(t));
  assert.throws(() => vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: 'production' }), /There is a connection named "production" already/);
  assert.throws(() => vault.updateConnection(staging, { name: 'PRODUCTION' }), /There is a connection named "PRODUCTION" already/);
  assert.throws(() => vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: '' }), /Give the connection a name/);
  assert.throws(() => vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: ' padded ' }), /no leading or trailing spaces/);
  vault.updateConnection(staging, { name: 'Staging' });
  assert.equal(vault.connection(staging)?.name, 'Staging', 'keeping its own name is no clash');
  vault.updateConnection(staging, { name: 'staging' });
  assert.equal(vault.connection(staging)?.name, 'staging', 'a change of case of its own name is a rename');
});

test('removing a connection removes its accounts and tokens from the file, and keeps the others', async (t) => {
  const directory = await tempDirectory(t);
  const { vault, production, staging } = await twoConnections(directory);
  const kept = await vault.saveToken(token(production, 'user_42', 'tok-kept'));
  await vault.saveToken(token(staging, 'user_42', 'tok-gone'));
  await vault.saveToken(token(staging, null, 'tok-gone-generic'));
  await vault.setClientSecret(staging, 'staging-secret');
  const gone = JSON.parse(await readFile(join(directory, STORE_FILE), 'utf8')) as { accounts: { connectionId: string; token: { ciphertext: string } }[]; connections: { id: string; clientSecret: { ciphertext: string } | null }[] };
  const goneCiphertexts = [...gone.accounts.filter((account) => account.connectionId === staging).map((account) => account.token.ciphertext), gone.connections.find((connection) => connection.id === staging)?.clientSecret?.ciphertext ?? 'missing'];
  vault.removeConnection(staging);
  const file = await readFile(join(directory, STORE_FILE), 'utf8');
  for (const ciphertext of goneCiphertexts) assert.equal(file.includes(ciphertext), false, 'its tokens and secret are gone from the file');
  const reopened = await openVault(directory);
  assert.deepEqual(reopened.connections().map((connection) => connection.name), ['Production']);
  assert.deepEqual(reopened.accounts().map((account) => account.id), [kept.id]);
  assert.equal(await reopened.readToken(kept.id), 'tok-kept');
});

test('removing the active account\'s connection makes the sensible other account active, or none', async (t) => {
  const { vault, production, staging } = await twoConnections(await tempDirectory(t));
  const zed = await vault.saveToken(token(production, 'zed', 'tok-z'));
  const alice = await vault.saveToken(token(production, 'alice', 'tok-a'));
  const onStaging = await vault.saveToken(token(staging, 'user_42', 'tok-s'));
  vault.setActive(onStaging.id);
  vault.removeConnection(staging);
  assert.equal(vault.activeAccountId, alice.id, 'the first in display order of what is left');
  vault.setActive(zed.id);
  const third = vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, name: 'Sandbox' });
  vault.removeConnection(production);
  assert.equal(vault.activeAccountId, null, 'no account is left');
  assert.deepEqual(vault.connections().map((connection) => connection.id), [third.id]);
});

test('the last connection cannot be removed', async (t) => {
  const directory = await tempDirectory(t);
  const vault = await openVault(directory);
  const only = vault.addConnection(DEFAULT_CONNECTION_FIELDS);
  const before = await readFile(join(directory, STORE_FILE), 'utf8');
  assert.throws(() => vault.removeConnection(only.id), /The last connection cannot be removed/);
  assert.equal(await readFile(join(directory, STORE_FILE), 'utf8'), before, 'nothing is written');
  assert.throws(() => vault.removeConnection('nope'), /There is no connection with id "nope"/);
});

test('each connection has its own secret, sealed to its own origin: one is never handed out for the other', async (t) => {
  const directory = await tempDirectory(t);
  const { vault, production, staging } = await twoConnections(directory);
  await vault.setClientSecret(production, 'prod-secret');
  assert.deepEqual(await vault.readClientSecret(production), { secret: 'prod-secret' });
  assert.deepEqual(await vault.readClientSecret(staging), { secret: undefined, problem: undefined }, 'Staging has none');
  const asIfStaging = await vault.readClientSecret(production, 'https://staging.airisk.example.com');
  assert.equal(asIfStaging.secret, undefined);
  assert.match(asIfStaging.problem ?? '', /saved for https:\/\/api\.airisk\.example\.com; enter it again for https:\/\/staging\.airisk\.example\.com/);
});

test('a connection whose secret cannot be decrypted says "enter the client secret again"', async (t) => {
  const directory = await tempDirectory(t);
  const { vault, production } = await twoConnections(directory);
  await vault.setClientSecret(production, 'prod-secret');
  const otherKey = await openVault(directory, createAesGcmCipher(KEY_B));
  const read = await otherKey.readClientSecret(production);
  assert.equal(read.secret, undefined);
  assert.equal(read.problem, UNDECRYPTABLE_CLIENT_SECRET);
  assert.match(UNDECRYPTABLE_CLIENT_SECRET, /enter the client secret again/);
});

test('a token for a connection that was removed meanwhile is not kept', async (t) => {
  const { vault, staging } = await twoConnections(await tempDirectory(t));
  vault.removeConnection(staging);
  await assert.rejects(vault.saveToken(token(staging, 'user_42', 'tok-late')), /The connection this token was obtained on no longer exists/);
  assert.deepEqual(vault.accounts(), []);
});
