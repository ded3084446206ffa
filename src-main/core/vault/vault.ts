import { randomUUID } from 'node:crypto';
import { isWellFormedUserid, MAX_USERID_LENGTH } from '../oauth/userid.ts';
import { clientSecretOriginProblem, originOf } from '../settings/client-secret-origin.ts';
import type { EncryptedSecret, StoredSettings } from '../settings/stored-settings.ts';
import { sealClientSecret, unsealClientSecret, type UnsealedClientSecret } from './client-secret-seal.ts';
import { defaultLabel, normaliseLabel } from './account-label.ts';
import { inDisplayOrder, sensibleActiveAccountId } from './account-order.ts';
import type { CipherDescription, CipherPort } from './cipher-port.ts';
import type { DocumentStorePort } from './document-store-port.ts';
import { persistsSecrets, protectionWarning } from './protection-policy.ts';
import { STORE_SCHEMA_VERSION, migrateStoreDocument, type StoreDocument, type StoredAccount } from './store-document.ts';
import { StoreDocumentError } from './store-document-error.ts';
import { StoreWriter, type PersistMode, type WriteUrgency } from './store-writer.ts';
import { validateStoreDocument } from './validate-store-document.ts';
import { storeMigratedWarning, storeRecoveredWarning, storeWriteFailedWarning, type StoreRecovery, type VaultWarning } from './vault-warning.ts';
import { messageOf } from '../../shared/message-of.ts';

export type { StoreRecovery, VaultWarning, VaultWarningKind } from './vault-warning.ts';

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
  /** null = the generic token. */
  readonly userid: string | null;
  readonly accessToken: string;
  readonly expiration: Date;
  readonly obtainedAt: Date;
  readonly clockSkewMs: number;
}

/** The settings `updateSettings` changes; the client secret goes through `setClientSecret`, which encrypts it. */
export type EditableSettings = Partial<Omit<StoredSettings, 'clientSecret'>>;

/** The client secret for the current base URL, or why there is none to send (undefined: none is set). */
export type ClientSecretRead = { readonly secret: string; readonly problem?: undefined } | { readonly secret: undefined; readonly problem: string | undefined };

