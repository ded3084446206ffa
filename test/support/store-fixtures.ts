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

/** Where {@link fillStoreAt} puts the accounts and which key encrypts them. */
export interface FillOptions {
  /** The connections, in order ("AIRisk" at a sandbox's origin, say); accounts go round-robin over them. */
  readonly connections: readonly { readonly name: string; readonly baseUrl: string }[];
  /** The key file's name in the data dir (default the benchmarks' `bench.key`; the browser host reads `NODE_APP_KEY_FILE`). */
  readonly keyFile?: string;
  /** When account `index` (1 … count - 1) expires, in ms after `nowMs` (default 60 s + 7 s per index: 2 h for 1,000). The generic token expires an hour after `nowMs`. */
  readonly expiresAfterMs?: (index: number) => number;
}

/**
 * Fills a store with `count` accounts (one generic, the rest user_N) through the real vault, spread
 * round-robin over `connections` connections ("AIRisk", then "Connection 2" …), each its own origin.
 * Writes go through conf on each save, so this batches by building the document once.
 */
export async function fillStore(directory: string, count: number, nowMs: number, connections: number = FILL_CONNECTIONS, firstBaseUrl: string = DEFAULT_CONNECTION_FIELDS.baseUrl): Promise<void> {
  const list = Array.from({ length: connections }, (_, index) =>
    index === 0 ? { name: DEFAULT_CONNECTION_FIELDS.name, baseUrl: firstBaseUrl } : { name: `Connection ${index + 1}`, baseUrl: `https://env-${index}.airisk.example.com` },
  );
  await fillStoreAt(directory, count, nowMs, { connections: list });
}

/**
 * Fills a store with `count` accounts (one generic, the rest user_N, the generic one active) through
 * the real vault, round-robin over the given connections. Builds the document once and writes it once.
 */
export async function fillStoreAt(directory: string, count: number, nowMs: number, options: FillOptions): Promise<void> {
  const cipher = createAesGcmCipher(await loadOrCreateKeyFile(join(directory, options.keyFile ?? 'bench.key')));
  const { store } = openConfDocumentStore({ directory });
  const vault = await Vault.open({ store, cipher });
  const [firstConnection, ...others] = options.connections;
  if (firstConnection === undefined) throw new Error('fillStoreAt needs a connection');
  // A host that later configures a connection of the same name for a sandbox keeps the tokens only when the origin stays the same.
  const first = vault.addConnection({ ...DEFAULT_CONNECTION_FIELDS, ...firstConnection });
  // One real save gives the exact stored shape; the rest are cloned into one write.
  await vault.saveToken({ connectionId: first.id, userid: null, accessToken: fakeToken(0), expiration: new Date(nowMs + 3600_000), obtainedAt: new Date(nowMs), clockSkewMs: 0 });
  // The vault has just written and validated this document.
  const document = store.read() as StoreDocument;
  const template = document.accounts[0];
  if (template?.token === null || template?.token === undefined) throw new Error('the vault stored no token');
  const firstStored = document.connections[0];
  if (firstStored === undefined) throw new Error('the vault stored no connection');
  const stored: StoredConnection[] = [firstStored, ...others.map((connection, index) => ({ ...firstStored, id: `conn-${index + 1}`, ...connection }))];
  const expiresAfterMs = options.expiresAfterMs ?? ((index: number) => 60_000 + index * 7_000);
  const accounts: StoredAccount[] = [template];
  for (let index = 1; index < count; index++) {
    accounts.push({
      ...template,
      id: `acct-${index}`,
      connectionId: stored[index % stored.length]?.id ?? firstStored.id,
      userid: `user_${index}`,
      label: `user_${index}`,
      // By default spread over the next 2 h, so statuses change at many distinct instants.
      expiration: new Date(nowMs + expiresAfterMs(index)).toISOString(),
      token: { ...template.token, ciphertext: await cipher.encrypt(fakeToken(index)) },
    });
  }
  store.write({ ...document, connections: stored, accounts });
}
