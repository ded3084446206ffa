import { randomUUID } from 'node:crypto';
import { isWellFormedUserid, MAX_USERID_LENGTH } from '../oauth/userid.ts';
import type { ConnectionFields, EncryptedSecret, StoredSettings } from '../settings/stored-settings.ts';
import { defaultLabel, normaliseLabel } from './account-label.ts';
import { inDisplayOrder, sensibleActiveAccountId } from './account-order.ts';
import type { CipherDescription, CipherPort } from './cipher-port.ts';
import type { DocumentStorePort } from './document-store-port.ts';
import { persistsSecrets, protectionWarning } from './protection-policy.ts';
import { VaultConnections, type ClientSecretRead, type ConnectionRecord } from './vault-connections.ts';
import { clientSecretSecrets, tokenSecrets, type SecretKind } from './secret-kinds.ts';
import { STORE_SCHEMA_VERSION, migrateStoreDocument, type StoreDocument, type StoredAccount } from './store-document.ts';
import { StoreDocumentError } from './store-document-error.ts';
import { StoreWriter, type PersistMode, type WriteUrgency } from './store-writer.ts';
import { validateStoreDocument } from './validate-store-document.ts';
import { storeMigratedWarning, storeRecoveredWarning, storeWriteFailedWarning, type StoreRecovery, type VaultWarning } from './vault-warning.ts';
import { messageOf } from '../../shared/message-of.ts';

export type { StoreRecovery, VaultWarning, VaultWarningKind } from './vault-warning.ts';
export { UNDECRYPTABLE_CLIENT_SECRET, type ClientSecretRead, type ConnectionRecord } from './vault-connections.ts';

/** One account as the app sees it: the stored metadata (never the token), and where its token is. */
export type AccountRecord = Omit<StoredAccount, 'token'> & {
  /** No usable token: kept in memory only and lost at a restart, or no longer decryptable. */
  readonly needsSignIn: boolean;
  /** Where the token is: encrypted in the store file, in this process's memory only, or nowhere. */
  readonly tokenStored: 'disk' | 'memory' | 'none';
};

/** Options of {@link Vault.open}. */
export interface VaultOptions {
  readonly store: DocumentStorePort;
  readonly cipher: CipherPort;
  /** What openConfDocumentStore moved aside, shown as a 'store-recovered' warning. */
  readonly recovered?: StoreRecovery | undefined;
  /** Clock for `lastUsedAt` (tests). */
  readonly now?: () => number;
  /** When changes reach the disk; default `immediate`. The app uses `coalesced`. */
  readonly persistence?: PersistMode;
}

/** A token just obtained from AIRisk (see IssuedToken in oauth/token-client.ts). */
export interface SaveTokenInput {
  /** The connection the sign-in was on. */
  readonly connectionId: string;
  /** null = the generic token. */
  readonly userid: string | null;
  readonly accessToken: string;
  readonly expiration: Date;
  readonly obtainedAt: Date;
  readonly clockSkewMs: number;
}

/** The app-wide settings `updateSettings` changes. */
export type EditableSettings = Partial<StoredSettings>;

/**
 * The multi-account token vault: connections (each with its own client secret), accounts (generic +
 * one per userid, on each connection), which one is active, their encrypted tokens, and the app-wide
 * settings, all in one store document that is written after every change. Tokens and secrets are
 * decrypted only when asked for (`readToken`, `readClientSecret`), never cached; when protection is
 * weak and the user has not opted in (or there is none), tokens and client secrets live in memory only.
 * Connections and their secrets are kept by VaultConnections (vault-connections.ts) on the same
 * document; accounts, tokens, settings and removing a connection with its accounts are here.
 */
