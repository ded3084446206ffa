import type { CipherDescription } from '../core/vault/cipher-port.ts';

/** What `safeStorage.getSelectedStorageBackend()` returns on Linux (Electron 45). */
export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** What the shell learned from `safeStorage`. */
export interface SafeStorageFacts {
  readonly platform: NodeJS.Platform;
  /** `await safeStorage.isAsyncEncryptionAvailable()`. */
  readonly available: boolean;
  /** Linux only: `safeStorage.getSelectedStorageBackend()`. */
  readonly linuxBackend?: LinuxStorageBackend;
}

const KEYRING_ADVICE =
  'Install and unlock a keyring — GNOME Keyring (packages gnome-keyring and libsecret) or KWallet — then restart the app; ' +
  'or start it with --password-store=gnome-libsecret (or kwallet5/kwallet6) if your desktop is not detected.';

/**
 * How strong `safeStorage` is here, for the vault's protection rules and the settings page. No
 * electron import, so it is tested in Node. macOS Keychain, Windows DPAPI, GNOME libsecret and
 * KWallet are strong; Linux `basic_text` (no keyring found: a hard-coded password) is weak; an
 * unavailable encryptor or an unknown backend is none.
 */
export function describeSafeStorage(facts: SafeStorageFacts): CipherDescription {
  if (facts.platform === 'linux') {
    const backend = facts.linuxBackend ?? 'unknown';
    if (!facts.available) return { backend: backend === 'unknown' ? 'none' : backend, strength: 'none', detail: `No encryption is available (safeStorage, ${backend}). ${KEYRING_ADVICE}` };
    switch (backend) {
      case 'gnome_libsecret':
        return { backend, strength: 'strong', detail: 'Encrypted with a key kept in your login keyring (GNOME Keyring / libsecret).' };
      case 'kwallet':
      case 'kwallet5':
      case 'kwallet6':
        return { backend, strength: 'strong', detail: `Encrypted with a key kept in KWallet (${backend}).` };
      case 'basic_text':
        return { backend, strength: 'weak', detail: `No keyring was found, so Electron fell back to basic_text: a hard-coded password anyone can look up, not real protection. ${KEYRING_ADVICE}` };
      case 'unknown':
        return { backend: 'none', strength: 'none', detail: `The keyring in use could not be determined. ${KEYRING_ADVICE}` };
    }
  }
  if (!facts.available) return { backend: 'none', strength: 'none', detail: 'No encryption is available on this system (safeStorage reports none).' };
  if (facts.platform === 'darwin') return { backend: 'macos_keychain', strength: 'strong', detail: 'Encrypted with a key kept in your macOS Keychain.' };
  if (facts.platform === 'win32') return { backend: 'windows_dpapi', strength: 'strong', detail: 'Encrypted with Windows DPAPI, readable only by your Windows account.' };
  return { backend: `safestorage_${facts.platform}`, strength: 'strong', detail: 'Encrypted with the system key store (safeStorage).' };
}
