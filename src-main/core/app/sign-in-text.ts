import type { SignInStage } from '../../contract.ts';

const STAGES: Readonly<Record<SignInStage, string>> = {
  opening_browser: 'opening the browser',
  waiting_for_browser: 'waiting for you in the browser',
  exchanging_code: 'exchanging the code',
};

/** The line the window shows and announces for a sign-in under way: "Signing in for user_42 on Staging: waiting for you in the browser". */
export function signInProgressText(subject: string, stage: SignInStage): string {
  return `Signing in for ${subject}: ${STAGES[stage]}`;
}

/** A sign-in's notes (e.g. the browser could not be opened) and its line with them: "Signing in for …: waiting for you in the browser. <note>". */
export function progressNotes(subject: string, stage: SignInStage, notes: readonly string[]): { readonly message: string; readonly notes: readonly string[] } {
  const line = signInProgressText(subject, stage);
  return { message: notes.length === 0 ? line : `${line}. ${notes.join(' ')}`, notes };
}
