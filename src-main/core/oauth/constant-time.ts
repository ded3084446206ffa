import { createHash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Compares two secrets (e.g. an OAuth `state`) without leaking, through timing, how much of them
 * matches: both are hashed to equal-length buffers and compared with `crypto.timingSafeEqual`.
 */
export function constantTimeEqual(actual: string, expected: string): boolean {
  const same = timingSafeEqual(digest(actual), digest(expected));
  return same && actual.length === expected.length;
}
