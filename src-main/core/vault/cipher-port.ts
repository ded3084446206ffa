/**
 * How the vault encrypts tokens and the client secret, injected so the Electron shell can pass a
 * `safeStorage` cipher (`encryptStringAsync` / `decryptStringAsync` → `{ result, shouldReEncrypt }`)
 * while Node and tests pass the AES-GCM cipher with a key file. Ciphertexts are opaque text.
 */

/**
 * How well a cipher protects what it encrypts: `strong` = an OS keyring or a key this host guards,
 * `weak` = encrypted with a key anyone with the file can find (Linux `basic_text`), `none` = no
 * encryption at all (the vault then never writes a token to disk).
 */
export type ProtectionStrength = 'strong' | 'weak' | 'none';

/** What a cipher is, for the settings page and for the vault's protection rules. */
export interface CipherDescription {
  /** A short machine-ish name, stored next to each ciphertext (`node-aes-256-gcm`, `gnome_libsecret`, `basic_text`). */
  readonly backend: string;
  readonly strength: ProtectionStrength;
  /** One sentence a person understands, saying where the key lives. */
  readonly detail: string;
}

/** A string cipher. `decrypt` throws when the ciphertext cannot be decrypted (wrong key, damaged). */
export interface CipherPort {
  describe(): Promise<CipherDescription>;
  /** Opaque text (base64 with a version prefix or similar) that is safe to store. */
  encrypt(plaintext: string): Promise<string>;
  /** `shouldReEncrypt` asks the caller to encrypt the plaintext again and store the new ciphertext. */
  decrypt(ciphertext: string): Promise<{ plaintext: string; shouldReEncrypt: boolean }>;
}