/**
 * The multi-account token vault: accounts (generic + one per userid), which one is active, their
 * encrypted tokens, and the settings, all in one store document that is written after every change.
 * Tokens are decrypted only when asked for (`readToken`), never cached; when protection is weak and
 * the user has not opted in (or there is none), tokens and the client secret live in memory only.
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
  /** The sealed client secret (client-secret-seal.ts) when it is kept in memory only. */
  #memoryClientSecret: string | undefined;
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

  /** The persisted settings (the client secret encrypted, or null when none is stored on disk). */
  get settings(): StoredSettings {
    return this.#document.settings;
  }

  /** Where the client secret is: encrypted in the store file, in memory only, or not set. */
  get clientSecretStored(): 'disk' | 'memory' | 'none' {
    if (this.#memoryClientSecret !== undefined) return 'memory';
    return this.#document.settings.clientSecret === null ? 'none' : 'disk';
  }

  /**
   * Stores a token: a new account for a new userid (the first account becomes active), or, for a
   * userid that already has one, replaces that account's token, expiration, time obtained and clock
   * skew and nothing else (id, label, last use and the active choice stay). Encrypted on disk, or
   * in memory only when protection is weak without opt-in or absent.
   */
  async saveToken(input: SaveTokenInput): Promise<AccountRecord> {
    checkTokenInput(input);
    const ciphertext = this.#persistsSecrets() ? await this.#encrypt(input.accessToken) : null;
    const token = ciphertext !== null && this.#persistsSecrets() ? ciphertext : null;
    const fields = {
      expiration: input.expiration.toISOString(),
      obtainedAt: input.obtainedAt.toISOString(),
      clockSkewMs: input.clockSkewMs,
      token,
    };
    const existing = this.#document.accounts.find((account) => account.userid === input.userid);
    const id = existing?.id ?? randomUUID();
    const accounts =
      existing === undefined
        ? [...this.#document.accounts, { id, userid: input.userid, label: defaultLabel(input.userid), lastUsedAt: null, ...fields }]
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
   * Persists changed settings (values are validated in src-main/core/settings; only types are
   * checked here). Turning weak encryption on or off moves tokens and the client secret between
   * memory and disk accordingly; the returned promise settles when that is done.
   */
  async updateSettings(changes: EditableSettings): Promise<void> {
    if ('clientSecret' in changes) throw new Error('Set the client secret with setClientSecret, which encrypts it.');
    const persistedBefore = this.#persistsSecrets();
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.#commit({ ...this.#document, settings: { ...this.#document.settings, ...defined } });
    const persistsNow = this.#persistsSecrets();
    if (persistsNow === persistedBefore) return;
    if (persistsNow) await this.#moveSecretsToDisk();
    else await this.#moveSecretsToMemory();
  }

  /**
   * Sets (encrypting it, or in memory only under the same rules as tokens) or clears (null or '')
   * the client secret. It is bound to the current base URL's origin: set the base URL first.
   */
  async setClientSecret(secret: string | null): Promise<void> {
    if (secret === null || secret === '') {
      this.#commit(this.#withClientSecret(null), () => {
        this.#memoryClientSecret = undefined;
      });
      return;
    }
    const origin = originOf(this.#document.settings.baseUrl);
    if (origin === null) throw new Error('Set a valid AIRisk base URL before the client secret: the secret is kept for that address only.');
    const sealed = sealClientSecret(secret, origin);
    const ciphertext = this.#persistsSecrets() ? await this.#encrypt(sealed) : null;
    const onDisk = ciphertext !== null && this.#persistsSecrets() ? ciphertext : null;
    this.#commit(this.#withClientSecret(onDisk), () => {
      this.#memoryClientSecret = onDisk === null ? sealed : undefined;
    });
  }

  /** The client secret, decrypted now, when it is bound to the current base URL's origin; undefined otherwise. */
  async readClientSecret(): Promise<string | undefined> {
    return (await this.readClientSecretForBaseUrl()).secret;
  }

  /**
   * The client secret for the current base URL, decrypted now. It is handed out only when the
   * origin sealed inside it is the base URL's origin; otherwise `problem` says why and what to do.
   * A bare secret saved before sealing has no known origin: it is never sent, and must be entered
   * again (the store file's plain fields cannot vouch for it: another program may have edited them).
   */
  async readClientSecretForBaseUrl(): Promise<ClientSecretRead> {
    const plaintext = await this.#readSealedClientSecret();
    if (plaintext === undefined) return { secret: undefined, problem: undefined };
    let unsealed: UnsealedClientSecret;
    try {
      unsealed = unsealClientSecret(plaintext);
    } catch {
      return { secret: undefined, problem: undefined };
    }
    const problem = clientSecretOriginProblem(unsealed.origin ?? null, this.#document.settings.baseUrl);
    return problem === undefined ? { secret: unsealed.secret } : { secret: undefined, problem };
  }

  /** What was encrypted for the client secret (sealed, or an older bare secret); undefined when none or it no longer decrypts. */
  async #readSealedClientSecret(): Promise<string | undefined> {
    if (this.#memoryClientSecret !== undefined) return this.#memoryClientSecret;
    const stored = this.#document.settings.clientSecret;
    if (stored === null) return undefined;
    let decrypted: { plaintext: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.#cipher.decrypt(stored.ciphertext);
    } catch {
      return undefined;
    }
    if (decrypted.shouldReEncrypt) await this.#renewClientSecret(decrypted.plaintext);
    return decrypted.plaintext;
  }

  /** Re-encrypts the stored client secret as `plaintext` (the cipher asked for a newer key), if it is still the one on disk. */
  async #renewClientSecret(plaintext: string): Promise<void> {
    const stored = this.#document.settings.clientSecret;
    if (stored === null) return;
    const renewed = await this.#tryEncrypt(plaintext);
    if (renewed !== undefined && this.#document.settings.clientSecret === stored && this.#persistsSecrets()) {
      this.#commit(this.#withClientSecret(renewed));
    }
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

  /** Weak encryption was allowed: encrypt what was kept in memory and store it. */
  async #moveSecretsToDisk(): Promise<void> {
    const encrypted = new Map<string, { plaintext: string; token: EncryptedSecret }>();
    for (const [id, plaintext] of this.#memoryTokens) {
      const token = await this.#tryEncrypt(plaintext);
      if (token !== undefined) encrypted.set(id, { plaintext, token });
    }
    const secret = this.#memoryClientSecret;
    const encryptedSecret = secret === undefined ? undefined : await this.#tryEncrypt(secret);
    if (!this.#persistsSecrets()) return;
    const moved = [...encrypted].filter(([id, { plaintext }]) => this.#memoryTokens.get(id) === plaintext && this.#findAccount(id)?.token === null);
    const movedIds = new Set(moved.map(([id]) => id));
    const accounts = this.#document.accounts.map((account) => {
      const entry = encrypted.get(account.id);
      return entry !== undefined && movedIds.has(account.id) ? { ...account, token: entry.token } : account;
    });
    const secretMoved = encryptedSecret !== undefined && this.#memoryClientSecret === secret && this.#document.settings.clientSecret === null;
    const settings = secretMoved ? { ...this.#document.settings, clientSecret: encryptedSecret } : this.#document.settings;
    if (movedIds.size === 0 && !secretMoved) return;
    this.#commit({ ...this.#document, accounts, settings }, () => {
      for (const id of movedIds) this.#memoryTokens.delete(id);
      if (secretMoved) this.#memoryClientSecret = undefined;
    });
  }

  /**
   * Weak encryption was turned off: secrets written by this (weak) cipher are decrypted into memory
   * and removed from the file; one that no longer decrypts is removed too (its account needs a new
   * sign-in). Secrets written by another backend are left alone: this cipher cannot read them anyway.
   */
  async #moveSecretsToMemory(): Promise<void> {
    const backend = this.#protection.backend;
    const decrypted = new Map<string, { stored: EncryptedSecret; plaintext: string | undefined }>();
    for (const account of this.#document.accounts) {
      if (account.token === null || account.token.backend !== backend) continue;
      decrypted.set(account.id, { stored: account.token, plaintext: await this.#tryDecrypt(account.token) });
    }
    const storedSecret = this.#document.settings.clientSecret;
    const secret = storedSecret !== null && storedSecret.backend === backend ? await this.#tryDecrypt(storedSecret) : undefined;
    if (this.#persistsSecrets()) return;
    const moved = new Map([...decrypted].filter(([id, { stored }]) => this.#findAccount(id)?.token === stored));
    const accounts = this.#document.accounts.map((account) => (moved.has(account.id) ? { ...account, token: null } : account));
    const secretMoved = storedSecret !== null && storedSecret.backend === backend && this.#document.settings.clientSecret === storedSecret;
    const settings = secretMoved ? { ...this.#document.settings, clientSecret: null } : this.#document.settings;
    if (moved.size === 0 && !secretMoved) return;
    this.#commit({ ...this.#document, accounts, settings }, () => {
      for (const [id, { plaintext }] of moved) {
        if (plaintext !== undefined) this.#memoryTokens.set(id, plaintext);
        this.#undecryptable.delete(id);
      }
      if (secretMoved && secret !== undefined) this.#memoryClientSecret = secret;
    });
  }

  async #tryDecrypt(stored: EncryptedSecret): Promise<string | undefined> {
    try {
      return (await this.#cipher.decrypt(stored.ciphertext)).plaintext;
    } catch {
      return undefined;
    }
  }

  #withClientSecret(clientSecret: EncryptedSecret | null): StoreDocument {
    return { ...this.#document, settings: { ...this.#document.settings, clientSecret } };
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

function checkTokenInput(input: SaveTokenInput): void {
  const { userid } = input;
  if (userid !== null && !isWellFormedUserid(userid)) {
    throw new Error(`A userid has 1 to ${MAX_USERID_LENGTH} characters and no spaces or control characters.`);
  }
  if (typeof input.accessToken !== 'string' || input.accessToken.length === 0) throw new Error('The access token is empty.');
  if (!Number.isFinite(input.expiration.getTime())) throw new Error('The token expiration is not a valid date.');
  if (!Number.isFinite(input.obtainedAt.getTime())) throw new Error('The time the token was obtained is not a valid date.');
  if (!Number.isFinite(input.clockSkewMs)) throw new Error('The clock skew is not a number.');
}
