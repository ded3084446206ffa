import { SignInError } from './sign-in-error.ts';

/** Longest userid we accept; AIRisk documents none, this only stops pasted paragraphs. */
export const MAX_USERID_LENGTH = 128;

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
  if (/[\s\p{Cc}]/u.test(userid)) {
    throw new SignInError('invalid_configuration', 'The user ID contains spaces or control characters. Enter it exactly as AIRisk knows it, like user_42.');
  }
  return userid;
}
