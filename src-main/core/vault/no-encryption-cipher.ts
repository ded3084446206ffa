import type { CipherDescription, CipherPort } from './cipher-port.ts';

/**
 * The cipher for a system with no usable encryption (for example Electron's `safeStorage` reports
 * none). Strength `none` makes the vault keep tokens and the client secret in memory only, so
 * `encrypt` is never called; it and `decrypt` throw to make any such call loud.
 */
export function createNoEncryptionCipher(description: Partial<CipherDescription> = {}): CipherPort {
  const described: CipherDescription = {
    backend: 'none',
    strength: 'none',
    detail: 'No encryption is available on this system.',
    ...description,
  };
  const refuse = (): Promise<never> => Promise.reject(new Error(`No encryption is available (${described.backend}).`));
  return { describe: () => Promise.resolve(described), encrypt: refuse, decrypt: refuse };
}
