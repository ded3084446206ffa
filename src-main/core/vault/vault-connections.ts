import { randomUUID } from 'node:crypto';
import { clientSecretOriginProblem, originOf } from '../settings/client-secret-origin.ts';
import { connectionNameProblem } from '../settings/connection-name.ts';
import type { ConnectionFields, EncryptedSecret, StoredConnection } from '../settings/stored-settings.ts';
import type { CipherPort } from './cipher-port.ts';
import { sealClientSecret, unsealClientSecret, type UnsealedClientSecret } from './client-secret-seal.ts';
import type { StoreDocument } from './store-document.ts';
import { messageOf } from '../../shared/message-of.ts';

/** One connection as the app sees it: its fields (never the secret), and where its client secret is. */
export type ConnectionRecord = Omit<StoredConnection, 'clientSecret'> & {
  /** Encrypted in the store file, in this process's memory only, or not set. */
  readonly clientSecretStored: 'disk' | 'memory' | 'none';
};

/** What a connection's client secret is not decrypted for: a problem the person fixes by entering it again. */
export const UNDECRYPTABLE_CLIENT_SECRET =
  'The client secret stored for this connection can no longer be decrypted (the system keyring or key file changed); enter the client secret again.';

/**
 * A connection's client secret for its base URL, or why there is none to send (undefined: none is
 * set); `savedFor` is the origin a secret kept for another address was sealed to.
 */
export type ClientSecretRead =
  | { readonly secret: string; readonly problem?: undefined; readonly savedFor?: undefined }
  | { readonly secret: undefined; readonly problem: string | undefined; readonly savedFor?: string | undefined };

/** What the connections need of the vault around them: its one document, its one commit, its cipher and policy. */
export interface VaultDocumentAccess {
  readonly document: () => StoreDocument;
  /** Validates and writes `next`, then runs `afterWrite` and tells listeners (vault.ts #commit). */
  readonly commit: (next: StoreDocument, afterWrite?: () => void) => void;
  /** Whether secrets go to disk (encrypted) or stay in memory only. */
  readonly persistsSecrets: () => boolean;
  readonly encrypt: (plaintext: string) => Promise<EncryptedSecret>;
  readonly decrypt: CipherPort['decrypt'];
}

/** A client secret ready to commit: sealed to its origin, and its ciphertext when it goes to disk. */
interface PreparedSecret {
  readonly sealed: string;
  readonly onDisk: EncryptedSecret | null;
}

/**
 * The connection half of the vault: connections in the store document and their client secrets,
 * each sealed to its base URL's origin (client-secret-seal.ts) and encrypted, or kept in memory only
 * under the same rules as tokens. Accounts are the vault's (removing a connection is too).
 */
export class VaultConnections {
  readonly #host: VaultDocumentAccess;
  /** Sealed client secrets kept in memory only, by connection id. */
  readonly memory = new Map<string, string>();

  constructor(host: VaultDocumentAccess) {
    this.#host = host;
  }

  /** Every connection, in creation order. */
  list(): readonly ConnectionRecord[] {
    return this.#host.document().connections.map((connection) => this.record(connection));
  }

  /** One connection, or undefined for an unknown id. */
  get(id: string): ConnectionRecord | undefined {
    const connection = this.find(id);
    return connection === undefined ? undefined : this.record(connection);
  }

  /** Adds a connection without a client secret (values are validated in src-main/core/settings; the name's rules are checked here too). */
  add(fields: ConnectionFields): ConnectionRecord {
    this.#requireFreeName(fields.name, undefined);
    const connection: StoredConnection = { id: randomUUID(), ...fields, clientSecret: null };
    const document = this.#host.document();
    this.#host.commit({ ...document, connections: [...document.connections, connection] });
    return this.record(connection);
  }