export class Vault {
  readonly #writer: StoreWriter;
  #writeError: Error | undefined;
  readonly #cipher: CipherPort;
  readonly #protection: CipherDescription;
  readonly #now: () => number;
  readonly #notices: readonly VaultWarning[];
  #document: StoreDocument;
  /** Tokens kept in memory only, by account id (memory-only mode). */
  readonly #memoryTokens = new Map<string, string>();
  /** Accounts whose stored token failed to decrypt. */
  readonly #undecryptable = new Set<string>();
  /** Connections and their client secrets (vault-connections.ts), on this vault's document. */
  readonly #connections: VaultConnections;
  readonly #listeners = new Set<() => void>();

  private constructor(options: VaultOptions, protection: CipherDescription, document: StoreDocument, notices: readonly VaultWarning[]) {
    this.#writer = new StoreWriter(options.store, options.persistence ?? 'immediate', (error) => {
      this.#writeError = error;
      this.#emit();
    });
    this.#cipher = options.cipher;
    this.#now = options.now ?? Date.now;
    this.#protection = protection;
    this.#document = document;
    this.#notices = notices;
    this.#connections = new VaultConnections({
      document: () => this.#document,
      commit: (next, afterWrite) => this.#commit(next, afterWrite),
      persistsSecrets: () => this.#persistsSecrets(),
      encrypt: (plaintext) => this.#encrypt(plaintext),
      decrypt: (ciphertext) => this.#cipher.decrypt(ciphertext),
    });
  }

  /**
   * Reads, migrates and validates the store document (decrypting nothing) and asks the cipher how
   * strong it is. A migrated or repaired document is written back at once. Throws when the
   * document cannot be used (StoreDocumentError): the opener (openConfDocumentStore) is expected to
   * have moved such a file aside already, and the vault never overwrites one.
   */
  static async open(options: VaultOptions): Promise<Vault> {
    const protection = await options.cipher.describe();
    const { document, migratedFrom, repairs } = migrateStoreDocument(options.store.read());
    const notices: VaultWarning[] = [];
    if (options.recovered !== undefined) notices.push(storeRecoveredWarning(options.recovered));
    if (migratedFrom !== undefined) notices.push(storeMigratedWarning(migratedFrom, STORE_SCHEMA_VERSION));
    if (migratedFrom !== undefined || repairs.length > 0) options.store.write(document);
    return new Vault(options, protection, document, notices);
  }

  /** All accounts in display order: the generic one first, then userids case-insensitively. */
  accounts(): readonly AccountRecord[] {
    return inDisplayOrder(this.#document.accounts).map((account) => this.#record(account));
  }

  /** The active account's id; null only when there are no accounts. */
  get activeAccountId(): string | null {
    return this.#document.activeAccountId;
  }

  /** What the person should know: a recovered or migrated store file, and how tokens are protected. */
  get warnings(): readonly VaultWarning[] {
    const warnings = [...this.#notices];
    const protection = protectionWarning(this.#protection, this.#document.settings.allowWeakEncryption);
    if (protection !== undefined) warnings.push(protection);
    if (this.#writeError !== undefined) warnings.push(storeWriteFailedWarning(this.#writeError));
    return warnings;
  }

  /** The cipher's own description, as it was when the vault opened. */
  get protection(): CipherDescription {
    return this.#protection;
  }

  /** The persisted app-wide settings. */
  get settings(): StoredSettings {
    return this.#document.settings;
  }

  /** Every connection, in creation order. */
  connections(): readonly ConnectionRecord[] {
    return this.#connections.list();
  }

  /** One connection, or undefined for an unknown id. */
  connection(id: string): ConnectionRecord | undefined {
    return this.#connections.get(id);
  }

  /** Adds a connection without a client secret (see VaultConnections.add). */
  addConnection(fields: ConnectionFields): ConnectionRecord {
    return this.#connections.add(fields);
  }

  /** Adds (`id` null) or changes a connection with its new secret, if any, in one change; a cipher that fails saves nothing (see VaultConnections.save). */
  saveConnection(id: string | null, fields: ConnectionFields, clientSecret: string | undefined): Promise<ConnectionRecord> {
    return this.#connections.save(id, fields, clientSecret);
  }

  /** Changes a connection's fields; its secret stays (and is sent only while its sealed origin is the base URL's). */
  updateConnection(id: string, changes: Partial<ConnectionFields>): ConnectionRecord {
    return this.#connections.update(id, changes);
  }

  /**
   * Removes a connection with its accounts and tokens (and its secret). Refuses the last one. When
   * the active account goes with it, the sensible one of the remaining accounts becomes active.
   */
  removeConnection(id: string): void {
    this.#connections.require(id);
    if (this.#document.connections.length === 1) throw new Error('The last connection cannot be removed: sign-in needs one. Edit it instead, or add another first.');
    const connections = this.#document.connections.filter((connection) => connection.id !== id);
    const gone = this.#document.accounts.filter((account) => account.connectionId === id).map((account) => account.id);
    const accounts = this.#document.accounts.filter((account) => account.connectionId !== id);
    const active = this.#document.activeAccountId;
    const activeAccountId = active !== null && gone.includes(active) ? sensibleActiveAccountId(accounts) : active;
    this.#commit({ ...this.#document, connections, accounts, activeAccountId }, () => {
      this.#connections.memory.delete(id);
      for (const accountId of gone) {
        this.#memoryTokens.delete(accountId);
        this.#undecryptable.delete(accountId);
      }
    });
  }

  /**
   * Stores a token: a new account for a new userid (the first account becomes active), or, for a
   * userid that already has one, replaces that account's token, expiration, time obtained and clock
   * skew and nothing else (id, label, last use and the active choice stay). Encrypted on disk, or
   * in memory only when protection is weak without opt-in or absent.
   */
  async saveToken(input: SaveTokenInput): Promise<AccountRecord> {
    checkTokenInput(input, this.#connections.find(input.connectionId) !== undefined);
    const ciphertext = this.#persistsSecrets() ? await this.#encrypt(input.accessToken) : null;
    const token = ciphertext !== null && this.#persistsSecrets() ? ciphertext : null;
    const fields = {
      expiration: input.expiration.toISOString(),
      obtainedAt: input.obtainedAt.toISOString(),
      clockSkewMs: input.clockSkewMs,
      token,
    };
    const existing = this.#document.accounts.find((account) => account.connectionId === input.connectionId && account.userid === input.userid);
    const id = existing?.id ?? randomUUID();
    const accounts =
      existing === undefined
        ? [...this.#document.accounts, { id, connectionId: input.connectionId, userid: input.userid, label: defaultLabel(input.userid), lastUsedAt: null, ...fields }]
        : this.#document.accounts.map((account) => (account.id === id ? { ...account, ...fields } : account));
    this.#commit({ ...this.#document, accounts, activeAccountId: this.#document.activeAccountId ?? id }, () => {
      if (token === null) this.#memoryTokens.set(id, input.accessToken);
      else this.#memoryTokens.delete(id);
      this.#undecryptable.delete(id);
    });
    return this.#record(this.#requireAccount(id));
  }

  /**
   * The account's token, decrypted now (nothing is cached). Undefined when there is none: a
   * memory-only token lost at a restart, or a stored one that no longer decrypts (the account then
   * shows `needsSignIn`). When the cipher asks for it, the token is re-encrypted and stored again.
   */
  async readToken(id: string): Promise<string | undefined> {
    const account = this.#requireAccount(id);
    const inMemory = this.#memoryTokens.get(id);
    if (inMemory !== undefined) return inMemory;
    const stored = account.token;
    if (stored === null) return undefined;
    let decrypted: { plaintext: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.#cipher.decrypt(stored.ciphertext);
    } catch {
      if (this.#findAccount(id)?.token === stored) this.#setUndecryptable(id, true);
      return undefined;
    }
    const current = this.#findAccount(id);
    if (current === undefined) return undefined;
    if (current.token !== stored) return this.readToken(id);
    this.#setUndecryptable(id, false);
    if (decrypted.shouldReEncrypt) await this.#reEncryptToken(id, stored, decrypted.plaintext);
    return decrypted.plaintext;
  }

  /** Records that the account's token was just used (copied); written lazily in coalesced mode. */
  markUsed(id: string): void {
    const lastUsedAt = new Date(this.#now()).toISOString();
    this.#updateAccount(id, (account) => ({ ...account, lastUsedAt }), 'lazy');
  }

  /** One account's metadata, or undefined for an unknown id. */
  account(id: string): AccountRecord | undefined {
    const account = this.#findAccount(id);
    return account === undefined ? undefined : this.#record(account);
  }

  /** Resolves once every change so far is on disk (coalesced mode); await it before quitting. */
  flush(): Promise<void> {
    return this.#writer.flush();
  }

  /**
   * Forgets the tokens of a connection's accounts, keeping the accounts (they read "sign in again"):
   * the connection now points at another AIRisk, which did not issue them.
   */
  dropTokens(connectionId: string): void {
    const ids = this.#document.accounts.filter((account) => account.connectionId === connectionId).map((account) => account.id);
    if (ids.length === 0) return;
    const accounts = this.#document.accounts.map((account) => (account.connectionId === connectionId ? { ...account, token: null } : account));
    this.#commit({ ...this.#document, accounts }, () => {
      for (const id of ids) {
        this.#memoryTokens.delete(id);
        this.#undecryptable.delete(id);
      }
    });
  }

  /** Forgets an account and its token. When it was active, the generic account (else the first in display order) becomes active. */
  remove(id: string): void {
    this.#requireAccount(id);
    const accounts = this.#document.accounts.filter((account) => account.id !== id);
    const activeAccountId = this.#document.activeAccountId === id ? sensibleActiveAccountId(accounts) : this.#document.activeAccountId;
    this.#commit({ ...this.#document, accounts, activeAccountId }, () => {
      this.#memoryTokens.delete(id);
      this.#undecryptable.delete(id);
    });
  }

  /** Makes an account the active one. */
  setActive(id: string): void {
    this.#requireAccount(id);
    if (this.#document.activeAccountId === id) return;
    this.#commit({ ...this.#document, activeAccountId: id });
  }

  /** Sets an account's label: trimmed, 1–64 characters, no control characters (throws otherwise). */
  rename(id: string, label: string): void {
    this.#requireAccount(id);
    const normalised = normaliseLabel(label);
    this.#updateAccount(id, (account) => ({ ...account, label: normalised }));
  }

  /**
   * Persists changed app-wide settings (values are validated in src-main/core/settings; only types
   * are checked here). Turning weak encryption on or off moves tokens and client secrets between
   * memory and disk accordingly; the returned promise settles when that is done.
   */
  async updateSettings(changes: EditableSettings): Promise<void> {
    const persistedBefore = this.#persistsSecrets();
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.#commit({ ...this.#document, settings: { ...this.#document.settings, ...defined } });
    const persistsNow = this.#persistsSecrets();
    if (persistsNow === persistedBefore) return;
    if (persistsNow) await this.#moveSecretsToDisk();
    else await this.#moveSecretsToMemory();
  }

  /** Sets or clears (null or '') a connection's client secret, bound to its base URL's origin (see VaultConnections.setClientSecret). */
  setClientSecret(connectionId: string, secret: string | null): Promise<void> {
    return this.#connections.setClientSecret(connectionId, secret);
  }

  /** A connection's client secret for `baseUrl` (default its own), decrypted now, or why it is not sent (see VaultConnections.readClientSecret). */
  readClientSecret(connectionId: string, baseUrl?: string): Promise<ClientSecretRead> {
    return this.#connections.readClientSecret(connectionId, baseUrl);
  }

  /** Calls `listener` after every change (persisted, or to what `accounts()` reports). Returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    const entry = (): void => listener();
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  #persistsSecrets(): boolean {
    return persistsSecrets(this.#protection.strength, this.#document.settings.allowWeakEncryption);
  }

  async #encrypt(plaintext: string): Promise<EncryptedSecret> {
    return { ciphertext: await this.#cipher.encrypt(plaintext), backend: this.#protection.backend };
  }

  async #tryEncrypt(plaintext: string): Promise<EncryptedSecret | undefined> {
    try {
      return await this.#encrypt(plaintext);
    } catch {
      return undefined;
    }
  }

  async #reEncryptToken(id: string, stored: EncryptedSecret, plaintext: string): Promise<void> {
    const renewed = await this.#tryEncrypt(plaintext);
    if (renewed === undefined || this.#findAccount(id)?.token !== stored || !this.#persistsSecrets()) return;
    this.#updateAccount(id, (account) => ({ ...account, token: renewed }));
  }

  /** The secrets the vault keeps per record: accounts' tokens and connections' client secrets. */
  #secretKinds(): SecretKind[] {
    return [tokenSecrets(this.#memoryTokens, (id) => this.#undecryptable.delete(id)), clientSecretSecrets(this.#connections.memory)];
  }

  /**
   * Weak encryption was allowed: encrypt what was kept in memory and store it. Only what is still
   * in memory unchanged, with nothing stored for it meanwhile, is moved.
   */
  async #moveSecretsToDisk(): Promise<void> {
    const kinds = this.#secretKinds();
    const encrypted: Map<string, { plaintext: string; secret: EncryptedSecret }>[] = [];
    for (const kind of kinds) {
      const entries = new Map<string, { plaintext: string; secret: EncryptedSecret }>();
      for (const [id, plaintext] of kind.memory) {
        const secret = await this.#tryEncrypt(plaintext);
        if (secret !== undefined) entries.set(id, { plaintext, secret });
      }
      encrypted.push(entries);
    }
    if (!this.#persistsSecrets()) return;
    const moves = kinds.map((kind, index) => {
      const stored = kind.stored(this.#document);
      const still = [...(encrypted[index] ?? [])].filter(([id, { plaintext }]) => kind.memory.get(id) === plaintext && stored.has(id) && stored.get(id) === null);
      return new Map(still.map(([id, { secret }]) => [id, secret]));
    });
    this.#commitMoves(kinds, moves, (kind, id) => kind.memory.delete(id));
  }

  /**
   * Weak encryption was turned off: secrets written by this (weak) cipher are decrypted into memory
   * and removed from the file; one that no longer decrypts is removed too (its account needs a new
   * sign-in). Secrets written by another backend are left alone: this cipher cannot read them anyway.
   */
  async #moveSecretsToMemory(): Promise<void> {
    const backend = this.#protection.backend;
    const kinds = this.#secretKinds();
    const decrypted: Map<string, { stored: EncryptedSecret; plaintext: string | undefined }>[] = [];
    for (const kind of kinds) {
      const entries = new Map<string, { stored: EncryptedSecret; plaintext: string | undefined }>();
      for (const [id, stored] of kind.stored(this.#document)) {
        if (stored !== null && stored.backend === backend) entries.set(id, { stored, plaintext: await this.#tryDecrypt(stored) });
      }
      decrypted.push(entries);
    }
    if (this.#persistsSecrets()) return;
    const moves = kinds.map((kind, index) => {
      const stored = kind.stored(this.#document);
      return new Map([...(decrypted[index] ?? [])].filter(([id, entry]) => stored.get(id) === entry.stored).map(([id]) => [id, null]));
    });
    this.#commitMoves(kinds, moves, (kind, id, index) => {
      const plaintext = decrypted[index]?.get(id)?.plaintext;
      if (plaintext !== undefined) kind.memory.set(id, plaintext);
      kind.movedToMemory?.(id);
    });
  }

  /** Writes every kind's `moves` (record id → what to store) in one change, then runs `moved` for each record. */
  #commitMoves(kinds: readonly SecretKind[], moves: readonly ReadonlyMap<string, EncryptedSecret | null>[], moved: (kind: SecretKind, id: string, index: number) => void): void {
    if (moves.every((changes) => changes.size === 0)) return;
    const next = kinds.reduce((document, kind, index) => kind.withStored(document, moves[index] ?? new Map()), this.#document);
    this.#commit(next, () => {
      kinds.forEach((kind, index) => {
        for (const id of moves[index]?.keys() ?? []) moved(kind, id, index);
      });
    });
  }

  async #tryDecrypt(stored: EncryptedSecret): Promise<string | undefined> {
    try {
      return (await this.#cipher.decrypt(stored.ciphertext)).plaintext;
    } catch {
      return undefined;
    }
  }

  #setUndecryptable(id: string, undecryptable: boolean): void {
    if (this.#undecryptable.has(id) === undecryptable) return;
    if (undecryptable) this.#undecryptable.add(id);
    else this.#undecryptable.delete(id);
    this.#emit();
  }

  #updateAccount(id: string, change: (account: StoredAccount) => StoredAccount, urgency: WriteUrgency = 'soon'): void {
    this.#requireAccount(id);
    const accounts = this.#document.accounts.map((account) => (account.id === id ? change(account) : account));
    this.#commit({ ...this.#document, accounts }, undefined, urgency);
  }

  /**
   * Validates (a wrong setting type or a bug must never write a file the next start would move
   * aside), writes (or schedules the write, in coalesced mode), then updates memory and tells listeners.
   */
  #commit(next: StoreDocument, afterWrite?: () => void, urgency: WriteUrgency = 'soon'): void {
    // A last-use time is an ISO string we made ourselves: re-validating 10,000 accounts for it would
    // put an O(n) walk on every copy.
    const checked = urgency === 'lazy' ? next : this.#validated(next);
    this.#writer.write(checked, urgency);
    this.#document = checked;
    afterWrite?.();
    this.#emit();
  }

  #validated(next: StoreDocument): StoreDocument {
    try {
      const { document, repairs } = validateStoreDocument(next);
      if (repairs.length > 0) throw new Error(repairs.join(' '));
      return document;
    } catch (error) {
      const reason = error instanceof StoreDocumentError ? error.reason : messageOf(error);
      throw new Error(`Refusing to write an inconsistent store document. ${reason}`, { cause: error });
    }
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('A vault change listener failed:', error);
      }
    }
  }

  #findAccount(id: string): StoredAccount | undefined {
    return this.#document.accounts.find((account) => account.id === id);
  }

  #requireAccount(id: string): StoredAccount {
    const account = this.#findAccount(id);
    if (account === undefined) throw new Error(`There is no account with id ${JSON.stringify(id)}.`);
    return account;
  }

  #record(account: StoredAccount): AccountRecord {
    const tokenStored = this.#memoryTokens.has(account.id) ? 'memory' : account.token === null ? 'none' : 'disk';
    return Object.freeze({
      id: account.id,
      connectionId: account.connectionId,
      userid: account.userid,
      label: account.label,
      expiration: account.expiration,
      obtainedAt: account.obtainedAt,
      clockSkewMs: account.clockSkewMs,
      lastUsedAt: account.lastUsedAt,
      needsSignIn: tokenStored === 'none' || (tokenStored === 'disk' && this.#undecryptable.has(account.id)),
      tokenStored,
    });
  }
}

function checkTokenInput(input: SaveTokenInput, connectionExists: boolean): void {
  if (!connectionExists) throw new Error('The connection this token was obtained on no longer exists; it was not kept.');
  const { userid } = input;
  if (userid !== null && !isWellFormedUserid(userid)) {
    throw new Error(`A userid has 1 to ${MAX_USERID_LENGTH} characters and no spaces or control characters.`);
  }
  if (typeof input.accessToken !== 'string' || input.accessToken.length === 0) throw new Error('The access token is empty.');
  if (!Number.isFinite(input.expiration.getTime())) throw new Error('The token expiration is not a valid date.');
  if (!Number.isFinite(input.obtainedAt.getTime())) throw new Error('The time the token was obtained is not a valid date.');
  if (!Number.isFinite(input.clockSkewMs)) throw new Error('The clock skew is not a number.');
}
