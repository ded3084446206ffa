/*
 * What is encrypted for the client secret: the secret together with the origin it is for, so the
 * binding cannot be changed by editing the store file's plain settings. Secrets written before
 * the binding existed are the bare secret; they read as "origin unknown".
 */

/** Starts every sealed plaintext; a client secret pasted into Settings cannot start with a NUL. */
const SEAL_PREFIX = '\u0000airisk-client-secret-v1\u0000';

/** A decrypted client secret and the origin sealed with it (undefined for an unsealed, older one). */
export interface UnsealedClientSecret {
  readonly secret: string;
  readonly origin: string | undefined;
}

/** The plaintext to encrypt for `secret`, bound to `origin`. */
export function sealClientSecret(secret: string, origin: string): string {
  return `${SEAL_PREFIX}${JSON.stringify({ origin, secret })}`;
}

/** Reads what {@link sealClientSecret} made, or an older bare secret. */
export function unsealClientSecret(plaintext: string): UnsealedClientSecret {
  if (!plaintext.startsWith(SEAL_PREFIX)) return { secret: plaintext, origin: undefined };
  const sealed: unknown = JSON.parse(plaintext.slice(SEAL_PREFIX.length));
  if (typeof sealed !== 'object' || sealed === null) throw new Error('The sealed client secret is damaged.');
  const { origin, secret } = sealed as Record<string, unknown>;
  if (typeof origin !== 'string' || typeof secret !== 'string') throw new Error('The sealed client secret is damaged.');
  return { secret, origin };
}