  /**
   * Adds (`id` null) or changes a connection and, when `clientSecret` is given, sets its secret for
   * the new base URL's origin, in one change: the secret is encrypted first, so a cipher that fails
   * leaves the connection as it was (nothing half-saved).
   */
  async save(id: string | null, fields: ConnectionFields, clientSecret: string | undefined): Promise<ConnectionRecord> {
    const check = (): void => {
      if (id !== null) this.require(id);
      this.#requireFreeName(fields.name, id ?? undefined);
    };
    check();
    const prepared = clientSecret === undefined ? undefined : await this.#prepare(fields.baseUrl, clientSecret);
    check(); // the encryption awaited: the connection may have gone, or its name been taken meanwhile
    const targetId = id ?? randomUUID();
    const secretFields = prepared === undefined ? {} : { clientSecret: prepared.onDisk };
    const document = this.#host.document();
    const connections =
      id === null
        ? [...document.connections, { id: targetId, ...fields, clientSecret: null, ...secretFields }]
        : document.connections.map((connection) => (connection.id === id ? { ...connection, ...fields, ...secretFields } : connection));
    this.#host.commit({ ...document, connections }, () => {
      if (prepared !== undefined) this.#keepInMemory(targetId, prepared);
    });
    return this.record(this.require(targetId));
  }

  /** Changes a connection's fields; its secret stays (and is sent only while its sealed origin is the base URL's). */
  update(id: string, changes: Partial<ConnectionFields>): ConnectionRecord {
    this.require(id);
    if (changes.name !== undefined) this.#requireFreeName(changes.name, id);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.#commitConnection(id, (connection) => ({ ...connection, ...defined }));
    return this.record(this.require(id));
  }

  /**
   * Sets (encrypting it, or in memory only under the same rules as tokens) or clears (null or '')
   * a connection's client secret. It is bound to the connection's base URL origin: set that first.
   */
  async setClientSecret(connectionId: string, secret: string | null): Promise<void> {
    const connection = this.require(connectionId);
    if (secret === null || secret === '') {
      this.#commitConnection(connectionId, (current) => ({ ...current, clientSecret: null }), () => {
        this.memory.delete(connectionId);
      });
      return;
    }
    const prepared = await this.#prepare(connection.baseUrl, secret);
    this.#commitConnection(connectionId, (current) => ({ ...current, clientSecret: prepared.onDisk }), () => this.#keepInMemory(connectionId, prepared));
  }

  /**
   * A connection's client secret, decrypted now. It is handed out only when the origin sealed inside
   * it is the origin of `baseUrl` (default: the connection's own base URL; "Check connection" passes
   * the unsaved one); otherwise `problem` says why and what to do. A bare secret saved before sealing
   * has no known origin: it is never sent, and must be entered again (the store file's plain fields
   * cannot vouch for it: another program may have edited them). One that no longer decrypts must be
   * entered again too.
   */
  async readClientSecret(connectionId: string, baseUrl?: string): Promise<ClientSecretRead> {
    const connection = this.require(connectionId);
    const read = await this.#readSealed(connectionId);
    if (read === 'none') return { secret: undefined, problem: undefined };
    if (read === 'undecryptable') return { secret: undefined, problem: UNDECRYPTABLE_CLIENT_SECRET };
    let unsealed: UnsealedClientSecret;
    try {
      unsealed = unsealClientSecret(read);
    } catch {
      return { secret: undefined, problem: UNDECRYPTABLE_CLIENT_SECRET };
    }
    const problem = clientSecretOriginProblem(unsealed.origin ?? null, baseUrl ?? connection.baseUrl);
    if (problem === undefined) return { secret: unsealed.secret };
    return unsealed.origin === undefined ? { secret: undefined, problem } : { secret: undefined, problem, savedFor: unsealed.origin };
  }

  /** The stored connection, or undefined. */
  find(id: string): StoredConnection | undefined {
    return this.#host.document().connections.find((connection) => connection.id === id);
  }

  /** The stored connection; throws naming the id when there is none. */
  require(id: string): StoredConnection {
    const connection = this.find(id);
    if (connection === undefined) throw new Error(`There is no connection with id ${JSON.stringify(id)}; it may have been removed.`);
    return connection;
  }

  /** A stored connection as the app sees it (frozen, without the secret). */
  record(connection: StoredConnection): ConnectionRecord {
    const { clientSecret, ...fields } = connection;
    const clientSecretStored = this.memory.has(connection.id) ? 'memory' : clientSecret === null ? 'none' : 'disk';
    return Object.freeze({ ...fields, clientSecretStored });
  }

  /** `secret` sealed to `baseUrl`'s origin, and encrypted for the file unless secrets are kept in memory only. Throws when the cipher fails. */
  async #prepare(baseUrl: string, secret: string): Promise<PreparedSecret> {
    const origin = originOf(baseUrl);
    if (origin === null) throw new Error('Set a valid AIRisk base URL before the client secret: the secret is kept for that address only.');
    const sealed = sealClientSecret(secret, origin);
    let ciphertext: EncryptedSecret | null = null;
    try {
      if (this.#host.persistsSecrets()) ciphertext = await this.#host.encrypt(sealed);
    } catch (error) {
      throw new Error(`The client secret could not be encrypted (${messageOf(error)}); nothing was saved. Try again, or check the system keyring.`, { cause: error });
    }
    return { sealed, onDisk: ciphertext !== null && this.#host.persistsSecrets() ? ciphertext : null };
  }

  /** After a prepared secret was committed: kept in memory when it is not on disk, forgotten there otherwise. */
  #keepInMemory(connectionId: string, prepared: PreparedSecret): void {
    if (prepared.onDisk === null) this.memory.set(connectionId, prepared.sealed);
    else this.memory.delete(connectionId);
  }

  /** What was encrypted for a connection's client secret (sealed, or an older bare secret), or whether there is none or it no longer decrypts. */
  async #readSealed(connectionId: string): Promise<string | 'none' | 'undecryptable'> {
    const inMemory = this.memory.get(connectionId);
    if (inMemory !== undefined) return inMemory;
    const stored = this.find(connectionId)?.clientSecret ?? null;
    if (stored === null) return 'none';
    let decrypted: { plaintext: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.#host.decrypt(stored.ciphertext);
    } catch {
      return 'undecryptable';
    }
    if (decrypted.shouldReEncrypt) await this.#renew(connectionId, stored, decrypted.plaintext);
    return decrypted.plaintext;
  }

  /** Re-encrypts a stored client secret as `plaintext` (the cipher asked for a newer key), if it is still the one on disk. */
  async #renew(connectionId: string, stored: EncryptedSecret, plaintext: string): Promise<void> {
    let renewed: EncryptedSecret;
    try {
      renewed = await this.#host.encrypt(plaintext);
    } catch {
      return;
    }
    if (this.find(connectionId)?.clientSecret === stored && this.#host.persistsSecrets()) {
      this.#commitConnection(connectionId, (connection) => ({ ...connection, clientSecret: renewed }));
    }
  }

  #commitConnection(id: string, change: (connection: StoredConnection) => StoredConnection, afterWrite?: () => void): void {
    const document = this.#host.document();
    const connections = document.connections.map((connection) => (connection.id === id ? change(connection) : connection));
    this.#host.commit({ ...document, connections }, afterWrite);
  }

  #requireFreeName(name: string, ownId: string | undefined): void {
    const taken = this.#host.document().connections.filter((connection) => connection.id !== ownId).map((connection) => connection.name);
    const problem = name === name.trim() ? connectionNameProblem(name, taken) : 'A connection name has no leading or trailing spaces.';
    if (problem !== undefined) throw new Error(problem);
  }
}
