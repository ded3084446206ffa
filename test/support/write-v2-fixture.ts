/**
 * Writes test/fixtures/store-v2.json (+ store-v2.key) with the store code of schema version 2, as it
 * was at commit fedf1aa (branch r4-conn-core, before schema v3): the real Vault and AES-256-GCM
 * cipher, a fixed key, a generic account and two user accounts (one renamed), an active account,
 * a last use, clock skews, non-default app settings and a client secret sealed to its origin.
 * Kept so the v2 → v3 migration is tested against a file that v2 code really wrote. It only runs
 * against the v2 vault API (test/tsconfig.json leaves it out of the type-check since schema v3):
 *   node test/support/write-v2-fixture.ts   (at commit fedf1aa)
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAesGcmCipher } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';

/** The fixture's key: 32 fixed bytes, so the fixture's ciphertexts decrypt in tests. */
export const V2_FIXTURE_KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const directory = mkdtempSync(join(tmpdir(), 'v2-fixture-'));
try {
  let now = Date.parse('2026-12-01T12:00:00.000Z');
  const { store } = openConfDocumentStore({ directory, fileName: 'store-v2' });
  const vault = await Vault.open({ store, cipher: createAesGcmCipher(V2_FIXTURE_KEY), now: () => now });
  await vault.updateSettings({ baseUrl: 'https://staging.airisk.example.com', clientId: 'tray-client', redirectUri: 'http://127.0.0.1:8765/callback', bodyEncoding: 'json', expiryLeadSeconds: 600, clipboardClearSeconds: 30, startHidden: true, scope: 'api', issuer: 'https://staging.airisk.example.com' });
  await vault.setClientSecret('v2-client-secret');
  const expiration = new Date('2026-12-01T13:00:00.000Z');
  const obtainedAt = new Date('2026-12-01T12:00:00.000Z');
  await vault.saveToken({ userid: null, accessToken: 'generic-token-v2', expiration, obtainedAt, clockSkewMs: 0 });
  const first = await vault.saveToken({ userid: 'user_42', accessToken: 'user-42-token-v2', expiration, obtainedAt, clockSkewMs: 1500 });
  const second = await vault.saveToken({ userid: 'Alice', accessToken: 'alice-token-v2', expiration, obtainedAt, clockSkewMs: -250 });
  vault.rename(second.id, 'Alice (QA)');
  vault.setActive(first.id);
  now = Date.parse('2026-12-01T12:30:00.000Z');
  vault.markUsed(first.id);
  await vault.flush();
  copyFileSync(store.path, join(fixtures, 'store-v2.json'));
  writeFileSync(join(fixtures, 'store-v2.key'), V2_FIXTURE_KEY);
  console.log(`wrote ${join(fixtures, 'store-v2.json')}`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
