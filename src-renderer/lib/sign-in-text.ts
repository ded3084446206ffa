import type { SignInStage } from '../../src-main/contract.ts';
import { onConnection } from './connection-text.ts';

/** The stages in order, as the progress steps show them. */
export const SIGN_IN_STAGES: readonly SignInStage[] = ['opening_browser', 'waiting_for_browser', 'exchanging_code'];

/** Each stage in words; the tray menu says the same (src-main/core/tray/tray-menu-model.ts). */
export const STAGE_TEXT: Readonly<Record<SignInStage, string>> = {
  opening_browser: 'Opening the browser',
  waiting_for_browser: 'Waiting for you in the browser',
  exchanging_code: 'Exchanging the code',
};

/**
 * Who a sign-in is for, in words: "user_42" or "the generic token", followed by " on Staging" when
 * `connectionName` is given (two or more connections).
 */
export function signInSubject(userid: string | null, connectionName: string | null = null): string {
  return onConnection(userid ?? 'the generic token', connectionName);
}

/** The heading of a sign-in under way: "Signing in for user_42" (… " on Staging"). */
export function signInHeading(userid: string | null, connectionName: string | null = null): string {
  return `Signing in for ${signInSubject(userid, connectionName)}`;
}

/** The announcement for a stage: "Signing in for user_42: waiting for you in the browser." */
export function stageAnnouncement(userid: string | null, stage: SignInStage, connectionName: string | null = null): string {
  return `${signInHeading(userid, connectionName)}: ${STAGE_TEXT[stage].toLowerCase()}.`;
}

/** A short headline for a failed sign-in, by error code; the server's exact reason follows it. */
export function failureTitle(code: string): string {
  switch (code) {
    case 'access_denied':
      return 'AIRisk refused the sign-in';
    case 'issuer_mismatch':
      return 'The answer came from another issuer';
    case 'authorization_error':
      return 'AIRisk did not authorize the sign-in';
    case 'callback_timeout':
      return 'The browser did not come back in time';
    case 'callback_port_unavailable':
      return 'The sign-in could not listen for the browser';
    case 'paste_invalid':
      return 'That address does not finish this sign-in';
    case 'token_rejected':
      return 'AIRisk refused to issue a token';
    case 'token_network':
    case 'token_timeout':
      return 'AIRisk could not be reached';
    case 'invalid_configuration':
      return 'The settings need a change';
    case 'token_not_saved':
      return 'The token could not be stored';
    default:
      return 'The sign-in did not finish';
  }
}

/** Whether a failure is fixed in Settings (so the failure offers a way there). */
export function failureNeedsSettings(code: string): boolean {
  return code === 'invalid_configuration' || code === 'authorization_error' || code === 'issuer_mismatch' || code === 'token_rejected' || code === 'callback_port_unavailable' || code === 'token_not_json' || code === 'token_http_error';
}
