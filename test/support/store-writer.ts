/**
 * Fixture for test/integration/store-kill.test.ts: `store-writer.ts <directory> <accounts>` opens the
 * store in `directory` and rewrites it with large, valid documents (`accounts` accounts of about 8 kB
 * each) in a tight loop until it is killed.
 * Prints `ready` once the first document is on disk. Every document is complete and valid, and
 * `connections[0].clientId` says which write it was (`write-<n>`), so a torn file would show.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_CONNECTION_FIELDS, DEFAULT_SETTINGS } from '../../src-main/core/settings/stored-settings.ts';
import { openConfDocumentStore } from '../../src-main/core/vault/conf-document-store.ts';
import type { StoreDocument, StoredAccount } from '../../src-main/core/vault/store-document.ts';

const CIPHERTEXT_BYTES = 6 * 1024;

const [directory, accountsArgument] = process.argv.slice(2);
const accountCount = Number(accountsArgument);
if (directory === undefined || !Number.isInteger(accountCount) || accountCount < 1) throw new Error('usage: store-writer.ts <directory> <accounts>');
const { store, recovered } = openConfDocumentStore({ directory });
if (recovered !== undefined) throw new Error(`The writer found an unreadable store: ${recovered.reason}`);

const filler = randomBytes(CIPHERTEXT_BYTES);
function documentNumber(write: number): StoreDocument {
  const accounts: StoredAccount[] = Array.from({ length: accountCount }, (_, index) => ({
    id: `account-${index}`,
    connectionId: 'conn-1',
    userid: index === 0 ? null : `user_${index}`,
    label: `Account ${index} (write ${write})`,
    expiration: new Date(Date.UTC(2030, 0, 1) + write * 1000).toISOString(),
    obtainedAt: new Date(Date.UTC(2026, 0, 1) + write * 1000).toISOString(),
    clockSkewMs: write,
    lastUsedAt: null,
    token: { ciphertext: `v1:${write.toString(36)}${filler.toString('base64')}`, backend: 'node-aes-256-gcm' },
  }));
  const connection = { id: 'conn-1', ...DEFAULT_CONNECTION_FIELDS, clientId: `write-${write}`, clientSecret: null };
  return { schemaVersion: 3, connections: [connection], accounts, activeAccountId: `account-${write % accountCount}`, settings: DEFAULT_SETTINGS };
}

store.write(documentNumber(0));
process.stdout.write('ready\n');
for (let write = 1; ; write += 1) store.write(documentNumber(write));
