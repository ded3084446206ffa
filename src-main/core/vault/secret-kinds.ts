import type { EncryptedSecret } from '../settings/stored-settings.ts';
import type { StoreDocument } from './store-document.ts';

/**
 * One kind of secret the vault keeps per record — an account's token, a connection's client
 * secret — encrypted in the store document or in memory only, so one routine moves either kind
 * between the two (vault.ts, when weak encryption is allowed or no longer allowed).
 */
export interface SecretKind {
  /** Every record's id and what the document stores for it (null: nothing on disk). */
  stored(document: StoreDocument): ReadonlyMap<string, EncryptedSecret | null>;
  /** `document` with the stored secret of each record in `changes` replaced. */
  withStored(document: StoreDocument, changes: ReadonlyMap<string, EncryptedSecret | null>): StoreDocument;
  /** Plaintexts kept in memory only, by record id. */
  readonly memory: Map<string, string>;
  /** Called for each record whose secret was just moved into memory. */
  readonly movedToMemory?: ((id: string) => void) | undefined;
}

/** Accounts' tokens; `movedToMemory` lets the vault drop an account's "does not decrypt" mark. */
export function tokenSecrets(memory: Map<string, string>, movedToMemory: (id: string) => void): SecretKind {
  return {
    memory,
    movedToMemory,
    stored: (document) => new Map(document.accounts.map((account) => [account.id, account.token])),
    withStored: (document, changes) => ({
      ...document,
      accounts: document.accounts.map((account) => (changes.has(account.id) ? { ...account, token: changes.get(account.id) ?? null } : account)),
    }),
  };
}

/** Connections' client secrets (sealed to their origin, see client-secret-seal.ts). */
export function clientSecretSecrets(memory: Map<string, string>): SecretKind {
  return {
    memory,
    stored: (document) => new Map(document.connections.map((connection) => [connection.id, connection.clientSecret])),
    withStored: (document, changes) => ({
      ...document,
      connections: document.connections.map((connection) => (changes.has(connection.id) ? { ...connection, clientSecret: changes.get(connection.id) ?? null } : connection)),
    }),
  };
}
