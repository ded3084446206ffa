import { SignInError } from './sign-in-error.ts';

/** Longest userid we accept; AIRisk documents none, this only stops pasted paragraphs. */
export const MAX_USERID_LENGTH = 128;

const WHITESPACE_OR_CONTROL = /[\s\p{Cc}]/u;

/** True for a userid as stored and sent: 1–128 characters, no whitespace or control characters. */
export function isWellFormedUserid(userid: string): boolean {
  return userid.length > 0 && userid.length <= MAX_USERID_LENGTH && !WHITESPACE_OR_CONTROL.test(userid);
}

/**
 * Trims and checks a userid (`user_42`) before it goes into an authorization URL, a token request
 * and the vault. Throws SignInError('invalid_configuration') naming the problem.
 */
export function normaliseUserid(raw: string): string {
  const userid = raw.trim();
  if (userid.length === 0) {
    throw new SignInError('invalid_configuration', 'The user ID is empty. Enter one like user_42, or sign in without a user for the generic token.');
  }
  if (userid.length > MAX_USERID_LENGTH) {
    throw new SignInError('invalid_configuration', `The user ID is ${userid.length} characters long; at most ${MAX_USERID_LENGTH} are allowed.`);
  }
  if (WHITESPACE_OR_CONTROL.test(userid)) {
    throw new SignInError('invalid_configuration', 'The user ID contains spaces or control characters. Enter it exactly as AIRisk knows it, like user_42.');
  }
  return userid;
}
