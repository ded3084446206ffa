import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CipherDescription, CipherPort } from './cipher-port.ts';

export { loadOrCreateKeyFile } from './key-file.ts';

/** The prefix of every ciphertext this cipher writes: format version 1 (IV, tag, ciphertext). */
const VERSION_PREFIX = 'v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bound into every message's authentication tag, so a ciphertext of another format never decrypts. */
const ASSOCIATED_DATA = Buffer.from('airisk-token-tray/aes-256-gcm/v1', 'utf8');

/** What the AES-GCM cipher says about itself unless told otherwise. */
export const AES_GCM_DEFAULT_DESCRIPTION: CipherDescription = {
  backend: 'node-aes-256-gcm',
  strength: 'strong',
  detail: 'Tokens are encrypted with AES-256-GCM using a key file held by this Node host (development and test use).',
};

/**
 * AES-256-GCM with a random 12-byte IV per message and the 16-byte tag checked on decrypt.
 * Ciphertext: `v1:` + base64(IV ‖ tag ‖ encrypted bytes). `description` overrides parts of what
 * `describe()` reports (tests use it to stand in for a weak backend such as `basic_text`).
 */
export function createAesGcmCipher(key: Buffer, description: Partial<CipherDescription> = {}): CipherPort {
  if (key.length !== KEY_BYTES) throw new Error(`An AES-256-GCM key is ${KEY_BYTES} bytes long; this one has ${key.length}.`);
  const ownKey = Buffer.from(key);
  const described: CipherDescription = { ...AES_GCM_DEFAULT_DESCRIPTION, ...description };
  return {
    describe: () => Promise.resolve(described),
    // async, so a failure is a rejected promise like any other cipher's, never a synchronous throw
    encrypt: async (plaintext) => encrypt(ownKey, plaintext),
    decrypt: async (ciphertext) => ({ plaintext: decrypt(ownKey, ciphertext), shouldReEncrypt: false }),
  };
}

function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ASSOCIATED_DATA);
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return VERSION_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64');
}

function decrypt(key: Buffer, ciphertext: string): string {
  if (!ciphertext.startsWith(VERSION_PREFIX)) {
    throw new Error('This ciphertext was not written by the AES-256-GCM cipher (unknown format version).');
  }
  const bytes = Buffer.from(ciphertext.slice(VERSION_PREFIX.length), 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('This ciphertext is too short to be AES-256-GCM output.');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(ASSOCIATED_DATA);
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new Error('This ciphertext cannot be decrypted with this key (wrong key or damaged data).', { cause: error });
  }
}
