import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONNECTION_FIELDS } from '../../src-main/core/settings/stored-settings.ts';
import { createAesGcmCipher } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';

const KEY = Buffer.alloc(32, 7);

test('coalesced background writes land as conf would write them: same bytes, mode 0600, readable on reopen', async (t) => {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-bgwrite-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  const { store } = openConfDocumentStore({ directory });
  const vault = await Vault.open({ store, cipher: createAesGcmCipher(KEY), persistence: 'coalesced' });
  const { id: connectionId } = vault.addConnection(DEFAULT_CONNECTION_FIELDS);
  const saved = await vault.saveToken({ connectionId, userid: 'user_42', accessToken: 'tok-42', expiration: new Date('2030-01-01T00:00:00Z'), obtainedAt: new Date('2029-12-31T00:00:00Z'), clockSkewMs: 0 });
  vault.rename(saved.id, 'Ana');
  await vault.flush();

  const background = await readFile(store.path, 'utf8');
  if (process.platform !== 'win32') assert.equal((await stat(store.path)).mode & 0o777, 0o600);
  // What conf itself writes for the same document, for comparison.
  store.write(JSON.parse(background));
  assert.equal(await readFile(store.path, 'utf8'), background, 'byte for byte what conf writes');

  const reopened = await Vault.open({ store: openConfDocumentStore({ directory }).store, cipher: createAesGcmCipher(KEY) });
  assert.deepEqual(reopened.accounts().map((account) => account.label), ['Ana']);
  assert.equal(await reopened.readToken(saved.id), 'tok-42');
});
