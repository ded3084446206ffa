import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636): the verifier stays in memory; only the challenge leaves the app. */
export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

/** S256 code challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2. */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A fresh verifier of 32 random bytes (43 base64url characters, the RFC's recommended size). */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: codeChallengeS256(verifier), method: 'S256' };
}

/** A one-time `state` value with 256 random bits (RFC 6749 §10.12 asks for a non-guessable value). */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}
