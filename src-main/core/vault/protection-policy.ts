import type { CipherDescription, ProtectionStrength } from './cipher-port.ts';
import type { VaultWarning } from './vault-warning.ts';

/*
 * Whether secrets (tokens, the client secret) may be written to disk:
 *   strong             → encrypted on disk
 *   weak + opted in    → encrypted on disk with the weak cipher, warning 'weak-encryption'
 *   weak, no opt-in    → memory only, warning 'tokens-in-memory-only'
 *   none (either way)  → memory only, warning 'tokens-in-memory-only' (never plaintext on disk)
 */

/** True when secrets are encrypted and written to disk; false when they are kept in memory only. */
export function persistsSecrets(strength: ProtectionStrength, allowWeakEncryption: boolean): boolean {
  return strength === 'strong' || (strength === 'weak' && allowWeakEncryption);
}

/** The warning that goes with the protection rules above, or undefined when protection is strong. */
export function protectionWarning(protection: CipherDescription, allowWeakEncryption: boolean): VaultWarning | undefined {
  const backend = protection.backend;
  switch (protection.strength) {
    case 'strong':
      return undefined;
    case 'weak':
      return allowWeakEncryption
        ? {
            kind: 'weak-encryption',
            message:
              `Tokens are stored with weak protection (${backend}): anyone who can read your files can decrypt them. ` +
              'Install or unlock GNOME Keyring or KWallet for real protection, or turn off weak encryption in Settings to keep tokens in memory only.',
          }
        : {
            kind: 'tokens-in-memory-only',
            message:
              `No keyring is available (${backend}), so tokens are kept in memory only and you will have to sign in again after the app restarts. ` +
              'To keep them, install or unlock GNOME Keyring or KWallet, or allow weak encryption in Settings.',
          };
    case 'none':
      return {
        kind: 'tokens-in-memory-only',
        message:
          `No encryption is available on this system (${backend}), so tokens are never written to disk and you will have to sign in again after the app restarts. ` +
          'To keep them, install or unlock a keyring such as GNOME Keyring or KWallet.',
      };
  }
}
