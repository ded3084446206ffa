import type { ErrorView, SignInStage } from '../../contract.ts';

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

/** What the window announces when a sign-in saved its token: "Signed in: the token for user_42 on Staging is saved." */
export function signedInText(subject: string): string {
  return `Signed in: the token for ${subject} is saved.`;
}

/** What the window announces when a sign-in did not finish: "Sign-in cancelled.", or main's title and reason. */
export function signInEndedText(error: ErrorView): string {
  return error.code === 'cancelled' ? 'Sign-in cancelled.' : `${error.title ?? 'Sign-in failed'}: ${error.message}`;
}

/** The paste field's label while the browser's redirect cannot be heard; null otherwise (see SignInView.paste). */
export function pasteLabel(stage: SignInStage, listening: boolean): string | null {
  return stage === 'waiting_for_browser' && !listening ? 'After you approve, paste the whole address the browser shows (even an error page)' : null;
}
