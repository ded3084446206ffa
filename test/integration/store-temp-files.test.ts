import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { emptyStoreDocument } from '../../src-main/core/vault/store-document.ts';

/** An older copy of the store, as an interrupted write leaves it: it still holds a (removed) encrypted token. */
const STALE_COPY = JSON.stringify({ schemaVersion: 2, accounts: [{ token: { ciphertext: 'old-encrypted-token', backend: 'x' } }] });

test('stale temporary copies of the store are removed when the store opens; unrelated files remain', async (t) => {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-store-temp-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  openConfDocumentStore({ directory }).store.write(emptyStoreDocument());
  const ours = ['airisk-token-tray.json.tmp-1764590000a1b2c3', 'airisk-token-tray.json.tmp-0000000001000000'];
  const unrelated = [
    'airisk-token-tray.json.tmp-notatimestamp', // not atomically's name
    'other-store.json.tmp-1764590000a1b2c3', // another file's temporary copy
    'airisk-token-tray.corrupt-2026-12-01T10-00-00.000Z.json', // a moved-aside store is kept for the person
    'localhost-certificate.pem',
  ];
  for (const name of [...ours, ...unrelated]) await writeFile(join(directory, name), STALE_COPY);

  const { store, recovered } = openConfDocumentStore({ directory });
  assert.equal(recovered, undefined);
  assert.deepEqual({ ...(store.read() as object) }, emptyStoreDocument());
  assert.deepEqual((await readdir(directory)).toSorted(), ['airisk-token-tray.json', ...unrelated].toSorted());
});

test('a store folder with nothing but a stale temporary copy opens empty and is left clean', async (t) => {
  const directory = await mkdtemp(join(tmpdir(), 'airisk-store-temp-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  await writeFile(join(directory, 'airisk-token-tray.json.tmp-1764590000ffffff'), STALE_COPY);
  const { store } = openConfDocumentStore({ directory });
  assert.equal(store.read(), undefined);
  assert.deepEqual(await readdir(directory), []);
});
