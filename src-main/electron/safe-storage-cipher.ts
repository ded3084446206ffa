import { safeStorage } from 'electron';
import type { CipherPort } from '../core/vault/cipher-port.ts';
import { describeSafeStorage } from '../core/vault/safe-storage-description.ts';

/** Prefix of our stored ciphertexts: safeStorage output, base64. */
const PREFIX = 'ss1:';

/**
 * CipherPort over Electron's asynchronous `safeStorage` (the synchronous calls are deprecated in
 * Electron 45). Ciphertexts are `ss1:<base64>`; `decryptStringAsync`'s `shouldReEncrypt` is passed
 * on so the vault re-encrypts after a key rotation. On Linux, `describe` encrypts a probe so core
 * judges the key the asynchronous encryptor really uses. Use only after `app` is ready.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): CipherPort {
  return {
    async describe() {
      const available = await safeStorage.isAsyncEncryptionAvailable();
      if (platform !== 'linux') return describeSafeStorage({ platform, available });
      const probe = available ? await safeStorage.encryptStringAsync('airisk-probe').then((bytes) => bytes.subarray(0, 3).toString('latin1'), () => null) : null;
      return describeSafeStorage({ platform, available, linuxBackend: safeStorage.getSelectedStorageBackend(), linuxProbeTag: probe });
    },
    async encrypt(plaintext) {
      const encrypted = await safeStorage.encryptStringAsync(plaintext);
      return `${PREFIX}${encrypted.toString('base64')}`;
    },
    async decrypt(ciphertext) {
      if (!ciphertext.startsWith(PREFIX)) throw new Error('Not a safeStorage ciphertext.');
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(ciphertext.slice(PREFIX.length), 'base64'));
      return { plaintext: result, shouldReEncrypt };
    },
  };
}
