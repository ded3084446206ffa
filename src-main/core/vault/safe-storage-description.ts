import type { CipherDescription } from './cipher-port.ts';

/** What `safeStorage.getSelectedStorageBackend()` returns on Linux (Electron 45). */
export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** What the shell learned from `safeStorage`. */
export interface SafeStorageFacts {
  readonly platform: NodeJS.Platform;
  /** `await safeStorage.isAsyncEncryptionAvailable()`. */
  readonly available: boolean;
  /** Linux only: `safeStorage.getSelectedStorageBackend()`, the password store Electron selected. */
  readonly linuxBackend?: LinuxStorageBackend;
  /**
   * Linux only: the first bytes of a probe encrypted with `encryptStringAsync`, or null when the
   * probe failed. See {@link HARD_CODED_KEY_TAG}.
   */
  readonly linuxProbeTag?: string | null;
}

/**
 * Electron 45's asynchronous API, the one the app encrypts with, tells only whether encryption is
 * available (`isAsyncEncryptionAvailable(): Promise<boolean>`); it names no backend.
 * `getSelectedStorageBackend()` names the password store *selected* for this desktop (or by
 * `--password-store`), not the key the asynchronous encryptor ended up with: when the keyring cannot
 * be reached, Chromium's asynchronous encryptor on Linux falls back to its POSIX key provider, a
 * key derived from the hard-coded password "peanuts", and tags its ciphertexts `v10`. So on Linux
 * the app encrypts a probe and reads that tag: `v10` is weak, whatever store was selected.
 */
export const HARD_CODED_KEY_TAG = 'v10';

const KEYRING_ADVICE =
  'Install and unlock a keyring — GNOME Keyring (packages gnome-keyring and libsecret) or KWallet — then restart the app; ' +
  'or start it with --password-store=gnome-libsecret (or kwallet5/kwallet6) if your desktop is not detected.';

/**
 * How strong `safeStorage` is here, for the vault's protection rules and the settings page. macOS
 * Keychain and Windows DPAPI are strong when available. On Linux, judged conservatively from what
 * the asynchronous encryptor actually did: strong only when a keyring was selected and the probe's
 * ciphertext is not tagged with the hard-coded key; `basic_text` or a `v10` probe is weak; an
 * unavailable encryptor, an unknown backend or a failed probe is none.
 */
export function describeSafeStorage(facts: SafeStorageFacts): CipherDescription {
  if (facts.platform === 'linux') return describeLinux(facts);
  if (!facts.available) return { backend: 'none', strength: 'none', detail: 'No encryption is available on this system (safeStorage reports none).' };
  if (facts.platform === 'darwin') return { backend: 'macos_keychain', strength: 'strong', detail: 'Encrypted with a key kept in your macOS Keychain.' };
  if (facts.platform === 'win32') return { backend: 'windows_dpapi', strength: 'strong', detail: 'Encrypted with Windows DPAPI, readable only by your Windows account.' };
  return { backend: `safestorage_${facts.platform}`, strength: 'strong', detail: 'Encrypted with the system key store (safeStorage).' };
}

function describeLinux(facts: SafeStorageFacts): CipherDescription {
  const backend = facts.linuxBackend ?? 'unknown';
  if (!facts.available) return { backend: backend === 'unknown' ? 'none' : backend, strength: 'none', detail: `No encryption is available (safeStorage, ${backend}). ${KEYRING_ADVICE}` };
  if (backend === 'unknown') return { backend: 'none', strength: 'none', detail: `The keyring in use could not be determined. ${KEYRING_ADVICE}` };
  if (backend === 'basic_text') {
    return { backend, strength: 'weak', detail: `No keyring was found, so Electron fell back to basic_text: a hard-coded password anyone can look up, not real protection. ${KEYRING_ADVICE}` };
  }
  const tag = facts.linuxProbeTag;
  if (tag === undefined || tag === null) return { backend: 'none', strength: 'none', detail: `Encryption with ${backend} could not be checked (a test encryption failed). ${KEYRING_ADVICE}` };
  if (tag === HARD_CODED_KEY_TAG) {
    return { backend: 'basic_text', strength: 'weak', detail: `${backend} was selected but could not be reached, so tokens would be encrypted with a hard-coded password, not real protection. ${KEYRING_ADVICE}` };
  }
  return backend === 'gnome_libsecret'
    ? { backend, strength: 'strong', detail: 'Encrypted with a key kept in your login keyring (GNOME Keyring / libsecret).' }
    : { backend, strength: 'strong', detail: `Encrypted with a key kept in KWallet (${backend}).` };
}
