/** Stores with many accounts, written through the real vault and cipher, for benchmarks and list tests. */
import { join } from 'node:path';
import { createAesGcmCipher, loadOrCreateKeyFile } from '../../src-main/core/vault/aes-gcm-cipher.ts';
import type { CipherPort } from '../../src-main/core/vault/cipher-port.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import { DEFAULT_CONNECTION_FIELDS, type StoredConnection } from '../../src-main/core/settings/stored-settings.ts';
import type { StoreDocument, StoredAccount } from '../../src-main/core/vault/store-document.ts';
import { Vault } from '../../src-main/core/vault/vault.ts';

/** The benchmark cipher: the Node AES-256-GCM one with a key file in the data dir. */
export async function benchCipher(directory: string): Promise<CipherPort> {
  return createAesGcmCipher(await loadOrCreateKeyFile(join(directory, 'bench.key')));
}

/** A JWT-sized opaque token. */
export function fakeToken(index: number): string {
  return `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: `user_${index}`, pad: 'x'.repeat(200) })).toString('base64url')}.${'s'.repeat(43)}`;
}

/** How many connections {@link fillStore} spreads accounts over unless told otherwise (start-up row 3: 10,000 accounts across 20). */
export const FILL_CONNECTIONS = 20;

/**
 * Fills a store with `count` accounts (one generic, the rest user_N) through the real vault, spread
 * round-robin over `connections` connections ("AIRisk", then "Connection 2" …), each its own origin.
 * Writes go through conf on each save, so this batches by building the document once.
 */
export async function fillStore(directory: string, count: number, nowMs: number, connections: number = FILL_CONNECTIONS, firstBaseUrl: string = DEFAULT_CONNECTION_FIELDS.baseUrl): Promise<void> {
  const cipher = await benchCipher(directory);
  const { store } = openConfDocumentStore({ directory });
  const vault = await Vault.open({ store, cipher });
  // A host that later configures "AIRisk" for a sandbox keeps the tokens only when the origin stays the same.
  const first = vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, baseUrl: firstBaseUrl });
  // One real save gives the exact stored shape; the rest are cloned into one write.
  await vault.saveToken({ connectionId: first.id, userid: null, accessToken: fakeToken(0), expiration: new Date(nowMs + 3600_000), obtainedAt: new Date(nowMs), clockSkewMs: 0 });
  // The vault has just written and validated this document.
  const document = store.read() as StoreDocument;
  const template = document.accounts[0];
  if (template?.token === null || template?.token === undefined) throw new Error('the vault stored no token');
  const firstStored = document.connections[0];
  if (firstStored === undefined) throw new Error('the vault stored no connection');
  const stored: StoredConnection[] = [firstStored];
  for (let index = 1; index < connections; index++) {
    stored.push({ ...firstStored, id: `conn-${index}`, name: `Connection ${index + 1}`, baseUrl: `https://env-${index}.airisk.example.com` });
  }
  const accounts: StoredAccount[] = [template];
  for (let index = 1; index < count; index++) {
    accounts.push({
      ...template,
      id: `acct-${index}`,
      connectionId: stored[index % connections]?.id ?? firstStored.id,
      userid: `user_${index}`,
      label: `user_${index}`,
      // Spread expirations over the next 2 h so statuses change at many distinct instants.
      expiration: new Date(nowMs + 60_000 + index * 7_000).toISOString(),
      token: { ...template.token, ciphertext: await cipher.encrypt(fakeToken(index)) },
    });
  }
  store.write({ ...document, connections: stored, accounts });
}
